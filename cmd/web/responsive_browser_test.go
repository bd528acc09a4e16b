package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"cloudadvisor/i18n"
	"cloudadvisor/internal/browsertest"
	"cloudadvisor/internal/webtest"
	"cloudadvisor/report"
)

// layoutProblems lists, in the page's own words, what a person would see as
// broken: the page wider than the screen, and inputs too narrow for their value.
const layoutProblems = `(() => {
	const out = [];
	for (const d of document.querySelectorAll("details:not([hx-get])")) d.open = true;
	const sw = document.scrollingElement.scrollWidth;
	if (sw > innerWidth) {
		// Name the outermost elements that stick out: their parent does not.
		const culprits = [];
		const scrolls = (el) => {
			for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
				if (getComputedStyle(e).overflowX !== "visible") return true;
			}
			return false;
		};
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect(), pr = el.parentElement.getBoundingClientRect();
			if (r.right > innerWidth + 1 && pr.right <= innerWidth + 1 && culprits.length < 3 && !scrolls(el)) {
				const path = [];
				for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
					path.unshift(e.tagName.toLowerCase() + (e.getAttribute("data-testid") ? "[" + e.getAttribute("data-testid") + "]" : e.className ? "." + String(e.className).split(" ")[0] : ""));
				}
				culprits.push(path.join(">") + " right=" + Math.round(r.right));
			}
		}
		const widest = culprits.join("; ");
		out.push("page is " + sw + " px wide on a " + innerWidth + " px screen (" + widest + ")");
	}
	// On a laptop a table fits its box: no column hides behind a scroll bar.
	if (innerWidth >= 1200) {
		for (const el of document.querySelectorAll(".table-scroll, .overflow-auto")) {
			if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1) {
				const t = el.querySelector("table");
				const cols = t ? Array.from(t.querySelectorAll("thead th")).map(th => th.textContent.trim().slice(0, 12) + ":" + Math.round(th.getBoundingClientRect().width)).join(",") : "";
				out.push("table " + (t && t.getAttribute("data-testid") || "") + " is " + el.scrollWidth + " px in a " + el.clientWidth + " px box (" + cols + ")");
			}
		}
	}
	const measure = document.createElement("canvas").getContext("2d");
	for (const el of document.querySelectorAll("input:not([type]), input[type=number], input[type=text], select")) {
		const text = el.tagName === "SELECT" ? (el.selectedOptions[0] || {}).text : (el.value || el.placeholder);
		// A long free text (a rate source of 150 characters) scrolls in its field, as text fields do.
		if (el.offsetParent === null || !text || text.length > 40) continue;
		const cs = getComputedStyle(el);
		measure.font = cs.font;
		const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (el.tagName === "SELECT" ? 0 : 0);
		if (measure.measureText(text).width > room + 1) {
			out.push(el.tagName.toLowerCase() + " " + el.name + " clips " + JSON.stringify(text));
		}
	}
	return out;
})()`

// responsivePage is a page of the app and its path.
type responsivePage struct{ name, path string }

