package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cloudadvisor/internal/browsertest"
)

// allowedLatin are the words in Latin letters a Korean page may show:
// product, provider and vendor names, units, file formats and codes, as
// Korean IT people write them.
var allowedLatin = strings.Fields(`
	AWS Amazon Azure Microsoft Google Cloud DigitalOcean Heroku Datadog Dropbox Salesforce Slack
	Workspace HubSpot Pipedrive Zoho CRM GitHub GitLab IaaS PaaS SaaS TCO ERP API OS CPU vCPU GiB GB MB TB
	Application Load Balancer Linux Windows PostgreSQL MySQL SQL Server Oracle RDS EC EBS Elastic Beanstalk App Service Engine Droplet Droplets
	Managed Instance Business Standard Premium Basic Professional Enterprise Team Free Pro Plus Starter
	CSV PDF JSON Excel Markdown RVTools xlsx csv zip vInfo vmInfo perfInfo diskInfo tagInfo SRM
	Migrate Migration Center Hub Evaluator USD KRW EUR JPY GBP ID What if Savings Plan Retry After Allow
	YYYY MM DD UTC Cloud Advisor BigQuery Redshift Synapse Databricks NetSuite Dynamics SAP HANA COM IIS BYOL
	English VM SSD What-if IP GPU NVIDIA KT NHN NCP DB KR kr CDN HTML CSS CloudFront Blob Storage Front Door ML SageMaker
	Vertex AI Machine Learning Fabric ETL CSAP KISA T4 L4 L40S A100 H100 RPU KOSA SW OEWS BLS`)

// citedWords name a source as it calls itself: the default exchange rates'.
var citedWords = strings.Fields(`European Central Bank euro foreign exchange reference rates of https www ecb europa eu
	stats eurofxref eurofxref-daily xml units each currency per transcribed daily file recorded that day public
	repository's test fixture code index id check against page ECB`)

// pendingPricing are English words the pricing package still writes as
// sentences (missing prices, notes, sizing, line names, the labour and
// migration allowances' reasons); they go from this list as pricing
// returns codes with arguments (the lead's change on main).
var pendingPricing = strings.Fields(`environment on as is block storage no general-purpose volume price for in
	standard vcpu gb us platform linux plan with at least demand azure koreacentral
	data transfer out from operations middleware runtime instances organisation hourly rate labour allowance and one
	administrator about h a month commonly looks after to servers application deployments configuration fixes the
	customer owns them alike migration replatform move new or managed database dump restore instance current host
	default first-tier internet egress large clouds usual moving hosted charge its own scaling rules version upgrades
	engine run patching backups tests review parameters provider administration settings integrations vendor updates
	user minutes joiners leavers access reviews`)

