package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/report/reporttest"
	"cloudadvisor/sqlite"
)

// cachedExports are the formats the export cache keeps (JSON is streamed).
var cachedExports = []string{"pdf", "xlsx", "csv", "md", "html"}

// exportServer is testServer with the fixture's catalog, an export cache
// of budget bytes, and one session that owns the fixture assessment.
func exportServer(t *testing.T, budget int64) (s *Server, db *sqlite.DB, now *time.Time, c *client, id string) {
	t.Helper()
	db = testDB(t)
	importFixture(t, db)
	clock := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s = newTestServerWith(db, Options{Now: func() time.Time { return clock }, ExportCacheBytes: budget})
	c = &client{tb: t, h: s.Handler()}
	return s, db, &clock, c, createFixture(t, c)
}

// exportMetric reads a per-format export counter from the admin listener's
// /metrics.
func exportMetric(t *testing.T, s *Server, name, format string) int {
	t.Helper()
	rec := httptest.NewRecorder()
	s.AdminHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	m := regexp.MustCompile(`(?m)^` + name + `\{format="` + format + `"\} (\d+)$`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func renders(t *testing.T, s *Server, format string) int {
	t.Helper()
	return exportMetric(t, s, "advisor_export_renders_total", format)
}

// download gets an export and wants 200.
func download(t *testing.T, c *client, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := c.do("GET", path, "")
	if rec.Code != 200 || rec.Body.Len() == 0 {
		t.Fatalf("GET %s: got %d with %d bytes, want 200 with a body", path, rec.Code, rec.Body.Len())
	}
	return rec
}

func TestExportCacheRendersAnUnchangedAssessmentOnce(t *testing.T) {
	s, _, _, c, id := exportServer(t, 0)
	for _, ext := range cachedExports {
		path := "/assessments/" + id + "/report." + ext
		first, second := download(t, c, path), download(t, c, path)
		if got := renders(t, s, ext); got != 1 {
			t.Errorf("report.%s downloaded twice: got %d renders, want 1", ext, got)
		}
		if got := exportMetric(t, s, "advisor_export_cache_hits_total", ext); got != 1 {
			t.Errorf("report.%s downloaded twice: got %d cache hits, want 1", ext, got)
		}
		if !bytes.Equal(first.Body.Bytes(), second.Body.Bytes()) {
			t.Errorf("report.%s: the second download differs from the first", ext)
		}
		for _, h := range []string{"Content-Type", "Content-Disposition", "Cache-Control"} {
			if a, b := first.Header().Get(h), second.Header().Get(h); a != b || a == "" {
				t.Errorf("report.%s: %s %q then %q, want the same", ext, h, a, b)
			}
		}
	}
}

func TestExportCacheStreamsJSON(t *testing.T) {
	s, _, _, c, id := exportServer(t, 0)
	first, second := download(t, c, "/assessments/"+id+"/report.json"), download(t, c, "/assessments/"+id+"/report.json")
	if hits := exportMetric(t, s, "advisor_export_cache_hits_total", "json"); hits != 0 || s.exportCache.size() != 0 {
		t.Errorf("report.json twice: got %d cache hits and %d bytes cached, want none (JSON is streamed)", hits, s.exportCache.size())
	}
	if !bytes.Equal(first.Body.Bytes(), second.Body.Bytes()) {
		t.Error("report.json differs between two downloads")
	}
}

func TestExportCacheRendersAgainAfterAnEdit(t *testing.T) {
	s, _, _, c, id := exportServer(t, 0)
	path := "/assessments/" + id + "/report.md"
	before := download(t, c, path)
	rec := c.form("/assessments/"+id+"/organization", "organization.name=Renamed+Ltd&organization.geography=us-east")
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("rename the organisation: got %d, want 303", rec.Code)
	}
	after := download(t, c, path)
	if got := renders(t, s, "md"); got != 2 {
		t.Errorf("download, edit, download: got %d renders, want 2", got)
	}
	if !strings.HasPrefix(before.Body.String(), "# "+reporttest.OrgName) || !strings.HasPrefix(after.Body.String(), "# Renamed Ltd") {
		t.Errorf("got titles %.40q then %.40q, want the old name then the new", before.Body.String(), after.Body.String())
	}
}

func TestExportCacheKeepsShareLinksApartFromTheOwner(t *testing.T) {
	s, _, _, owner, id := exportServer(t, 0)
	if rec := owner.do("POST", "/assessments/"+id+"/shares", ""); rec.Code != http.StatusSeeOther {
		t.Fatalf("create a share link: got %d", rec.Code)
	}
	box, err := s.ShareBoxView(context.Background(), advisor.Assessment{ID: id})
	if err != nil || len(box.Links) != 1 {
		t.Fatalf("got %d share links (%v), want 1", len(box.Links), err)
	}
	shared := "/shared/" + box.Links[0].Token
	stranger := &client{tb: t, h: s.Handler()}
	for _, ext := range []string{"html", "pdf"} {
		mine := download(t, owner, "/assessments/"+id+"/report."+ext)
		theirs := download(t, stranger, shared+"/report."+ext)
		download(t, stranger, shared+"/report."+ext)
		if got := renders(t, s, ext); got != 2 {
			t.Errorf("report.%s by the owner, then twice by a share link: got %d renders, want 2", ext, got)
		}
		if ext == "html" && (!strings.Contains(mine.Body.String(), "/assessments/"+id) ||
			strings.Contains(theirs.Body.String(), id) || !strings.Contains(theirs.Body.String(), shared+"/report.pdf")) {
			t.Error("print view: want the owner's links to the assessment, the share link's to the link and no id")
		}
	}
	if rec := owner.do("POST", "/assessments/"+id+"/shares/"+box.Links[0].Token+"/revoke", ""); rec.Code != http.StatusSeeOther {
		t.Fatalf("revoke: got %d", rec.Code)
	}
	if rec := stranger.do("GET", shared+"/report.html", ""); rec.Code != http.StatusGone {
		t.Errorf("a cached export through a revoked link: got %d, want 410", rec.Code)
	}
}

func TestExportCacheKeepsLanguagesApart(t *testing.T) {
	s, _, _, c, id := exportServer(t, 0)
	path := "/assessments/" + id + "/report.pdf"
	get := func(lang string) []byte {
		c.cookies = append(slices.DeleteFunc(c.cookies, func(k *http.Cookie) bool { return k.Name == langCookieName }),
			&http.Cookie{Name: langCookieName, Value: lang})
		return download(t, c, path).Body.Bytes()
	}
	en, ko := get("en"), get("ko")
	if again := get("en"); !bytes.Equal(en, again) {
		t.Error("the English PDF changed between two downloads")
	}
	if got := renders(t, s, "pdf"); got != 2 {
		t.Errorf("English, Korean, English: got %d renders, want 2", got)
	}
	if !bytes.Contains(en, []byte("/Lang (en)")) || !bytes.Contains(ko, []byte("/Lang (ko)")) {
		t.Error("want the English PDF in English and the Korean one in Korean")
	}
}

func TestExportCacheRendersAgainForANewCatalogOrDay(t *testing.T) {
	s, db, now, c, id := exportServer(t, 0)
	path := "/assessments/" + id + "/report.csv"
	download(t, c, path)
	_, err := db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "aws", Scope: "fixture/aws",
		Source: "fixture aws price list", Checksum: "newer"}, func(sink pricing.Sink) (pricing.ImportStats, error) {
		for _, o := range reporttest.Offers() {
			if o.Provider == "aws" {
				if err := sink(o); err != nil {
					return pricing.ImportStats{}, err
				}
			}
		}
		return pricing.ImportStats{Prices: 1}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	download(t, c, path)
	if got := renders(t, s, "csv"); got != 2 {
		t.Errorf("download, new catalog version, download: got %d renders, want 2", got)
	}
	*now = now.Add(24 * time.Hour)
	next := download(t, c, path)
	if got := renders(t, s, "csv"); got != 3 {
		t.Errorf("download the next day: got %d renders, want 3", got)
	}
	if cd := next.Header().Get("Content-Disposition"); !strings.Contains(cd, "-2026-11-24.csv") {
		t.Errorf("the next day's file: got %q, want it named after 2026-11-24", cd)
	}
}

func TestExportCacheBudgetEvicts(t *testing.T) {
	// Room for the Markdown (about 30 KB) or the CSV (about 70 KB), not both.
	s, _, _, c, id := exportServer(t, 80<<10)
	md, csv := "/assessments/"+id+"/report.md", "/assessments/"+id+"/report.csv"
	if n := len(download(t, c, md).Body.Bytes()) + len(download(t, c, csv).Body.Bytes()); n <= 80<<10 {
		t.Fatalf("the Markdown and the CSV take %d bytes together: the test wants more than the budget", n)
	}
	download(t, c, csv)
	download(t, c, md)
	if got, want := renders(t, s, "md")*10+renders(t, s, "csv"), 2*10+1; got != want {
		t.Errorf("md, csv, csv, md within room for one: got %d md and %d csv renders, want 2 and 1",
			got/10, got%10)
	}
	if n := s.exportCache.size(); n > 80<<10 {
		t.Errorf("the cache holds %d bytes, over its budget of %d", n, 80<<10)
	}
}

func TestExportCacheOff(t *testing.T) {
	s, _, _, c, id := exportServer(t, -1)
	for range 2 {
		download(t, c, "/assessments/"+id+"/report.md")
	}
	if got := renders(t, s, "md"); got != 2 {
		t.Errorf("two downloads without a cache: got %d renders, want 2", got)
	}
}

func TestExportCacheLeastRecentlyUsedGoesFirst(t *testing.T) {
	c := newExportCache(30)
	key := func(n int) exportKey { return exportKey{id: strconv.Itoa(n)} }
	body := func(n int) exportEntry { return exportEntry{body: bytes.Repeat([]byte{'x'}, n)} }
	has := func(k exportKey) bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		_, ok := c.lookup(k)
		return ok
	}
	c.put(key(1), body(10))
	c.put(key(2), body(10))
	c.put(key(3), body(10))
	has(key(1)) // 1 is now the most recently used: 2 goes first
	c.put(key(4), body(10))
	for n, want := range map[int]bool{1: true, 2: false, 3: true, 4: true} {
		if got := has(key(n)); got != want {
			t.Errorf("entry %d cached: got %v, want %v", n, got, want)
		}
	}
	c.put(key(5), body(31))
	if has(key(5)) || c.size() != 30 {
		t.Errorf("an entry over the budget: cached %v, size %d; want it left out and the others kept", has(key(5)), c.size())
	}
}