// responsiveSetup starts the app and Chromium, creates the five-workload
// assessment in the browser's session and shares it; it returns every page.
func responsiveSetup(t *testing.T) (*browsertest.Browser, *app, report.Document, []responsivePage) {
	b := browsertest.New(t)
	a := startApp(t)
	ctx := b.Ctx
	if err := chromedp.Do(ctx, chromedp.Navigate(a.URL+"/")); err != nil {
		t.Fatal(err)
	}
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/api/v1/assessments", {method: "POST",
		headers: {"Content-Type": "application/json"}, body: `+"`"+webtest.FiveWorkloads+"`"+`}).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var doc report.Document
	if err := json.Unmarshal([]byte(js), &doc); err != nil || doc.ID == "" {
		t.Fatalf("create: %v in %.300s", err, js)
	}
	id := doc.ID
	if err := chromedp.Do(ctx, chromedp.Navigate(a.URL+"/assessments/"+id)); err != nil {
		t.Fatal(err)
	}
	wid, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("article[id^='w-']").id.slice(2)`))
	if err != nil {
		t.Fatal(err)
	}
	share, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/assessments/`+id+`/shares", {method: "POST"}).then(r => r.text()).then(h => (h.match(/\/shared\/[A-Za-z0-9_-]+/) || [""])[0])`,
		chromedp.EvalAwaitPromise))
	if err != nil || share == "" {
		t.Fatalf("share: %q, %v", share, err)
	}
	return b, a, doc, []responsivePage{
		{"home", "/"},
		{"new", "/assessments/new"},
		{"organization", "/assessments/" + id + "/organization"},
		{"workloads", "/assessments/" + id + "/workloads"},
		{"workload-new", "/assessments/" + id + "/workloads/new"},
		{"workload-edit", "/assessments/" + id + "/workloads/" + wid},
		{"result", "/assessments/" + id},
		{"estate", "/assessments/" + id + "/estate"},
		{"workload-result", "/assessments/" + id + "/workloads/" + wid + "/result"},
		{"inventory", "/assessments/" + id + "/inventory"},
		{"print", "/assessments/" + id + "/report.html"},
		{"shared", share},
		{"rules", "/rules"},
		{"prices", "/prices"},
		{"workload-remove", "/assessments/" + id + "/workloads/" + wid + "/delete"},
	}
}

