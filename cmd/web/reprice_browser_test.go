package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cloudadvisor/internal/browsertest"
	"cloudadvisor/internal/providertest"
)

// TestBrowserReprice drives Chromium through the re-pricing of an assessment
// after a catalog change: a workload in Seoul shown in KRW is priced on the
// embedded rates (2026-10-06), a refresh brings the ECB rates of 2026-12-04
// (providertest.ECBNewer), the page names the change line by line, and
// Re-price records the new figures and keeps the earlier pricing.
func TestBrowserReprice(t *testing.T) {
	b := browsertest.New(t)
	c, srv := refreshEnv(t)
	a := startAppEnv(t, c.env)
	ctx := b.Ctx
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.URL+"/"),
		chromedp.Click(chromedp.CSS(`[data-testid="start"]`)),
		chromedp.WaitVisible(chromedp.ID("organization-name")),
		chromedp.SendKeys(chromedp.ID("organization-name"), "Seoul Re-pricing"),
		chromedp.SetValue(chromedp.ID("organization-geography"), "asia-seoul"),
		chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("workload-name")),
		chromedp.SendKeys(chromedp.ID("workload-name"), "Order API"),
		chromedp.SetValue(chromedp.ID("workload-kind"), "api"),
		chromedp.SendKeys(chromedp.ID("workload-vcpu"), "2"),
		chromedp.SendKeys(chromedp.ID("workload-memory_gib"), "8"),
		chromedp.Click(chromedp.CSS(`[data-testid="save"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="priced-on"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid^="option-"] [data-testid="monthly"]`)))
	if err != nil {
		t.Fatal(err)
	}

	srv.Corrupt(providertest.ECB, providertest.ECBNewer)
	c.mustRun(t, "refresh", "--providers", "ecb")

	err = chromedp.Do(ctx, chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.CSS(`[data-testid="price-change"]`)))
	if err != nil {
		t.Fatal(err)
	}
	rate, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="price-change-rate"]`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"KRW per 1 USD", "1338.779", "2026-10-06", "1500.0000", "2026-12-04", "+12.0%"} {
		if !strings.Contains(rate, want) {
			t.Errorf("changed rate line %q lacks %q", rate, want)
		}
	}
	b.Screenshot(t, "reprice-notice")

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="reprice"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="pricing-history"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="pricing-history"] summary`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="pricing-history-row"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	after, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid^="option-"] [data-testid="monthly"]`)))
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("after re-pricing: got the same monthly %q, want it converted at the new rate", after)
	}
	row, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="pricing-history-row"]`)))
	if row == "" {
		t.Errorf("after re-pricing: the earlier pricing row is empty")
	}
	rates, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="rates"]`)))
	if !strings.Contains(rates, "2026-12-04") {
		t.Errorf("after re-pricing: rates %q, want those of 2026-12-04", rates)
	}
	b.Screenshot(t, "reprice-done")
	b.CheckConsole(t)
}
