package server

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/webtest"
	"cloudadvisor/templates"
)

// TestMethodLabelsBounded: unknown method names must not each create a
// metric series (a probe grew /metrics to 170 MB with 500 KB method names).
func TestMethodLabelsBounded(t *testing.T) {
	s, _, _ := testServer(t, true)
	h := s.Handler()
	for i := range 40 {
		method := fmt.Sprintf("X%d%s", i, strings.Repeat("A", 4096))
		req := httptest.NewRequest("GET", "/", nil)
		req.Method = method
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	rec := httptest.NewRecorder()
	s.AdminHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	if strings.Contains(body, "AAAA") || !strings.Contains(body, `method="other"`) {
		t.Errorf("metrics label unknown methods by name (%d bytes); want them counted as method=\"other\"", len(body))
	}
}

// TestAPIWrongMethod: the API answers a wrong method with a JSON 405 and
// Allow, and an unknown API path with a JSON 404, never the HTML page.
func TestAPIWrongMethod(t *testing.T) {
	s, _, _ := testServer(t, true)
	h := s.Handler()
	for _, tc := range []struct {
		method, path string
		want         int
		allow        string
	}{
		{"DELETE", "/api/v1/prices", 405, "GET"},
		{"PUT", "/api/v1/assessments/abc", 405, "GET"},
		{"GET", "/api/v1/assessments", 405, "POST"},
		{"GET", "/api/v1/nothing", 404, ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		var body apiError
		err := json.Unmarshal(rec.Body.Bytes(), &body)
		if rec.Code != tc.want || rec.Header().Get("Allow") != tc.allow || err != nil || body.Error.Message == "" {
			t.Errorf("%s %s: got %d Allow %q body %q, want %d Allow %q with a JSON error",
				tc.method, tc.path, rec.Code, rec.Header().Get("Allow"), rec.Body.String(), tc.want, tc.allow)
		}
	}
}

// TestSessionOutlivesThirtyDays: the cookie says 400 days, so the server
// must accept it after 30 (gorilla's codec default) and re-issue it on use.
func TestSessionOutlivesThirtyDays(t *testing.T) {
	s, db, now := testServer(t, false)
	importFixture(t, db)
	owner := &client{tb: t, h: s.Handler()}
	id := createFixture(t, owner)
	*now = now.Add(45 * 24 * time.Hour)
	rec := owner.do("GET", "/assessments/"+id+"/workloads", "")
	if rec.Code != 200 {
		t.Fatalf("after 45 days: got %d, want 200 (the owner keeps the assessment)", rec.Code)
	}
	var refreshed bool
	for _, ck := range rec.Result().Cookies() {
		refreshed = refreshed || (ck.Name == sessionName && ck.MaxAge == sessionMaxAge)
	}
	if !refreshed {
		t.Error("a visit after more than a day did not re-issue the session cookie")
	}
	*now = now.Add(300 * 24 * time.Hour) // 345 days after creation, 300 after the refresh
	if rec := owner.do("GET", "/assessments/"+id+"/workloads", ""); rec.Code != 200 {
		t.Errorf("300 days after the last visit: got %d, want 200", rec.Code)
	}
}

// TestShareTokenNotLogged: a share link's token is a credential; the request
// log keeps the route but not the token.
func TestShareTokenNotLogged(t *testing.T) {
	var logs lockedBuffer
	s, owner, _, link := sharedFixture(t)
	s.log = slog.New(slog.NewTextHandler(&logs, nil))
	token := link.Token
	if rec := owner.do("GET", "/shared/"+token+"/report.md", ""); rec.Code != 200 {
		t.Fatalf("shared report: got %d", rec.Code)
	}
	if strings.Contains(logs.String(), token) || !strings.Contains(logs.String(), "/shared/[token]/report.md") {
		t.Errorf("log holds the share token or lacks the redacted path:\n%s", logs.String())
	}
}

// TestRateLimitBehindProxy: behind a trusted proxy each client has its own
// bucket (from the address the proxy appended); without trust the header is
// ignored, so a client cannot pick a fresh bucket by forging it.
func TestRateLimitBehindProxy(t *testing.T) {
	for _, trust := range []bool{true, false} {
		s, _, _ := testServer(t, true)
		s.trustProxy = trust
		h := s.Handler()
		get := func(xff string) int {
			req := httptest.NewRequest("GET", "/api/v1/prices?provider=aws", nil)
			req.RemoteAddr = "10.0.0.1:443" // the proxy
			req.Header.Set("X-Forwarded-For", xff)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec.Code
		}
		for range 60 {
			get("198.51.100.7, 203.0.113.1")
		}
		code := get("198.51.100.7, 203.0.113.2") // another client through the same proxy
		if trust && code != 200 {
			t.Errorf("trusted proxy: another client got %d, want 200 (its own bucket)", code)
		}
		if !trust && code != http.StatusTooManyRequests {
			t.Errorf("untrusted: a forged X-Forwarded-For got %d, want 429 (one bucket per connection address)", code)
		}
	}
}

// TestExportsRateLimited: exports cost far more than pages, so a client gets
// 429 with Retry-After after a burst of them, for its own and for shared ones.
func TestExportsRateLimited(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	owner := &client{tb: t, h: s.Handler()}
	id := createFixture(t, owner)
	codes := map[int]int{}
	for range 15 {
		codes[owner.do("GET", "/assessments/"+id+"/report.csv", "").Code]++
	}
	if codes[200] != 10 || codes[http.StatusTooManyRequests] != 5 {
		t.Errorf("15 quick exports: got %v, want 10 served then 429", codes)
	}
}

// TestSharedReportHidesID: the JSON export through a share link must not
// reveal the assessment's id (the owner's address of it).
func TestSharedReportHidesID(t *testing.T) {
	s, _, id, link := sharedFixture(t)
	reader := &client{tb: t, h: s.Handler()}
	for _, ext := range []string{"json", "md", "csv", "html"} {
		rec := reader.do("GET", link.Path+"/report."+ext, "")
		if rec.Code != 200 || strings.Contains(rec.Body.String(), id) {
			t.Errorf("shared report.%s: got %d, holds the assessment id %v", ext, rec.Code, strings.Contains(rec.Body.String(), id))
		}
	}
}

// sharedFixture is the fixture assessment with one share link.
func sharedFixture(t *testing.T) (*Server, *client, string, templates.ShareLink) {
	t.Helper()
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	owner := &client{tb: t, h: s.Handler()}
	id := createFixture(t, owner)
	owner.do("POST", "/assessments/"+id+"/shares", "")
	box, err := s.ShareBoxView(t.Context(), mustAssessment(t, db, id))
	if err != nil || len(box.Links) != 1 {
		t.Fatalf("got %d links (%v), want 1", len(box.Links), err)
	}
	return s, owner, id, box.Links[0]
}

// TestExportsWaitForASlot: renderings run a few at a time; one that cannot
// get a slot within exportWait is answered 503 with Retry-After, and gets
// one as soon as a slot is free.
func TestExportsWaitForASlot(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	owner := &client{tb: t, h: s.Handler()}
	id := createFixture(t, owner)
	defer func(w time.Duration) { exportWait = w }(exportWait)
	exportWait = 20 * time.Millisecond
	for range cap(s.exports) {
		s.exports <- struct{}{}
	}
	rec := owner.do("GET", "/assessments/"+id+"/report.xlsx", "")
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("every slot busy: got %d Retry-After %q, want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	<-s.exports
	if rec := owner.do("GET", "/assessments/"+id+"/report.xlsx", ""); rec.Code != 200 {
		t.Errorf("a slot free: got %d, want 200", rec.Code)
	}
}

// TestUserStringsEscaped checks that markup typed by a user is shown as
// text, never run, on the pages that show it back.
func TestUserStringsEscaped(t *testing.T) {
	a := startApp(t)
	evil := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	resp, _ := a.Do(t, "POST", "/assessments", webtest.FormType, webtest.FormBody("organization.name", evil))
	base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
	a.Do(t, "POST", base+"/workloads", webtest.FormType, webtest.FormBody("workload.name", evil, "workload.kind", "crm"))
	for _, p := range []string{base, base + "/workloads", "/"} {
		_, body := a.Do(t, "GET", p, "", "")
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: user markup is in the page unescaped", p)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(") {
			t.Errorf("%s: the escaped name is not shown", p)
		}
	}
}
