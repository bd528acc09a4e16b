package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudadvisor/internal/storetest"
	"cloudadvisor/internal/webtest"
)

// TestLoad runs virtual users through a mixed session against the whole
// program on loopback: the questionnaire (step 1 and three workloads), the
// results page (the options' comparison), a what-if on one workload, the
// results page again, the PDF, CSV and JSON exports, the price API and an
// API assessment. It wants zero 5xx and zero lost saves (every acknowledged
// assessment holds exactly the workloads posted) and reports throughput and
// latency, overall and per route. A smoke run (8 users × 3 sessions) always
// runs; ADVISOR_LOAD=1 runs 64 users × 5 sessions, bounded to two minutes.
// This is one instance on SQLite; TestLoadPostgres runs two on PostgreSQL.
func TestLoad(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "advisor.db")
	a := startAppEnv(t, map[string]string{"ADVISOR_DB": dbPath})
	runLoad(t, "sqlite, 1 instance", []string{a.URL}, dbPath, "")
}

// TestLoadPostgres is TestLoad against two instances on one PostgreSQL
// database, each virtual user's requests alternating between them as a
// round-robin load balancer would send them.
func TestLoadPostgres(t *testing.T) {
	dbURL := storetest.PostgresURL(t)
	apps := startApps(t, 2, map[string]string{"ADVISOR_DATABASE_URL": dbURL, "ADVISOR_SESSION_KEYS": testSessionKeys})
	runLoad(t, "postgres, 2 instances", []string{apps[0].URL, apps[1].URL}, "", dbURL)
}

