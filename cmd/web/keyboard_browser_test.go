package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/browsertest"

	"github.com/chromedp/cdproto/input"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tabTo presses Tab until the focused element matches sel, at most max times.
func tabTo(t *testing.T, ctx context.Context, sel string, max int) {
	t.Helper()
	for range max {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		if focused(t, ctx, sel) {
			return
		}
	}
	t.Fatalf("%d Tab presses did not reach %s", max, sel)
}

// focused reports whether the focused element matches sel.
func focused(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.activeElement && document.activeElement.matches(`+"`"+sel+"`"+`)`))
	if err != nil {
		t.Fatal(err)
	}
	return on
}

// TestBrowserKeyboardQuestionnaire completes the questionnaire with the
// keyboard alone: the start link, the organisation form (a failed submit
// first: focus goes to the error summary, whose link leads to the field),
// a workload, and the results.
func TestBrowserKeyboardQuestionnaire(t *testing.T) {
	b := browsertest.New(t)
	a := startApp(t)
	ctx := b.Ctx
	key := func(keys ...string) {
		t.Helper()
		for _, k := range keys {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
				t.Fatal(err)
			}
		}
	}
	wait := func(sel string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel))); err != nil {
			t.Fatalf("waiting for %s: %v", sel, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 900), chromedp.Navigate(a.URL+"/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	tabTo(t, ctx, `[data-testid="start"]`, 30)
	key(kb.Enter)
	wait(`#organization-name`)
	// A number out of range, then Enter: the form comes back (422) with
	// the summary focused.
	b.Expect("status of 422 (Unprocessable Entity) at " + a.URL + "/assessments")
	tabTo(t, ctx, `#organization-horizon_years`, 30)
	key("99", kb.Enter)
	wait(`[data-testid="form-errors"]`)
	if !focused(t, ctx, `[data-testid="form-errors"]`) {
		t.Fatal("after a failed submit the focus is not on the error summary")
	}
	b.Screenshot(t, "results-keyboard-error-summary")
	tabTo(t, ctx, `[data-testid="error-link-organization.horizon_years"]`, 3)
	// Enter as its key-down alone: the link acts on it and moves the focus,
	// and no key-press is left over to submit the form from the field.
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement && document.activeElement.id === "organization-horizon_years"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the summary's link did not move the focus to its field: %v", err)
	}
	// Ctrl+A, then type over the selection.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.select(), true`)); err != nil {
		t.Fatal(err)
	}
	key("3")
	tabTo(t, ctx, `#organization-name`, 60)
	key("Keyboard Ltd")
	key(kb.Enter)
	wait(`#workload-name`)
	tabTo(t, ctx, `#workload-name`, 60)
	key("Intranet")
	tabTo(t, ctx, `#workload-vcpu`, 30)
	key("2")
	tabTo(t, ctx, `#workload-memory_gib`, 10)
	key("8")
	key(kb.Enter)
	wait(`[data-testid="see-results"]`)
	tabTo(t, ctx, `[data-testid="see-results"]`, 80)
	key(kb.Enter)
	wait(`[data-testid="model"]`)
	name, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
	if err != nil || !strings.Contains(name, "Intranet") {
		t.Errorf("results after a keyboard-only questionnaire lack the workload: %v", err)
	}
	b.Screenshot(t, "results-keyboard-questionnaire")
}

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
	tabTo(t, ctx, `details.whatif > summary`, 300)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	tabTo(t, ctx, `[data-testid="whatif"] input[name$=".users"]`, 5)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("3000"), chromedp.KeyEvent(kb.Tab),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="whatif-note"]`))); err != nil {
		t.Fatalf("what-if by keyboard: %v", err)
	}
	b.Screenshot(t, "results-keyboard-whatif")
}
