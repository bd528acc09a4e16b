package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserKeyboardWhatIf runs a what-if with the keyboard alone: Tab to
// the first workload's "What if…", Enter to open it, Tab to the users field,
// type a number and leave the field; the prices change in place.
func TestBrowserKeyboardWhatIf(t *testing.T) {
	b, a, doc, _ := responsiveSetup(t)
	ctx := b.Ctx
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(a.URL+"/assessments/"+doc.ID),
		chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	focusOn := func(sel string, max int) {
		t.Helper()
		for range max {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
				t.Fatal(err)
			}
			on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.activeElement && document.activeElement.matches(`+"`"+sel+"`"+`)`))
			if err != nil {
				t.Fatal(err)
			}
			if on {
				return
			}
		}
		t.Fatalf("%d Tab presses did not reach %s", max, sel)
	}
	focusOn(`details.whatif > summary`, 300)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	focusOn(`[data-testid="whatif"] input[name$=".users"]`, 5)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("3000"), chromedp.KeyEvent(kb.Tab),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="whatif-note"]`))); err != nil {
		t.Fatalf("what-if by keyboard: %v", err)
	}
	b.Screenshot(t, "results-keyboard-whatif")
}
