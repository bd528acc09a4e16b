package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a log sink safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestDatabaseNotWritable: when the database cannot be written, a save gets
// a clear 503 page (or JSON body) with the request id and one log line, and
// reading goes on.
func TestDatabaseNotWritable(t *testing.T) {
	s, db, _ := testServer(t, true)
	var logs lockedBuffer
	s.log = slog.New(slog.NewTextHandler(&logs, nil))
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path, ctype, body string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	const formType = "application/x-www-form-urlencoded"
	org := url.Values{"organization.name": {"Acme"}, "organization.geography": {"us-east"}}.Encode()
	resp, _ := do("POST", "/assessments", formType, org)
	if resp.StatusCode != 303 {
		t.Fatalf("create while writable: got %d, want 303", resp.StatusCode)
	}
	base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
	wl := url.Values{"workload.name": {"Shop"}, "workload.kind": {"web_app"}, "workload.vcpu": {"2"}, "workload.memory_gib": {"4"}}.Encode()
	if resp, _ = do("POST", base+"/workloads", formType, wl); resp.StatusCode != 303 {
		t.Fatalf("add workload while writable: got %d, want 303", resp.StatusCode)
	}

	if err := db.SetReadOnly(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path, ctype, body, want string }{
		{"new assessment", "/assessments", formType, org, "The database cannot be written"},
		{"add workload", base + "/workloads", formType, wl, "The database cannot be written"},
		{"organisation", base + "/organization", formType, org, "The database cannot be written"},
		{"api", "/api/v1/assessments", "application/json",
			`{"organization":{"name":"A"},"workloads":[{"name":"x","kind":"api"}]}`, `"message": "The database cannot be written`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do("POST", tc.path, tc.ctype, tc.body)
			id := resp.Header.Get("X-Request-Id")
			if resp.StatusCode != 503 || !strings.Contains(body, tc.want) || resp.Header.Get("Retry-After") == "" {
				t.Errorf("got %d (Retry-After %q) %.300s, want 503 with Retry-After and %q", resp.StatusCode,
					resp.Header.Get("Retry-After"), body, tc.want)
			}
			if !strings.HasPrefix(tc.path, "/api/") && !strings.Contains(body, id) {
				t.Errorf("error page lacks the request id %s", id)
			}
			if strings.Contains(body, "readonly") || strings.Contains(body, "attempt to write") {
				t.Errorf("page shows internal error text: %.300s", body)
			}
			var line string
			for l := range strings.SplitSeq(logs.String(), "\n") {
				if strings.Contains(l, "request_id="+id) && strings.Contains(l, "level=ERROR") {
					line = l
				}
			}
			if !strings.Contains(line, "the database cannot be written") {
				t.Errorf("got log line %q, want an error line naming the cause and request id %s", line, id)
			}
		})
	}
	for _, path := range []string{"/", base, base + "/workloads", base + "/report.csv", base + "/report.json",
		"/api/v1/prices?provider=aws", "/prices", "/healthz"} {
		if resp, _ := do("GET", path, "", ""); resp.StatusCode != 200 {
			t.Errorf("GET %s while not writable: got %d, want 200", path, resp.StatusCode)
		}
	}
	_, body := do("GET", base+"/workloads", "", "")
	if strings.Count(body, "Shop") == 0 {
		t.Error("the saved workload is not listed while not writable")
	}

	if err := db.SetReadOnly(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if resp, _ := do("POST", base+"/workloads", formType, wl); resp.StatusCode != 303 {
		t.Errorf("add workload once writable again: got %d, want 303", resp.StatusCode)
	}
}