// checkPages opens each page at the size, fails on layout problems and on
// any axe-core WCAG 2.2 A/AA violation, and saves a screenshot named
// results-<page>-<width>.
func checkPages(t *testing.T, b *browsertest.Browser, base string, pages []responsivePage, w, h int64, prefix string) {
	t.Helper()
	if err := chromedp.Do(b.Ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
	widest, at := int64(0), ""
	defer func() { t.Logf("widest page at %d px: %s, %d px", w, at, widest) }()
	for _, p := range pages {
		if err := chromedp.Do(b.Ctx, chromedp.Navigate(base+p.path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		sw, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int64](`document.scrollingElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if sw > widest {
			widest, at = sw, p.name
		}
		b.Screenshot(t, fmt.Sprintf("%s%s-%d", prefix, p.name, w))
		for _, v := range b.Axe(t) {
			t.Errorf("axe %s at %d px: %s", p.name, w, v)
		}
		problems, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](layoutProblems))
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range problems {
			t.Errorf("%s at %d px: %s", p.name, w, pr)
		}
	}
}

// TestBrowserResponsivePhone opens every page at 390 × 844 and fails on a
// page wider than the screen, a field that clips its text or an axe-core
// violation.
func TestBrowserResponsivePhone(t *testing.T) {
	b, a, _, pages := responsiveSetup(t)
	checkPages(t, b, a.URL, pages[:7], 390, 844, "results-")
}

// TestBrowserResponsivePhoneMore is TestBrowserResponsivePhone for the
// other half of the pages, so that each browser has time for its pages.
func TestBrowserResponsivePhoneMore(t *testing.T) {
	b, a, _, pages := responsiveSetup(t)
	checkPages(t, b, a.URL, pages[7:], 390, 844, "results-")
}

// TestBrowserResponsiveDesktopMore is the desktop check of the other half of the pages.
func TestBrowserResponsiveDesktopMore(t *testing.T) {
	b, a, _, pages := responsiveSetup(t)
	checkPages(t, b, a.URL, pages[7:], 1366, 900, "results-")
}

// TestBrowserResponsiveKorean opens the organisation, result and print pages
// in ko-KR at 390 × 844: Korean labels are longer and must fit too.
func TestBrowserResponsiveKorean(t *testing.T) {
	b, a, _, pages := responsiveSetup(t)
	if _, err := chromedp.Call(b.Ctx, network.SetExtraHTTPHeaders,
		network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": "ko-KR,ko;q=0.9"}}); err != nil {
		t.Fatal(err)
	}
	var ko []responsivePage
	for _, p := range pages {
		if p.name == "result" || p.name == "print" || p.name == "organization" {
			ko = append(ko, p)
		}
	}
	checkPages(t, b, a.URL, ko, 390, 844, "results-ko-")
}

// TestBrowserResponsiveDesktop does the same at 1366 × 900, and checks that
// the executive summary says what the JSON report says.
func TestBrowserResponsiveDesktop(t *testing.T) {
	b, a, doc, pages := responsiveSetup(t)
	checkPages(t, b, a.URL, pages[:7], 1366, 900, "results-")
	checkSummary(t, b, a.URL+"/assessments/"+doc.ID, doc)
	// The share link is shown whole, ready to paste, with a copy button.
	url, err := chromedp.Run(b.Ctx, chromedp.Value(chromedp.CSS(`[data-testid="share-url"]`)))
	if err != nil || !strings.HasPrefix(url, a.URL+"/shared/") {
		t.Errorf("share link: got %q (%v), want a full URL under %s/shared/", url, err, a.URL)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS(`[data-testid="share-copy"]`))); err != nil {
		t.Fatal(err)
	}
	if label, _ := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(`[data-testid="share-copy"]`))); label != i18n.T("en", "share.copied") {
		t.Errorf("copy button: got %q after a click, want %q", label, i18n.T("en", "share.copied"))
	}
}

// checkSummary compares the executive summary on the page with the JSON report.
func checkSummary(t *testing.T, b *browsertest.Browser, url string, doc report.Document) {
	t.Helper()
	plan := doc.Summary.Plan()
	if plan.Workloads != 5 {
		t.Fatalf("plan covers %d workloads, want 5", plan.Workloads)
	}
	text := func(sel string) string {
		s, err := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return strings.TrimSpace(s)
	}
	if err := chromedp.Do(b.Ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`[data-testid="executive"]`))); err != nil {
		t.Fatal(err)
	}
	for sel, want := range map[string]string{
		`[data-testid="plan-monthly"] [data-testid="value"]`:    plan.Monthly.Display(),
		`[data-testid="plan-upfront"] [data-testid="value"]`:    plan.Upfront.Display(),
		`[data-testid="plan-first-year"] [data-testid="value"]`: plan.FirstYear.Display(),
		`[data-testid="plan-horizon"] [data-testid="value"]`:    plan.Horizon.Display(),
	} {
		if got := text(sel); got != want {
			t.Errorf("%s: got %q, want %q as in the JSON report", sel, got, want)
		}
	}
	for _, sc := range doc.Summary.Scenarios {
		row := `[data-testid="scenario-` + sc.Key + `"]`
		if got, want := text(row+` [data-testid="priced"]`), fmt.Sprintf("%d of %d", sc.Priced, sc.Workloads); got != want {
			t.Errorf("%s priced: got %q, want %q", sc.Key, got, want)
		}
		if sc.Priced > 0 {
			if got := text(row + ` [data-testid="monthly"]`); got != sc.Monthly.Display() {
				t.Errorf("%s monthly: got %q, want %q", sc.Key, got, sc.Monthly.Display())
			}
		}
		hasSaving, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`!!document.querySelector('`+row+` [data-testid="saving"]')`))
		if hasSaving != (sc.Saving != nil) {
			t.Errorf("%s: saving shown %v, want %v (complete %v)", sc.Key, hasSaving, sc.Saving != nil, sc.Complete)
		}
		if sc.Saving != nil && !sc.Complete {
			t.Errorf("%s: a saving for %d of %d priced", sc.Key, sc.Priced, sc.Workloads)
		}
	}
	if !plan.Complete {
		if got := text(`[data-testid="plan-partial"]`); !strings.Contains(got, fmt.Sprintf("%d of %d", plan.Priced, plan.Workloads)) {
			t.Errorf("partial plan note: got %q", got)
		}
	}
}
