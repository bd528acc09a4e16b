package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/internal/defaultcatalog"
	"cloudadvisor/internal/webtest"
	"cloudadvisor/pricing"
	"cloudadvisor/sqlite"
)

// testServer is a Server over a fresh SQLite file, with a fixed clock.
func testServer(t testing.TB, withCatalog bool) (*Server, *sqlite.DB, *time.Time) {
	t.Helper()
	db := testDB(t)
	if withCatalog {
		_, err := db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "aws", Scope: "t", Source: "t", Checksum: "x"},
			func(sink pricing.Sink) (pricing.ImportStats, error) {
				o := pricing.Offer{Provider: "aws", Service: pricing.Compute, Region: "us-east-1", SKU: "S", Name: "m5.large",
					Term: pricing.OnDemand, Unit: pricing.PerHour, Currency: "USD", AsOf: time.Now(), Source: "test", Unbounded: true}
				return pricing.ImportStats{Prices: 1}, sink(o)
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	return newTestServer(db, func() time.Time { return now }), db, &now
}

// startApp serves the handler on a real loopback HTTP server, over a SQLite
// file holding the embedded default catalog and with the real clock, as the
// web command serves it, and returns one browser session against it. (What
// only the command does, its flags, timeouts and processes, is tested in
// cmd/web.)
func startApp(tb testing.TB) *webtest.Client {
	tb.Helper()
	return startAppWith(tb, Options{Now: time.Now})
}

// startAppWith is startApp with the server options o sets (see
// newTestServerWith).
func startAppWith(tb testing.TB, o Options) *webtest.Client {
	tb.Helper()
	db := testDB(tb)
	if err := defaultcatalog.Import(context.Background(), db, slog.New(slog.DiscardHandler)); err != nil {
		tb.Fatalf("import the default catalog: %v", err)
	}
	srv := httptest.NewServer(newTestServerWith(db, o).Handler())
	tb.Cleanup(srv.Close) // before the database closes: cleanups run last first
	return webtest.NewClient(srv.URL)
}

// testDB opens a fresh SQLite file in the test's temp dir, closed at cleanup.
func testDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "t.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// newTestServer is a Server over db with the default rules, no logs, one
// session key and now as its clock.
func newTestServer(db Store, now func() time.Time) *Server {
	return newTestServerWith(db, Options{Now: now})
}

// newTestServerWith is newTestServer with the other options o sets (its
// clock, the export cache).
func newTestServerWith(db Store, o Options) *Server {
	o.Store, o.Rules, o.Log = db, advisor.DefaultRules(), slog.New(slog.DiscardHandler)
	o.SessionKeys = [][]byte{[]byte("0123456789abcdef0123456789abcdef")}
	return New(o)
}

func TestReadyz(t *testing.T) {
	for _, tc := range []struct {
		name    string
		catalog bool
		want    int
	}{{"catalog loaded", true, 200}, {"no catalog", false, 503}} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, _ := testServer(t, tc.catalog)
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
			if rec.Code != tc.want {
				t.Errorf("got %d, want %d", rec.Code, tc.want)
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	s, _, _ := testServer(t, true)
	h := s.Handler()
	for _, p := range []string{"/", "/rules", "/assessments/abc", "/nope"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
	}
	rec := httptest.NewRecorder()
	s.AdminHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`advisor_http_requests_total{method="GET",route="GET /{$}",status="200"} 1`,
		`advisor_http_requests_total{method="GET",route="GET /assessments/{id}",status="404"} 1`,
		`advisor_http_request_duration_seconds_bucket{route="GET /rules"`,
		`advisor_catalog_age_seconds{provider="aws"}`,
		`advisor_assessments_created_total 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(body, `route="/assessments/abc"`) {
		t.Error("metrics label a raw path; want route patterns only")
	}
	rec = httptest.NewRecorder()
	s.AdminHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/debug/pprof/", nil))
	if rec.Code != 200 {
		t.Errorf("pprof index: got %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 404 {
		t.Errorf("/metrics on the app listener: got %d, want 404", rec.Code)
	}
}

func TestRateLimit(t *testing.T) {
	s, _, now := testServer(t, true)
	h := s.Handler()
	get := func(addr string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/api/v1/prices?provider=aws", nil)
		req.RemoteAddr = addr
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	ok := 0
	var last *httptest.ResponseRecorder
	for range 100 {
		if last = get("192.0.2.1:1234"); last.Code == 200 {
			ok++
		}
	}
	if ok != 60 || last.Code != 429 || last.Header().Get("Retry-After") != "1" || !strings.Contains(strings.ToLower(last.Body.String()), "too many requests") {
		t.Errorf("got %d allowed and last %d (Retry-After %q), want the burst of 60 then 429 with Retry-After 1",
			ok, last.Code, last.Header().Get("Retry-After"))
	}
	if rec := get("192.0.2.2:1234"); rec.Code != 200 {
		t.Errorf("another client: got %d, want 200", rec.Code)
	}
	*now = now.Add(time.Second)
	if rec := get("192.0.2.1:1234"); rec.Code != 200 {
		t.Errorf("after a second: got %d, want 200 again", rec.Code)
	}
}

func TestSessionCookie(t *testing.T) {
	s, _, _ := testServer(t, true)
	s.trustProxy = true
	create := func(h http.Handler, proto string) *http.Cookie {
		req := httptest.NewRequest("POST", "/assessments", strings.NewReader("organization.name=Acme"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if proto != "" {
			req.Header.Set("X-Forwarded-Proto", proto)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 303 {
			t.Fatalf("create: got %d, want 303", rec.Code)
		}
		return rec.Result().Cookies()[0]
	}
	plain, secure := create(s.Handler(), ""), create(s.Handler(), "https")
	for _, tc := range []struct {
		name       string
		c          *http.Cookie
		wantSecure bool
	}{{"plain http", plain, false}, {"behind https proxy", secure, true}} {
		if !tc.c.HttpOnly || tc.c.SameSite != http.SameSiteLaxMode || tc.c.Secure != tc.wantSecure || len(tc.c.Value) > 400 {
			t.Errorf("%s: got %+v, want HttpOnly, SameSite=Lax, Secure=%v and only an id inside", tc.name, tc.c, tc.wantSecure)
		}
	}
	// Key rotation: a server whose newest key is new still reads cookies
	// signed with the old key, listed second.
	rotated := New(Options{Store: s.store, Rules: s.rules, Log: s.log, Now: s.now,
		SessionKeys: [][]byte{[]byte("fedcba9876543210fedcba9876543210"), []byte("0123456789abcdef0123456789abcdef")}})
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(plain)
	rec := httptest.NewRecorder()
	rotated.Handler().ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), `data-testid="my-assessments"`) {
		t.Error("after rotation the old cookie no longer finds the session's assessments")
	}
	stranger := New(Options{Store: s.store, Rules: s.rules, Log: s.log, Now: s.now,
		SessionKeys: [][]byte{[]byte("fedcba9876543210fedcba9876543210")}})
	rec = httptest.NewRecorder()
	stranger.Handler().ServeHTTP(rec, req)
	if strings.Contains(rec.Body.String(), `data-testid="my-assessments"`) {
		t.Error("a cookie signed with an unknown key was accepted")
	}
}

func TestSecurityHeadersAndCSRF(t *testing.T) {
	s, _, _ := testServer(t, true)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	h := rec.Header()
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "script-src 'self' 'nonce-", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP %q allows unsafe code", csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
		t.Errorf("got headers %v, want nosniff and a referrer policy", h)
	}
	// A cross-site form post is refused and changes nothing.
	req := httptest.NewRequest("POST", "/assessments", strings.NewReader("organization.name=Evil"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("cross-site post: got %d, want 403", rec.Code)
	}
}

// TestCatalogSnapshotFollowsImports checks that the cached catalog of a
// geography is reused while the same versions are active and replaced as
// soon as an import changes them.
func TestCatalogSnapshotFollowsImports(t *testing.T) {
	s, db, _ := testServer(t, true)
	ctx := context.Background()
	first, err := s.catalog(ctx, "us-east")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.catalog(ctx, "us-east")
	if again != first || first.Len() != 1 {
		t.Fatalf("got a new snapshot (%v) of %d offers, want the cached one of 1", again != first, first.Len())
	}
	_, err = db.ImportCatalog(ctx, pricing.CatalogImport{Provider: "aws", Scope: "t2", Source: "t2", Checksum: "y"},
		func(sink pricing.Sink) (pricing.ImportStats, error) {
			o := pricing.Offer{Provider: "aws", Service: pricing.Compute, Region: "us-east-1", SKU: "S2", Name: "m5.xlarge",
				Term: pricing.OnDemand, Unit: pricing.PerHour, Currency: "USD", AsOf: time.Now(), Source: "test", Unbounded: true}
			return pricing.ImportStats{Prices: 1}, sink(o)
		})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.catalog(ctx, "us-east")
	if after == first || after.Len() != 2 {
		t.Errorf("after an import: got %d offers (same snapshot: %v), want a new snapshot of 2", after.Len(), after == first)
	}
}