func TestExportCacheRendersOnceForConcurrentRequests(t *testing.T) {
	c := newExportCache(1 << 20)
	var mu sync.Mutex
	n := 0
	release := make(chan struct{})
	render := func() (exportEntry, bool, error) {
		mu.Lock()
		n++
		mu.Unlock()
		<-release
		return exportEntry{body: []byte("rendered")}, true, nil
	}
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Go(func() {
			e, _, err := c.load(context.Background(), exportKey{id: "a"}, render)
			if err != nil {
				t.Error(err)
			}
			got[i] = string(e.body)
		})
	}
	close(release)
	wg.Wait()
	if n != 1 || fmt.Sprint(got) != "[rendered rendered rendered rendered]" {
		t.Errorf("four requests at once: got %d renders and bodies %q, want 1 render for all", n, got)
	}
}

// TestExportLargerThanTheCacheIsStreamed: an export larger than the cache
// could keep is sent as it is rendered, the same bytes and headers as a
// buffered one, and rendered again the next time.
func TestExportLargerThanTheCacheIsStreamed(t *testing.T) {
	_, _, _, buffered, id := exportServer(t, 0)
	want := download(t, buffered, "/assessments/"+id+"/report.csv")
	// Room for the Markdown (about 30 KB), not the CSV (about 70 KB).
	s, _, _, c, id2 := exportServer(t, 40<<10)
	for range 2 {
		got := download(t, c, "/assessments/"+id2+"/report.csv")
		if strings.ReplaceAll(got.Body.String(), id2, id) != want.Body.String() {
			t.Error("the streamed CSV differs from the buffered one")
		}
		for _, h := range []string{"Content-Type", "Content-Disposition", "Cache-Control"} {
			if got.Header().Get(h) != want.Header().Get(h) {
				t.Errorf("streamed CSV: %s %q, want %q", h, got.Header().Get(h), want.Header().Get(h))
			}
		}
	}
	if got := renders(t, s, "csv"); got != 2 || s.exportCache.size() != 0 {
		t.Errorf("a CSV over the cache's budget downloaded twice: got %d renders and %d bytes cached, want 2 and none", got, s.exportCache.size())
	}
	download(t, c, "/assessments/"+id2+"/report.md")
	download(t, c, "/assessments/"+id2+"/report.md")
	if got := renders(t, s, "md"); got != 1 {
		t.Errorf("a Markdown within the budget downloaded twice: got %d renders, want 1", got)
	}
}

