package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// app is a running instance of run() on a free port with a temp database.
type app struct {
	url    string
	client *http.Client
	done   chan error
	cancel context.CancelFunc
}

// startApp runs the whole program as main does, on :0 with a temp database,
// and waits for it to listen.
func startApp(tb testing.TB) *app {
	tb.Helper()
	return startAppEnv(tb, nil)
}

// startAppEnv is startApp with extra environment variables.
func startAppEnv(tb testing.TB, extra map[string]string) *app {
	tb.Helper()
	return startApps(tb, 1, extra)[0]
}

// startApps starts n instances at once on one environment (so on one
// database) and waits for each to listen.
func startApps(tb testing.TB, n int, extra map[string]string) []*app {
	tb.Helper()
	env := map[string]string{"ADVISOR_DB": filepath.Join(tb.TempDir(), "advisor.db")}
	for k, v := range extra {
		env[k] = v
	}
	apps := make([]*app, n)
	urls := make([]chan string, n)
	for i := range apps {
		apps[i], urls[i] = launchApp(tb, env)
	}
	for i, a := range apps {
		select {
		case a.url = <-urls[i]:
		case err := <-a.done:
			a.done <- err // for the cleanup
			tb.Fatalf("run exited before listening: %v", err)
		case <-time.After(30 * time.Second):
			tb.Fatal("server did not start within 30s")
		}
		jar, _ := cookiejar.New(nil)
		a.client = &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return apps
}

// launchApp runs the program in the background and returns the channel its
// URL is sent on once it listens; the test's cleanup stops it.
func launchApp(tb testing.TB, env map[string]string) (*app, chan string) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	a := &app{done: make(chan error, 1), cancel: cancel}
	go func() {
		a.done <- run(ctx, []string{"web", "-addr", "127.0.0.1:0"}, func(k string) string { return env[k] }, pw)
		pw.Close()
	}()
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		re := regexp.MustCompile(`url=(http://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urlc <- m[1]
			}
		}
	}()
	tb.Cleanup(func() {
		cancel()
		if err := <-a.done; err != nil && a.url != "" {
			tb.Errorf("run returned %v after shutdown, want nil", err)
		}
	})
	return a, urlc
}

func (a *app) do(tb testing.TB, method, path, ctype, body string) (*http.Response, string) {
	tb.Helper()
	return a.doHeader(tb, method, path, ctype, body)
}

// doHeader is do with extra request headers given as name, value pairs.
func (a *app) doHeader(tb testing.TB, method, path, ctype, body string, headers ...string) (*http.Response, string) {
	tb.Helper()
	resp := a.send(tb, method, path, ctype, body, headers...)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// send makes a same-origin request and returns the response unread.
func (a *app) send(tb testing.TB, method, path, ctype, body string, headers ...string) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(method, a.url+path, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Origin", a.url) // a same-origin browser request
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := a.client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	return resp
}

func formBody(kv ...string) string {
	v := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v.Encode()
}

const formType = "application/x-www-form-urlencoded"

func TestEndToEnd(t *testing.T) {
	a := startApp(t)
	resp, body := a.do(t, "GET", "/", "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `href="/assessments/new"`) {
		t.Fatalf("home: got %d, want 200 with a link to start", resp.StatusCode)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("got CSP %q, want strict", csp)
	}
	if resp, _ = a.do(t, "GET", "/healthz", "", ""); resp.StatusCode != 200 {
		t.Errorf("healthz: got %d", resp.StatusCode)
	}
	if resp, body = a.do(t, "GET", "/no/such/page", "", ""); resp.StatusCode != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("unknown path: got %d, want the 404 page", resp.StatusCode)
	}
	if resp, body = a.do(t, "GET", "/rules", "", ""); resp.StatusCode != 200 || !strings.Contains(body, "os_control_requires_iaas") {
		t.Errorf("rules page: got %d, want 200 listing the rules", resp.StatusCode)
	}

	// Step 1, bad then good.
	resp, body = a.do(t, "POST", "/assessments", formType, formBody("organization.name", "",
		"organization.horizon_years", "9", "organization.geography", "mars"))
	if resp.StatusCode != 422 {
		t.Fatalf("bad organisation: got %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{"Organisation name: is required", "TCO horizon (years): must be between 1 and 5",
		`Geography: must be one of &#34;us-east&#34;`, `value="9"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bad organisation page lacks %q", want)
		}
	}
	resp, _ = a.do(t, "POST", "/assessments", formType, formBody("organization.name", "Acme Corp",
		"organization.geography", "us-east"))
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 303 || !strings.HasSuffix(loc, "/workloads/new") {
		t.Fatalf("good organisation: got %d to %q, want 303 to the first workload", resp.StatusCode, loc)
	}
	base := strings.TrimSuffix(loc, "/workloads/new")

	// Step 2: a bad workload is refused with 422, input kept, nothing saved.
	resp, body = a.do(t, "POST", base+"/workloads", formType, formBody("workload.name", "",
		"workload.vcpu", "1000000000", "workload.memory_gib", "lots"))
	if resp.StatusCode != 422 {
		t.Fatalf("bad workload: got %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{`data-testid="error-workload.name"`, "Workload name: is required",
		"vCPU per instance: must be between 1 and 896", "Memory per instance (GiB): must be a number",
		`value="1000000000"`, `value="lots"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bad workload page lacks %q", want)
		}
	}
	resp, _ = a.do(t, "POST", base+"/workloads", formType, formBody("workload.name", "Shop front",
		"workload.kind", "web_app", "workload.vcpu", "2", "workload.memory_gib", "4", "workload.users", "40", "then", "add"))
	if resp.StatusCode != 303 || resp.Header.Get("Location") != base+"/workloads/new" {
		t.Fatalf("save and add another: got %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, _ = a.do(t, "POST", base+"/workloads", formType, formBody("workload.name", "Mail",
		"workload.kind", "email_collaboration", "workload.users", "30", "then", "list"))
	if resp.StatusCode != 303 || resp.Header.Get("Location") != base+"/workloads" {
		t.Fatalf("save: got %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = a.do(t, "GET", base+"/workloads", "", "")
	ids := regexp.MustCompile(`href="`+regexp.QuoteMeta(base)+`/workloads/([a-z2-7]{10})"`).FindAllStringSubmatch(body, -1)
	if len(ids) != 2 {
		t.Fatalf("got %d workloads listed, want 2", len(ids))
	}
	// Duplicate the first, rename the copy, remove the mail workload.
	a.do(t, "POST", base+"/workloads/"+ids[0][1]+"/duplicate", formType, "")
	_, body = a.do(t, "GET", base+"/workloads", "", "")
	if !strings.Contains(body, "Shop front (copy)") {
		t.Errorf("duplicate: list lacks the copy")
	}
	_, body = a.do(t, "GET", base+"/workloads/"+ids[0][1], "", "")
	if !strings.Contains(body, `value="Shop front"`) || !strings.Contains(body, `<option value="web_app" selected>`) {
		t.Errorf("edit form does not show the saved answers")
	}
	a.do(t, "POST", base+"/workloads/"+ids[1][1]+"/delete", formType, "")
	resp, _ = a.do(t, "POST", base+"/workloads/"+ids[0][1], formType, formBody("workload.name", "Shop front v2",
		"workload.kind", "web_app", "workload.vcpu", "4", "workload.memory_gib", "16"))
	if resp.StatusCode != 303 {
		t.Errorf("update: got %d, want 303", resp.StatusCode)
	}

	// Results.
	resp, body = a.do(t, "GET", base, "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("result: got %d", resp.StatusCode)
	}
	for _, want := range []string{"Acme Corp", "Shop front v2", "Shop front (copy)", `data-testid="model"`,
		`data-testid="reasons"`, `data-testid="option-iaas-aws"`, "USD "} {
		if !strings.Contains(body, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	if strings.Contains(body, ">Mail<") {
		t.Errorf("result page still shows the removed workload")
	}
	if !regexp.MustCompile(`data-testid="monthly" data-money>USD [0-9,]+\.\d\d<`).MatchString(body) {
		t.Errorf("result page has no priced option")
	}

	// Another browser session cannot see it; an unknown id is 404.
	other := &http.Client{}
	r2, err := other.Get(a.url + base)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if r2.StatusCode != 404 {
		t.Errorf("other session: got %d, want 404", r2.StatusCode)
	}
	if resp, _ = a.do(t, "GET", "/assessments/doesnotexist", "", ""); resp.StatusCode != 404 {
		t.Errorf("unknown id: got %d, want 404", resp.StatusCode)
	}
	if resp, _ = a.do(t, "GET", base+"/workloads/nope", "", ""); resp.StatusCode != 404 {
		t.Errorf("unknown workload: got %d, want 404", resp.StatusCode)
	}
}

func TestAPI(t *testing.T) {
	a := startApp(t)
	req := `{"organization":{"name":"Acme","geography":"eu-central","horizon_years":3},
		"workloads":[{"name":"mail","kind":"email_collaboration","users":30},{"name":"api","kind":"api","vcpu":4,"memory_gib":16}]}`
	resp, body := a.do(t, "POST", "/api/v1/assessments", "application/json", req)
	if resp.StatusCode != 201 {
		t.Fatalf("create: got %d %s, want 201", resp.StatusCode, body)
	}
	var created struct {
		SchemaVersion int    `json:"schema_version"`
		ID            string `json:"id"`
		URL           string `json:"url"`
		Workloads     []struct {
			Name           string `json:"name"`
			Recommendation struct {
				Model   string         `json:"model"`
				Scores  map[string]int `json:"scores"`
				Reasons []struct{ Rule, Text string }
			} `json:"recommendation"`
			Options []json.RawMessage `json:"options"`
		} `json:"workloads"`
	}
	if err := json.Unmarshal([]byte(body), &created); err != nil {
		t.Fatal(err)
	}
	if created.SchemaVersion != 1 || created.URL != "/assessments/"+created.ID || len(created.Workloads) != 2 {
		t.Fatalf("got %+v, want schema 1, url, 2 workloads", created)
	}
	for _, w := range created.Workloads {
		if w.Recommendation.Model == "" || len(w.Recommendation.Reasons) == 0 || len(w.Recommendation.Scores) != 3 {
			t.Errorf("%s: got recommendation %+v, want a model, reasons and 3 scores", w.Name, w.Recommendation)
		}
	}
	_, got := a.do(t, "GET", "/api/v1/assessments/"+created.ID, "", "")
	if got != body {
		t.Errorf("GET differs from POST:\n%s\nvs\n%s", got, body)
	}

	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"malformed", `{"organization":`, 400, "truncated"},
		{"unknown field", `{"organisation":{}}`, 400, "unknown field"},
		{"wrong type", `{"organization":{"name":"A"},"workloads":[{"name":"x","vcpu":"two"}]}`, 422, `"field": "workloads[0].vcpu"`},
		{"invalid values", `{"organization":{"name":""},"workloads":[{"name":"x","vcpu":-1,"kind":"mainframe"}]}`, 422, `"field": "workloads[0].vcpu"`},
		{"no workloads", `{"organization":{"name":"A"},"workloads":[]}`, 422, `"field": "workloads"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := a.do(t, "POST", "/api/v1/assessments", "application/json", tc.body)
			if resp.StatusCode != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("got %d %s, want %d containing %q", resp.StatusCode, body, tc.status, tc.want)
			}
		})
	}
	_, body = a.do(t, "POST", "/api/v1/assessments", "application/json", tests[3].body)
	for _, f := range []string{"organization.name", "workloads[0].vcpu", "workloads[0].kind"} {
		if !strings.Contains(body, `"field": "`+f+`"`) {
			t.Errorf("invalid values: body does not name %s: %s", f, body)
		}
	}
}