// TestBrowserKorean walks every page in Korean, chosen with the switcher (a
// plain form), and fails on any visible English word outside allowedLatin.
// Text inside <code>, elements in another language (lang="en") and
// translate="no" (names of products and SKUs from price lists) are skipped.
func TestBrowserKorean(t *testing.T) {
	b := browsertest.New(t)
	a := startApp(t)
	ctx := b.Ctx
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.URL+"/"),
		chromedp.Click(chromedp.CSS(`[data-testid="lang-switch"] button[value="ko"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="ko"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	// One screenshot per page at a laptop's size; KOREAN_SCREENSHOTS=all
	// adds a phone's, for a person to look at.
	viewports := [][2]int64{{1366, 900}}
	if os.Getenv("KOREAN_SCREENSHOTS") == "all" {
		viewports = append(viewports, [2]int64{390, 844})
	}
	check := func(name string) {
		t.Helper()
		if lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "ko" {
			t.Errorf("%s: <html lang=%q>, want ko", name, lang)
		}
		text, err := chromedp.Run(ctx, chromedp.Evaluate[string](visibleText))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.ContainsFunc(text, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }) {
			t.Errorf("%s: no Hangul on the page", name)
		}
		var english []string
		for _, w := range latinWords(text) {
			if notAllowed(w) && !slices.Contains(english, w) {
				english = append(english, w)
			}
		}
		if len(english) > 0 {
			t.Errorf("%s: English words shown: %s", name, strings.Join(english, " "))
		}
		for _, vp := range viewports {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp[0], vp[1])); err != nil {
				t.Fatal(err)
			}
			b.Screenshot(t, fmt.Sprintf("korean-%s-%dx%d", name, vp[0], vp[1]))
		}
	}
	check("home")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="start"]`)),
		chromedp.WaitVisible(chromedp.ID("organization-name")),
	)
	if err != nil {
		t.Fatal(err)
	}
	check("organization")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("organization-name"), "한빛소프트"),
		chromedp.SetValue(chromedp.ID("organization-geography"), "asia-seoul"),
		chromedp.SetValue(chromedp.ID("organization-currency"), "KRW"),
		chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("workload-name")),
	)
	if err != nil {
		t.Fatal(err)
	}
	check("workload-form")
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("workload-name"), "고객 포털"),
		chromedp.SetValue(chromedp.ID("workload-kind"), "web_app"),
		chromedp.SendKeys(chromedp.ID("workload-vcpu"), "4"),
		chromedp.SendKeys(chromedp.ID("workload-memory_gib"), "16"),
		chromedp.SendKeys(chromedp.ID("workload-users"), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="see-results"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	check("workloads")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="remove"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="confirm-remove"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	check("workload-remove")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="cancel-remove"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="see-results"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="model"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	check("results")
	if price, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid^="option-"] [data-testid="monthly"]`))); !regexp.MustCompile(`^₩[0-9,]+$`).MatchString(price) {
		t.Errorf("got monthly price %q, want ₩n,nnn", price)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ name, path, wait string }{
		{"estate", loc + "/estate", "main"},
		{"inventory", loc + "/inventory", "main"},
		{"report", loc + "/report.html", "body"},
		{"prices", a.URL + "/prices", "main"},
		{"rules", a.URL + "/rules", `[data-testid="rules"]`},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(p.path), chromedp.WaitVisible(chromedp.CSS(p.wait))); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		check(p.name)
	}
}

func notAllowed(w string) bool {
	return !slices.Contains(allowedLatin, w) && !slices.Contains(citedWords, w) && !slices.Contains(pendingPricing, w)
}

// latinWords are the words in Latin letters of text, leaving out what
// reads as a code: a token with a digit, ".", "_", "/" or ":" (URLs, file
// names, ids, SKUs, hashes).
func latinWords(text string) []string {
	var out []string
	tokens := strings.FieldsFunc(text, func(r rune) bool {
		return !(r < 0x80 && (r == '.' || r == '_' || r == '/' || r == ':' || r == '-' || r == '\'' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'))
	})
	for _, tok := range tokens {
		tok = strings.Trim(tok, ".:-'")
		if strings.ContainsAny(tok, "0123456789._/:") || !strings.ContainsFunc(tok, func(r rune) bool { return r >= 'A' && r <= 'z' }) {
			continue
		}
		out = append(out, tok)
	}
	return out
}

// visibleText is the page's visible text, leaving out code, other
// languages' elements and untranslatable names.
const visibleText = `(() => {
	const out = [];
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const el = n.parentElement;
		if (!el || el.closest('code, script, style, [translate="no"], [lang]:not([lang="ko"])')) continue;
		if (el.closest('details:not([open]) > :not(summary)')) continue;
		const s = getComputedStyle(el);
		if (s.display === 'none' || s.visibility === 'hidden') continue;
		out.push(n.textContent);
	}
	for (const el of document.querySelectorAll('input[placeholder], button, [aria-label], [title]')) {
		if (el.closest('[lang]:not([lang="ko"])')) continue;
		for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
	}
	return out.join(' ');
})()`
