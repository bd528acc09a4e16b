package server

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/webtest"
)

// newCRMAssessment walks the questionnaire over HTTP for one CRM workload of
// 10 users and returns the assessment path and the workload id.
func newCRMAssessment(t *testing.T, a *webtest.Client) (string, string) {
	t.Helper()
	resp, _ := a.Do(t, "POST", "/assessments", webtest.FormType, webtest.FormBody("organization.name", "What If Ltd", "organization.geography", "us-east"))
	base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
	a.Do(t, "POST", base+"/workloads", webtest.FormType, webtest.FormBody("workload.name", "Sales CRM", "workload.kind", "crm", "workload.users", "10"))
	_, body := a.Do(t, "GET", base+"/workloads", "", "")
	m := regexp.MustCompile(`/workloads/([a-z2-7]{10})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no workload id in the list")
	}
	return base, m[1]
}

var saasMonthly = regexp.MustCompile(`(?s)data-testid="option-saas-([a-z0-9-]+)".*?data-testid="monthly" data-money>([A-Z]{3} [0-9,.]+)<`)

func TestWhatIf(t *testing.T) {
	a := startApp(t)
	base, wid := newCRMAssessment(t, a)
	_, page := a.Do(t, "GET", base, "", "")
	before := saasMonthly.FindStringSubmatch(page)
	if before == nil {
		t.Fatal("no priced SaaS option for the CRM")
	}
	p := "w-" + wid + "."
	req := func(kv ...string) (int, string) {
		resp, body := a.Do(t, "POST", base+"/workloads/"+wid+"/whatif", webtest.FormType, webtest.FormBody(kv...))
		return resp.StatusCode, body
	}
	// htmx asks for the fragment only.
	status, frag := func() (int, string) {
		resp, body := a.DoHeader(t, "POST", base+"/workloads/"+wid+"/whatif", webtest.FormType, webtest.FormBody(p+"users", "100"), "HX-Request", "true")
		return resp.StatusCode, body
	}()
	after := saasMonthly.FindStringSubmatch(frag)
	if status != 200 || strings.Contains(frag, "<html") || after == nil || !strings.Contains(frag, `data-testid="whatif-note"`) {
		t.Fatalf("what-if fragment: got %d, html page %v, SaaS price %v", status, strings.Contains(frag, "<html"), after)
	}
	if after[2] == before[2] {
		t.Errorf("10 → 100 seats: SaaS monthly stayed %s", before[2])
	}
	// Bad values: 422 naming the field; nothing saved.
	status, body := req(p+"users", "-5", p+"commitment", "forever")
	if status != 422 || !strings.Contains(body, "Users (seats): must be between 0 and 10000000") || !strings.Contains(body, "Commitment: must be one of") {
		t.Errorf("bad what-if: got %d", status)
	}
	_, page = a.Do(t, "GET", base, "", "")
	if again := saasMonthly.FindStringSubmatch(page); again == nil || again[2] != before[2] {
		t.Errorf("the saved assessment changed after a what-if: got %v, want %s", again, before[2])
	}
	// Currency: the what-if in EUR shows EUR with the rate used.
	_, frag = a.DoHeader(t, "POST", base+"/workloads/"+wid+"/whatif", webtest.FormType, webtest.FormBody(p+"currency", "EUR"), "HX-Request", "true")
	if m := saasMonthly.FindStringSubmatch(frag); m == nil || !strings.HasPrefix(m[2], "EUR ") || !strings.Contains(frag, `data-testid="rate-used"`) {
		t.Errorf("EUR what-if: got %v, want EUR prices and the rate used", m)
	}
}

func TestCostLines(t *testing.T) {
	a := startApp(t)
	base, wid := newCRMAssessment(t, a)
	_, page := a.Do(t, "GET", base, "", "")
	m := regexp.MustCompile(`href="(` + regexp.QuoteMeta(base) + `/workloads/` + wid + `/lines/[^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("result page has no cost-lines link")
	}
	link := strings.ReplaceAll(m[1], "&amp;", "&")
	resp, body := a.Do(t, "GET", link, "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `<table class="lines cards">`) || !strings.Contains(body, "<html") {
		t.Errorf("lines page: got %d, want a page with the lines table", resp.StatusCode)
	}
	if strings.Contains(body, `href="#"`) || !strings.Contains(body, "organisation hourly rate") {
		t.Error("lines page: the cost model's own reasoning is a link to nowhere, or missing")
	}
	resp, body = a.DoHeader(t, "GET", link, "", "", "HX-Request", "true")
	if resp.StatusCode != 200 || strings.Contains(body, "<html") || !strings.Contains(body, "as-of") && !strings.Contains(body, "As of") {
		t.Errorf("lines fragment: got %d, want the lines table alone", resp.StatusCode)
	}
	if resp, _ = a.Do(t, "GET", base+"/workloads/"+wid+"/lines/nope", "", ""); resp.StatusCode != 404 {
		t.Errorf("unknown option: got %d, want 404", resp.StatusCode)
	}
}

// TestCostLinesFlagged: a cost line whose price took effect more than 12
// months before the server's clock says "stale" beside its source; by a
// clock before the prices took effect, none does.
func TestCostLinesFlagged(t *testing.T) {
	flags := regexp.MustCompile(`<mark data-testid="line-flag"[^>]*>([^<]*)</mark>`)
	for _, tc := range []struct {
		now       time.Time
		wantStale bool
	}{{time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), true}, {time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), false}} {
		a := startAppWith(t, Options{Now: func() time.Time { return tc.now }})
		base, wid := newCRMAssessment(t, a)
		_, page := a.Do(t, "GET", base, "", "")
		m := regexp.MustCompile(`href="(` + regexp.QuoteMeta(base) + `/workloads/` + wid + `/lines/[^"]+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("result page has no cost-lines link")
		}
		_, body := a.Do(t, "GET", strings.ReplaceAll(m[1], "&amp;", "&"), "", "")
		stale := 0
		for _, f := range flags.FindAllStringSubmatch(body, -1) {
			if f[1] == "stale" {
				stale++
			}
		}
		if (stale > 0) != tc.wantStale {
			t.Errorf("clock %s: %d lines flagged stale, want stale %v", tc.now.Format("2006-01-02"), stale, tc.wantStale)
		}
	}
}
