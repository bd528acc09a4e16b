package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"cloudadvisor/sqlite"
)

// TestLoad runs virtual users through a mixed session against the whole
// program on loopback: the questionnaire (step 1 and three workloads), the
// results page, the CSV and JSON exports, the price API and an API
// assessment. It wants zero 5xx and zero lost saves (every acknowledged
// assessment holds exactly the workloads posted) and reports throughput and
// latency. A smoke run (8 users × 3 sessions) always runs; ADVISOR_LOAD=1
// runs 64 users × 5 sessions, bounded to two minutes.
func TestLoad(t *testing.T) {
	users, sessions, bound := 8, 3, 30*time.Second
	if os.Getenv("ADVISOR_LOAD") == "1" {
		users, sessions, bound = envInt("ADVISOR_LOAD_USERS", 64), envInt("ADVISOR_LOAD_SESSIONS", 5), 2*time.Minute
	}
	dbPath := filepath.Join(t.TempDir(), "advisor.db")
	a := startAppEnv(t, map[string]string{"ADVISOR_DB": dbPath})
	deadline := time.Now().Add(bound)
	var st loadStats
	var wg sync.WaitGroup
	start := time.Now()
	for u := range users {
		wg.Go(func() {
			vu := newVirtualUser(a.url, u, &st)
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

	store, err := sqlite.Open(context.Background(), dbPath)
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
	lat := slices.Sorted(slices.Values(st.latencies))
	n := len(lat)
	if n == 0 {
		t.Fatal("no requests made")
	}
	pct := func(p float64) time.Duration { return lat[min(n-1, int(float64(n)*p))] }
	t.Logf("load: %d users × %d sessions: %d requests in %v (%.0f req/s); p50 %v, p99 %v, max %v; status %v; "+
		"%d assessments saved, %d lost", users, sessions, n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), lat[n-1].Round(time.Microsecond),
		st.statuses, len(st.saved), lost)
	if st.server > 0 {
		t.Errorf("got %d responses with 5xx, want 0", st.server)
	}
	for _, e := range st.errs {
		t.Error(e)
	}
}

// loadStats collects what the virtual users saw.
type loadStats struct {
	mu        sync.Mutex
	latencies []time.Duration
	statuses  map[int]int
	server    int
	saved     map[string]int // acknowledged assessment id -> workloads posted
	errs      []string
}

func (s *loadStats) record(d time.Duration, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.statuses == nil {
		s.statuses, s.saved = map[int]int{}, map[string]int{}
	}
	s.latencies = append(s.latencies, d)
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
// would to people on their own machines.
type virtualUser struct {
	base string
	c    *http.Client
	st   *loadStats
}

func newVirtualUser(base string, n int, st *loadStats) *virtualUser {
	jar, _ := cookiejar.New(nil)
	local := &net.TCPAddr{IP: net.IPv4(127, 0, byte(1+n/250), byte(2+n%250))}
	tr := &http.Transport{DialContext: (&net.Dialer{LocalAddr: local, Timeout: 10 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 4}
	return &virtualUser{base: base, st: st, c: &http.Client{Jar: jar, Transport: tr, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// do makes one request and records it; want lists the acceptable statuses.
func (vu *virtualUser) do(method, path, ctype, body string, want ...int) (*http.Response, []byte, bool) {
	req, _ := http.NewRequest(method, vu.base+path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Origin", vu.base)
	start := time.Now()
	resp, err := vu.c.Do(req)
	if err != nil {
		vu.st.fail("%s %s: %v", method, path, err)
		return nil, nil, false
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	vu.st.record(time.Since(start), resp.StatusCode)
	if err != nil || !slices.Contains(want, resp.StatusCode) {
		vu.st.fail("%s %s: got %d, want %v", method, path, resp.StatusCode, want)
		return resp, b, false
	}
	return resp, b, true
}

// session walks the questionnaire, the results and the API once.
func (vu *virtualUser) session() {
	vu.do("GET", "/assessments/new", "", "", 200)
	resp, _, ok := vu.do("POST", "/assessments", formType, formBody("organization.name", "Load Corp",
		"organization.geography", "us-east"), 303)
	if !ok {
		return
	}
	base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
	added := 0
	for i, kind := range []string{"web_app", "database", "email_collaboration"} {
		if _, _, ok := vu.do("POST", base+"/workloads", formType, formBody("workload.name", fmt.Sprintf("w%d", i+1),
			"workload.kind", kind, "workload.vcpu", "4", "workload.memory_gib", "16", "workload.users", "50"), 303); ok {
			added++
		}
	}
	vu.st.save(strings.TrimPrefix(base, "/assessments/"), added)
	vu.do("GET", base, "", "", 200)
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