// runLoad runs the virtual users against the instances at urls, then checks
// every acknowledged save in the store and logs the figures.
func runLoad(t *testing.T, name string, urls []string, dbPath, dbURL string) {
	users, sessions, bound := 8, 3, 30*time.Second
	if os.Getenv("ADVISOR_LOAD") == "1" {
		users, sessions, bound = envInt("ADVISOR_LOAD_USERS", 64), envInt("ADVISOR_LOAD_SESSIONS", 5), 2*time.Minute
	}
	deadline := time.Now().Add(bound)
	resetPeakRSS(t)
	var st loadStats
	var wg sync.WaitGroup
	start := time.Now()
	for u := range users {
		wg.Go(func() {
			vu := newVirtualUser(urls, u, &st)
			for range sessions {
				if time.Now().After(deadline) {
					return
				}
				vu.session()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	store, err := openStore(context.Background(), dbPath, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	lost := 0
	for id, want := range st.saved {
		got, err := store.Assessment(context.Background(), id)
		if err != nil || len(got.Workloads) != want {
			lost++
			t.Errorf("assessment %s: got %d workloads, %v; want %d", id, len(got.Workloads), err, want)
		}
	}
	n := len(st.latencies)
	if n == 0 {
		t.Fatal("no requests made")
	}
	p50, p99, worst := percentiles(st.latencies)
	t.Logf("load (%s): %d users × %d sessions: %d requests in %v (%.0f req/s); p50 %v, p99 %v, max %v; status %v; "+
		"%d assessments saved, %d lost; peak RSS of the test process (server and clients) %.0f MiB", name, users, sessions, n,
		elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), p50, p99, worst, st.statuses, len(st.saved), lost, peakRSSMB(t))
	for _, route := range slices.Sorted(maps.Keys(st.routes)) {
		p50, p99, _ := percentiles(st.routes[route])
		t.Logf("  %-40s %5d  p50 %10v  p99 %10v", route, len(st.routes[route]), p50, p99)
	}
	if st.server > 0 {
		t.Errorf("got %d responses with 5xx, want 0", st.server)
	}
	for _, e := range st.errs {
		t.Error(e)
	}
}

// percentiles returns the median, the 99th percentile and the maximum.
func percentiles(d []time.Duration) (p50, p99, worst time.Duration) {
	lat := slices.Sorted(slices.Values(d))
	n := len(lat)
	pct := func(p float64) time.Duration { return lat[min(n-1, int(float64(n)*p))].Round(time.Microsecond) }
	return pct(0.50), pct(0.99), lat[n-1].Round(time.Microsecond)
}

// assessmentIDs and workloadIDs are the ids in paths, replaced to name a route.
var (
	assessmentIDs = regexp.MustCompile(`/(assessments|api/v1/assessments)/[a-z2-7]{26}`)
	workloadIDs   = regexp.MustCompile(`/workloads/[a-z2-7]+/`)
)

// route names a request by method and path pattern.
func route(method, path string) string {
	path, _, _ = strings.Cut(path, "?")
	path = assessmentIDs.ReplaceAllString(path, "/$1/{id}")
	return method + " " + workloadIDs.ReplaceAllString(path, "/workloads/{wid}/")
}

// loadStats collects what the virtual users saw.
type loadStats struct {
	mu        sync.Mutex
	latencies []time.Duration
	statuses  map[int]int
	routes    map[string][]time.Duration // route -> latencies
	server    int
	saved     map[string]int // acknowledged assessment id -> workloads posted
	errs      []string
}

func (s *loadStats) record(route string, d time.Duration, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.statuses == nil {
		s.statuses, s.saved, s.routes = map[int]int{}, map[string]int{}, map[string][]time.Duration{}
	}
	s.latencies = append(s.latencies, d)
	s.routes[route] = append(s.routes[route], d)
	s.statuses[status]++
	if status >= 500 {
		s.server++
	}
}

func (s *loadStats) save(id string, workloads int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved[id] = workloads
}

func (s *loadStats) fail(format string, a ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.errs) < 20 {
		s.errs = append(s.errs, fmt.Sprintf(format, a...))
	}
}

// virtualUser is one browser: its own cookie jar and its own loopback
// address, so that the per-client rate limits apply to each user as they
// would to people on their own machines. With several instances its
// requests go to each in turn.
type virtualUser struct {
	bases []string
	next  int
	c     *http.Client
	st    *loadStats
}

func newVirtualUser(bases []string, n int, st *loadStats) *virtualUser {
	jar, _ := cookiejar.New(nil)
	local := &net.TCPAddr{IP: net.IPv4(127, 0, byte(1+n/250), byte(2+n%250))}
	tr := &http.Transport{DialContext: (&net.Dialer{LocalAddr: local, Timeout: 10 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 4}
	return &virtualUser{bases: bases, next: n, st: st, c: &http.Client{Jar: jar, Transport: tr, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// do makes one request and records it; want lists the acceptable statuses.
func (vu *virtualUser) do(method, path, ctype, body string, want ...int) (*http.Response, []byte, bool) {
	base := vu.bases[vu.next%len(vu.bases)]
	vu.next++
	req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Origin", base)
	if strings.HasSuffix(path, "/whatif") {
		req.Header.Set("HX-Request", "true")
	}
	start := time.Now()
	resp, err := vu.c.Do(req)
	if err != nil {
		vu.st.fail("%s %s: %v", method, path, err)
		return nil, nil, false
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	vu.st.record(route(method, path), time.Since(start), resp.StatusCode)
	if err != nil || !slices.Contains(want, resp.StatusCode) {
		vu.st.fail("%s %s: got %d, want %v", method, path, resp.StatusCode, want)
		return resp, b, false
	}
	return resp, b, true
}

// whatIfForm is the first what-if form of a result page: its action and the
// name of its seats field.
var whatIfForm = regexp.MustCompile(`action="(/assessments/[a-z2-7]+/workloads/[a-z2-7]+/whatif)"[^>]*data-testid="whatif"[\s\S]*?name="([^"]+\.users)"`)

// whatIf changes the seats of the page's first workload as the what-if
// form does through htmx, and wants its comparison back.
func (vu *virtualUser) whatIf(page []byte) {
	m := whatIfForm.FindSubmatch(page)
	if m == nil {
		vu.st.fail("no what-if form on the result page")
		return
	}
	vu.do("POST", string(m[1]), webtest.FormType, webtest.FormBody(string(m[2]), "120"), 200)
}

// session walks the questionnaire, the results and the API once.
func (vu *virtualUser) session() {
	vu.do("GET", "/assessments/new", "", "", 200)
	resp, _, ok := vu.do("POST", "/assessments", webtest.FormType, webtest.FormBody("organization.name", "Load Corp",
		"organization.geography", "us-east"), 303)
	if !ok {
		return
	}
	base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
	added := 0
	for i, kind := range []string{"web_app", "database", "email_collaboration"} {
		if _, _, ok := vu.do("POST", base+"/workloads", webtest.FormType, webtest.FormBody("workload.name", fmt.Sprintf("w%d", i+1),
			"workload.kind", kind, "workload.vcpu", "4", "workload.memory_gib", "16", "workload.users", "50"), 303); ok {
			added++
		}
	}
	vu.st.save(strings.TrimPrefix(base, "/assessments/"), added)
	if _, page, ok := vu.do("GET", base, "", "", 200); ok {
		vu.whatIf(page)
	}
	vu.do("GET", base, "", "", 200)
	vu.do("GET", base+"/report.pdf", "", "", 200)
	vu.do("GET", base+"/report.csv", "", "", 200)
	vu.do("GET", base+"/report.json", "", "", 200)
	vu.do("GET", "/api/v1/prices?provider=aws&region=us-east-1&vcpu=2&limit=20", "", "", 200)
	_, b, ok := vu.do("POST", "/api/v1/assessments", "application/json", `{"organization":{"name":"Load API","geography":"eu-central"},
		"workloads":[{"name":"api","kind":"api","vcpu":2,"memory_gib":8},{"name":"mail","kind":"email_collaboration","users":30}]}`, 201)
	if ok {
		var doc struct{ ID string }
		if json.Unmarshal(b, &doc) == nil {
			vu.st.save(doc.ID, 2)
		}
	}
}