func TestSpillWriter(t *testing.T) {
	rec := httptest.NewRecorder()
	headers := 0
	s := &spillWriter{w: rec, limit: 10, headers: func(h http.Header) { headers++; h.Set("Content-Type", "text/csv") }}
	s.Write([]byte("hello"))
	if s.spilled || rec.Body.Len() != 0 || headers != 0 {
		t.Fatalf("5 bytes of 10: spilled %v, %d bytes sent, headers set %d times; want all kept", s.spilled, rec.Body.Len(), headers)
	}
	s.Write([]byte("world!!"))
	s.Write([]byte(" more"))
	if !s.spilled || rec.Body.String() != "helloworld!! more" || headers != 1 || rec.Header().Get("Content-Type") != "text/csv" ||
		s.buf.Len() != 0 {
		t.Errorf("past the limit: spilled %v, sent %q, headers set %d times, %d bytes still kept; want everything sent in order after the headers, once",
			s.spilled, rec.Body.String(), headers, s.buf.Len())
	}
}

// readCounter is a store that counts the reads of whole assessments.
type readCounter struct {
	Store
	reads *int
}

func (c readCounter) Assessment(ctx context.Context, id string) (advisor.Assessment, error) {
	*c.reads++
	return c.Store.Assessment(ctx, id)
}

