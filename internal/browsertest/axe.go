package browsertest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core 4.10.3 (MPL-2.0, see axe/LICENSE), from the npm
// registry. It is injected through the devtools protocol, which the page's
// Content-Security-Policy does not govern.
//
//go:embed axe/axe.min.js
var axeSource string

// AxeViolation is one rule axe-core found broken, with how many elements break it.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  int    `json:"nodes"`
	Target string `json:"target"` // the first element's selector
}

func (v AxeViolation) String() string {
	return fmt.Sprintf("%s (%s, %d element(s), e.g. %s): %s", v.ID, v.Impact, v.Nodes, v.Target, v.Help)
}

// Axe runs axe-core's WCAG 2.2 A and AA rules on the current page.
func (b *Browser) Axe(tb testing.TB) []AxeViolation {
	tb.Helper()
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`typeof axe !== "undefined" || (function () {`+axeSource+`
		return true; })()`)); err != nil {
		tb.Fatalf("inject axe-core: %v", err)
	}
	js, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag",
		values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}).then(r => JSON.stringify(r.passes.length ? r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, nodes: v.nodes.length,
		target: v.nodes.length ? String(v.nodes[0].target) : ""})) : null))`, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("axe-core: %v", err)
	}
	var out []AxeViolation
	if err := json.Unmarshal([]byte(js), &out); err != nil {
		tb.Fatalf("axe-core result: %v", err)
	}
	if out == nil {
		tb.Fatal("axe-core checked nothing: no rule passed or failed") // the audit did not run
	}
	return out
}
