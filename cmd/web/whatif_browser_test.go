package main

import (
	"testing"

	"github.com/chromedp/chromedp"

	"cloudadvisor/internal/browsertest"
)

func TestBrowserWhatIf(t *testing.T) {
	b := browsertest.New(t)
	a := startApp(t)
	ctx := b.Ctx
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.URL+"/assessments/new"),
		chromedp.SendKeys(chromedp.ID("organization-name"), "What If Ltd"),
		chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("workload-name")),
		chromedp.SendKeys(chromedp.ID("workload-name"), "Sales CRM"),
		chromedp.SetValue(chromedp.ID("workload-kind"), "crm"),
		chromedp.SendKeys(chromedp.ID("workload-users"), "10"),
		chromedp.Click(chromedp.CSS(`[data-testid="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="comparison"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	sel := `[data-testid^="option-saas-"] [data-testid="monthly"]`
	before, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatal(err)
	}
	// Mark the page: a full reload would lose the mark.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__noReload = true`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`details.whatif > summary`)),
		chromedp.SendKeys(chromedp.CSS(`[data-testid="whatif"] input[name$=".users"]`), "120\t"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="whatif-note"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	same, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__noReload === true`))
	if after == before || !same {
		t.Errorf("what-if: monthly %q → %q, page kept: %v; want a new price without a reload", before, after, same)
	}
	// Expanding an option loads its cost lines in place.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid^="option-iaas-"] tr.lines-row summary`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid^="option-iaas-"] table.lines`)),
	)
	if err != nil {
		t.Fatalf("expand cost lines: %v", err)
	}
	b.Screenshot(t, "comparison-whatif")
}