// TestCachedExportSkipsReadingTheAssessment: the owner's second download of
// an unchanged export does not read the assessment (for a large estate,
// seconds and hundreds of MB): the session's list gives its revision. A
// share link, another session and a changed assessment still read it.
func TestCachedExportSkipsReadingTheAssessment(t *testing.T) {
	db := testDB(t)
	importFixture(t, db)
	reads := 0
	clock := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	s := newTestServerWith(readCounter{db, &reads}, Options{Now: func() time.Time { return clock }})
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	path := "/assessments/" + id + "/report.pdf"
	first := download(t, c, path)
	before := reads
	second := download(t, c, path)
	if reads != before || !bytes.Equal(first.Body.Bytes(), second.Body.Bytes()) ||
		second.Header().Get("Content-Disposition") != first.Header().Get("Content-Disposition") {
		t.Errorf("a cached download read the assessment %d times (want 0) or differs from the first", reads-before)
	}
	if rec := (&client{tb: t, h: s.Handler()}).do("GET", path, ""); rec.Code != 404 {
		t.Errorf("another session asking for the cached export: got %d, want 404", rec.Code)
	}
	if rec := c.form("/assessments/"+id+"/organization", "organization.name=Renamed&organization.geography=us-east"); rec.Code != http.StatusSeeOther {
		t.Fatalf("rename: got %d", rec.Code)
	}
	before = reads
	if third := download(t, c, path); reads == before || bytes.Equal(third.Body.Bytes(), first.Body.Bytes()) {
		t.Error("after an edit the download was not rendered again from the assessment")
	}
}

