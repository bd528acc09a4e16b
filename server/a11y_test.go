package server

import (
	"html"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestFieldsDescribedByTheirHelp: every input, select and switch of the
// workload form names the help (or error) text under it with
// aria-describedby, and that text exists on the page, so a screen reader
// reads it with the field.
func TestFieldsDescribedByTheirHelp(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	page := c.do("GET", "/assessments/"+id+"/workloads/new", "").Body.String()
	controls := regexp.MustCompile(`<(select|input)\b[^>]*>`).FindAllString(page, -1)
	checked := 0
	for _, el := range controls {
		if strings.Contains(el, `type="hidden"`) || strings.Contains(el, `type="submit"`) || !strings.Contains(el, `name="workload.`) {
			continue
		}
		checked++
		m := regexp.MustCompile(`aria-describedby="([^"]+)"`).FindStringSubmatch(el)
		if m == nil {
			t.Errorf("no aria-describedby on %s", el)
			continue
		}
		if !strings.Contains(page, `id="`+m[1]+`"`) {
			t.Errorf("%s describes itself by %q, which is not on the page", el, m[1])
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d workload fields: the form has more; the pattern no longer matches", checked)
	}
}

// TestEditPagesSayWhatTheyEdit: the page title of an edit page names the
// assessment, not "New assessment" or "Workload".
func TestEditPagesSayWhatTheyEdit(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	org := mustAssessment(t, db, id).Organization.Name
	title := regexp.MustCompile(`<title>([^<]*)</title>`)
	for path, want := range map[string]string{
		"/assessments/" + id + "/organization":  "Organisation of " + org,
		"/assessments/" + id + "/workloads/new": "Add a workload · " + org,
		"/assessments/new":                      "New assessment",
	} {
		m := title.FindStringSubmatch(c.do("GET", path, "").Body.String())
		if m == nil || !strings.Contains(html.UnescapeString(m[1]), want) {
			t.Errorf("%s: title %v, want it to say %q", path, m, want)
		}
	}
	h1 := regexp.MustCompile(`<h1>([^<]*)</h1>`)
	for path, want := range map[string]string{
		"/assessments/" + id + "/organization": "Organisation",
		"/assessments/new":                     "New assessment",
	} {
		if m := h1.FindStringSubmatch(c.do("GET", path, "").Body.String()); m == nil || m[1] != want {
			t.Errorf("%s: heading %v, want %q", path, m, want)
		}
	}
}

// TestWhatIfResultsAnnounced: the options a what-if replaces sit in a
// polite live region, so a screen reader announces the new figures.
func TestWhatIfResultsAnnounced(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	page := c.do("GET", "/assessments/"+id, "").Body.String()
	targets := regexp.MustCompile(`<div id="options-[^"]+"[^>]*>`).FindAllString(page, -1)
	if len(targets) == 0 {
		t.Fatal("no options container on the result page")
	}
	for _, m := range targets {
		if !strings.Contains(m, `aria-live="polite"`) {
			t.Errorf("what-if target %s is not a live region", m)
		}
	}
	if !strings.Contains(page, `hx-target="#options-`) {
		t.Fatal("no what-if form targets the options: the test checks nothing")
	}
}

// TestControlsNameTheirWorkload: Duplicate and Remove say which workload
// they act on to a screen reader, not five identical "Remove" buttons.
func TestControlsNameTheirWorkload(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	a := mustAssessment(t, db, id)
	page := html.UnescapeString(c.do("GET", "/assessments/"+id+"/workloads", "").Body.String())
	for _, w := range a.Workloads {
		for _, what := range []string{"Duplicate", "Remove"} {
			if !strings.Contains(page, `aria-label="`+what+`: `+w.Workload.Name+`"`) {
				t.Errorf("no %s control named for %q", what, w.Workload.Name)
			}
		}
	}
	if len(a.Workloads) < 2 {
		t.Fatal("the fixture has fewer than two workloads: the test checks little")
	}
}

// TestRemoveAsksFirst: Remove on the list leads to a page that names the
// workload and asks; only its form removes it, and the list then says what
// was removed.
func TestRemoveAsksFirst(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	a := mustAssessment(t, db, id)
	n, victim := len(a.Workloads), a.Workloads[0]
	list := c.do("GET", "/assessments/"+id+"/workloads", "").Body.String()
	ask := "/assessments/" + id + "/workloads/" + victim.ID + "/delete"
	if !strings.Contains(list, `href="`+ask+`"`) || strings.Contains(list, `action="`+ask+`"`) {
		t.Fatalf("the list's Remove should link to the question at %s, not post to it", ask)
	}
	page := c.do("GET", ask, "")
	if page.Code != 200 || !strings.Contains(html.UnescapeString(page.Body.String()), "Remove “"+victim.Workload.Name+"”?") ||
		!strings.Contains(page.Body.String(), `action="`+ask+`"`) || !strings.Contains(page.Body.String(), `data-testid="cancel-remove"`) {
		t.Fatalf("question page: got %d, want the workload named, a form posting to %s and a way back", page.Code, ask)
	}
	if got := len(mustAssessment(t, db, id).Workloads); got != n {
		t.Fatalf("asking removed a workload: %d left of %d", got, n)
	}
	rec := c.do("POST", ask, "")
	if rec.Code != 303 {
		t.Fatalf("remove: got %d, want 303", rec.Code)
	}
	if got := len(mustAssessment(t, db, id).Workloads); got != n-1 {
		t.Fatalf("after removing: %d workloads, want %d", got, n-1)
	}
	after := c.do("GET", rec.Header().Get("Location"), "").Body.String()
	if !strings.Contains(after, `role="status"`) || !strings.Contains(html.UnescapeString(after), "“"+victim.Workload.Name+"” was removed.") {
		t.Errorf("the list does not say what was removed (went to %s)", rec.Header().Get("Location"))
	}
	if c.do("GET", ask, "").Code != 404 {
		t.Errorf("asking about a removed workload: want 404")
	}
}

// TestErrorSummaryLinksToFields: a failed submit shows one summary that
// takes focus and links each field with an error, named by its label, to
// the field itself.
func TestErrorSummaryLinksToFields(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	rec := c.form("/assessments", "organization.name=Acme&organization.horizon_years=99&organization.comfort_factor=abc&organization.engineer_hourly_cost=-5")
	if rec.Code != 422 {
		t.Fatalf("invalid organisation: got %d, want 422", rec.Code)
	}
	checkErrorSummary(t, rec.Body.String(), 3)
	id := createFixture(t, c)
	rec = c.form("/assessments/"+id+"/workloads", "workload.name=x&workload.vcpu=-3&workload.memory_gib=lots")
	if rec.Code != 422 {
		t.Fatalf("invalid workload: got %d, want 422", rec.Code)
	}
	checkErrorSummary(t, rec.Body.String(), 2)
}

func checkErrorSummary(t *testing.T, page string, atLeast int) {
	t.Helper()
	summary := regexp.MustCompile(`(?s)<article class="error-summary"[^>]*>.*?</article>`).FindString(page)
	if summary == "" || !strings.Contains(summary, "autofocus") || !strings.Contains(summary, `tabindex="-1"`) {
		t.Fatalf("no error summary that takes focus: %q", summary)
	}
	links := regexp.MustCompile(`<a href="#([^"]+)"[^>]*>([^<]+)</a>`).FindAllStringSubmatch(summary, -1)
	if len(links) < atLeast {
		t.Fatalf("%d links in the summary, want one per field in error (≥ %d): %s", len(links), atLeast, summary)
	}
	for _, l := range links {
		if !strings.Contains(page, `id="`+l[1]+`"`) {
			t.Errorf("summary link %q leads to #%s, which is not on the page", l[2], l[1])
		}
		if strings.HasPrefix(l[2], "organization.") || strings.HasPrefix(l[2], "workload.") || !strings.Contains(l[2], ": ") {
			t.Errorf("summary link not named by the field's label and problem: %q", l[2])
		}
	}
}

// TestPrintViewShowsChartData: the print view cannot open a disclosure, so
// its charts' data tables are open; the result page keeps them folded.
func TestPrintViewShowsChartData(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	tables := regexp.MustCompile(`<details class="chart-table"( open)?>`)
	count := func(page string) (open, folded int) {
		for _, m := range tables.FindAllStringSubmatch(page, -1) {
			if m[1] != "" {
				open++
			} else {
				folded++
			}
		}
		return
	}
	if open, folded := count(c.do("GET", "/assessments/"+id+"/report.html", "").Body.String()); open < 2 || folded != 0 {
		t.Errorf("print view: %d chart tables open, %d folded; want all open", open, folded)
	}
	if open, folded := count(c.do("GET", "/assessments/"+id, "").Body.String()); open != 0 || folded < 2 {
		t.Errorf("result page: %d chart tables open, %d folded; want all folded", open, folded)
	}
}

// TestWhatIfRefreshesTheSummary: a what-if answered to htmx carries the
// executive summary recomputed with it, swapped out of band and saying it
// includes an unsaved what-if; refused answers leave the summary alone.
func TestWhatIfRefreshesTheSummary(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	a := mustAssessment(t, db, id)
	var wid, name string
	for _, w := range a.Workloads {
		if w.Recommendation.Model == "saas" { // priced per user: the users change it
			wid, name = w.ID, w.Workload.Name
			break
		}
	}
	post := func(body string, htmx bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/assessments/"+id+"/workloads/"+wid+"/whatif", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if htmx {
			req.Header.Set("HX-Request", "true")
		}
		for _, ck := range c.cookies {
			req.AddCookie(ck)
		}
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		return rec
	}
	p := "w-" + wid + "."
	plan := regexp.MustCompile(`data-testid="plan-monthly"[^>]*>[\s\S]*?data-money[^>]*>([^<]+)<`)
	before := plan.FindStringSubmatch(c.do("GET", "/assessments/"+id, "").Body.String())
	rec := post(p+"users=5000&"+p+"avg_cpu_utilization_pct=90", true)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, `id="executive"`) || !strings.Contains(body, `hx-swap-oob="true"`) {
		t.Fatalf("htmx what-if: got %d, want 200 with the executive summary out of band", rec.Code)
	}
	if !strings.Contains(html.UnescapeString(body), "what-if tried on “"+name+"”") {
		t.Error("the recomputed summary does not say it includes the unsaved what-if")
	}
	after := plan.FindStringSubmatch(body)
	if before == nil || after == nil {
		t.Fatalf("plan monthly not found: before %v, after %v", before, after)
	}
	if before[1] == after[1] {
		t.Errorf("the plan's monthly total did not change with 5,000 users at 90%% CPU: %s", after[1])
	}
	if rec := post(p+"users=-1", true); rec.Code != 422 || strings.Contains(rec.Body.String(), `hx-swap-oob`) {
		t.Errorf("refused what-if: got %d, and the summary swapped: %v; want 422 and no swap", rec.Code, strings.Contains(rec.Body.String(), `hx-swap-oob`))
	}
	if page := post(p+"users=5000", false).Body.String(); !strings.Contains(page, `data-testid="exec-whatif"`) || strings.Contains(page, `hx-swap-oob`) {
		t.Error("without htmx the page should show the summary with the what-if note, in place")
	}
}
