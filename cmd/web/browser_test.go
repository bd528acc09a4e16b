package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cloudadvisor/internal/browsertest"
)

// TestBrowserQuestionnaire drives Chromium through the questionnaire for one
// workload, reads the recommendation and a price, and reloads the saved
// assessment by its URL. Any console error fails it.
func TestBrowserQuestionnaire(t *testing.T) {
	b := browsertest.New(t)
	a := startApp(t)
	ctx := b.Ctx
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.URL+"/"),
		chromedp.Click(chromedp.CSS(`[data-testid="start"]`)),
		chromedp.WaitVisible(chromedp.ID("organization-name")),
		chromedp.SendKeys(chromedp.ID("organization-name"), "Acme Browsers"),
		chromedp.SetValue(chromedp.ID("organization-geography"), "eu-central"),
		chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("workload-name")),
		chromedp.SendKeys(chromedp.ID("workload-name"), "Customer portal"),
		chromedp.SetValue(chromedp.ID("workload-kind"), "web_app"),
		chromedp.SendKeys(chromedp.ID("workload-vcpu"), "4"),
		chromedp.SendKeys(chromedp.ID("workload-memory_gib"), "16"),
		chromedp.SendKeys(chromedp.ID("workload-users"), "200"),
	)
	if err != nil {
		t.Fatal(err)
	}
	b.Screenshot(t, "foundation-questionnaire")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="model"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	b.Screenshot(t, "foundation-result")
	model, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="model"]`)))
	if err != nil {
		t.Fatal(err)
	}
	if model != "IaaS" && model != "PaaS" && model != "SaaS" {
		t.Errorf("got model %q, want IaaS, PaaS or SaaS", model)
	}
	price, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid^="option-"] [data-testid="monthly"]`)))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^USD [0-9,]+\.\d\d$`).MatchString(price) {
		t.Errorf("got monthly price %q, want USD n.nn", price)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "/assessments/") {
		t.Fatalf("got location %q, want the saved assessment", loc)
	}
	err = chromedp.Do(ctx, chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.CSS(`[data-testid="org-name"]`)))
	if err != nil {
		t.Fatal(err)
	}
	org, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="org-name"]`)))
	again, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid^="option-"] [data-testid="monthly"]`)))
	if org != "Acme Browsers" || again != price {
		t.Errorf("reloaded: got %q and %q, want %q and %q", org, again, "Acme Browsers", price)
	}
}