// TestResultPageCache: the result page of an unchanged assessment is
// rendered once and sent from the cache after; an edit, a share link, a
// new catalog version, another language or another page renders it again,
// and what changed shows; a stranger still gets 404.
func TestResultPageCache(t *testing.T) {
	s, db, _, c, id := exportServer(t, 0)
	page := "/assessments/" + id
	first, second := download(t, c, page), download(t, c, page)
	if got, hits := renders(t, s, "page"), exportMetric(t, s, "advisor_export_cache_hits_total", "page"); got != 1 || hits != 1 {
		t.Fatalf("result page viewed twice: got %d renders and %d hits, want 1 and 1", got, hits)
	}
	if !bytes.Equal(first.Body.Bytes(), second.Body.Bytes()) || first.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Error("the cached page differs from the rendered one")
	}
	want := 1
	step := func(what string, check func(body string) bool) {
		t.Helper()
		if what != "revoking it" { // back to the page as it was after the rename, still cached
			want++
		}
		body := download(t, c, page).Body.String()
		if got := renders(t, s, "page"); got != want {
			t.Errorf("after %s: got %d renders, want %d", what, got, want)
		}
		if !check(body) {
			t.Errorf("after %s: the page does not show it", what)
		}
	}
	if rec := c.form(page+"/organization", "organization.name=Renamed+Ltd&organization.geography=us-east"); rec.Code != http.StatusSeeOther {
		t.Fatalf("rename: got %d", rec.Code)
	}
	step("a rename", func(b string) bool { return strings.Contains(b, "Renamed Ltd") })
	if rec := c.do("POST", page+"/shares", ""); rec.Code != http.StatusSeeOther {
		t.Fatalf("share: got %d", rec.Code)
	}
	box, err := s.ShareBoxView(context.Background(), advisor.Assessment{ID: id})
	if err != nil || len(box.Links) != 1 {
		t.Fatalf("got %d share links (%v), want 1", len(box.Links), err)
	}
	// A cached page is sent under another request's CSP nonce: it must
	// hold no inline script (the share box's copy buttons load a file).
	step("a new share link", func(b string) bool {
		return strings.Contains(b, "/shared/"+box.Links[0].Token) && !strings.Contains(b, "nonce=")
	})
	if rec := c.do("POST", page+"/shares/"+box.Links[0].Token+"/revoke", ""); rec.Code != http.StatusSeeOther {
		t.Fatalf("revoke: got %d", rec.Code)
	}
	step("revoking it", func(b string) bool { return !strings.Contains(b, "/shared/"+box.Links[0].Token) })
	_, err = db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "aws", Scope: "fixture/aws",
		Source: "fixture aws price list", Checksum: "newer"}, func(sink pricing.Sink) (pricing.ImportStats, error) {
		for _, o := range reporttest.Offers() {
			if o.Provider == "aws" {
				if err := sink(o); err != nil {
					return pricing.ImportStats{}, err
				}
			}
		}
		return pricing.ImportStats{Prices: 1}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	step("a new catalog version", func(b string) bool { return strings.Contains(b, `data-testid="price-change"`) })
	c.cookies = append(c.cookies, &http.Cookie{Name: langCookieName, Value: "ko"})
	step("switching to Korean", func(b string) bool { return strings.Contains(b, `lang="ko"`) })
	stranger := &client{tb: t, h: s.Handler()}
	if rec := stranger.do("GET", page, ""); rec.Code != http.StatusNotFound {
		t.Errorf("a stranger viewing a cached page: got %d, want 404", rec.Code)
	}
}
