package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cloudadvisor/internal/browsertest"
)

// tenWorkloads is a 30-person company's estate, as a CTO would type it.
var tenWorkloads = []map[string]string{
	{"name": "Company website", "kind": "web_app", "vcpu": "2", "memory_gib": "4"},
	{"name": "Order API", "kind": "api", "vcpu": "4", "memory_gib": "8", "instances": "2"},
	{"name": "Orders database", "kind": "database", "vcpu": "4", "memory_gib": "16", "database_engine": "postgresql"},
	{"name": "Email", "kind": "email_collaboration", "users": "30"},
	{"name": "CRM", "kind": "crm", "users": "12"},
	{"name": "File server", "kind": "file_sharing", "users": "30", "os": "windows"},
	{"name": "Nightly reports", "kind": "batch", "vcpu": "8", "memory_gib": "32"},
	{"name": "Old intranet", "kind": "web_app", "avg_cpu_utilization_pct": "2", "avg_memory_utilization_pct": "3"},
	{"name": "Monitoring", "kind": "monitoring", "users": "5"},
	{"name": "Payroll", "kind": "erp", "data_sensitivity": "regulated", "customization": "high"},
}

// TestBrowserTenWorkloads completes the questionnaire for ten workloads in
// Chromium, checks each result is explained, and that the JSON API gives the
// same verdicts.
func TestBrowserTenWorkloads(t *testing.T) {
	b := browsertest.New(t)
	a := startApp(t)
	ctx := b.Ctx
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.URL+"/assessments/new"),
		chromedp.SendKeys(chromedp.ID("organization-name"), "Thirty People Ltd"),
		chromedp.SetValue(chromedp.ID("organization-geography"), "us-east"),
		chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("workload-name")),
	)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range tenWorkloads {
		steps := []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`[data-count="%d"]`, i)))}
		for field, v := range w {
			id := chromedp.ID("workload-" + field)
			switch field {
			case "kind", "os", "database_engine", "data_sensitivity", "customization":
				steps = append(steps, chromedp.SetValue(id, v))
			case "name", "users", "instances", "vcpu", "memory_gib":
				steps = append(steps, chromedp.SendKeys(id, v))
			default: // in the folded "more" section
				steps = append(steps, chromedp.SetValue(id, v))
			}
		}
		button := `[data-testid="save-add"]`
		if i == len(tenWorkloads)-1 {
			button = `[data-testid="save"]`
		}
		steps = append(steps, chromedp.Click(chromedp.CSS(button)))
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("workload %d: %v", i, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid="workload-row-9"]`))); err != nil {
		t.Fatalf("list of ten: %v", err)
	}
	b.Screenshot(t, "questionnaire-workloads")
	// A reload (and a new visit to the home page) keeps everything.
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`[data-testid="workload-row-9"]`))); err != nil {
		t.Fatalf("reload: %v", err)
	}
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-testid="see-results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="workload-9"]`)))
	if err != nil {
		t.Fatal(err)
	}
	b.Screenshot(t, "questionnaire-results")
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	id := loc[strings.LastIndex(loc, "/")+1:]
	screen := map[string]string{}
	for i := range tenWorkloads {
		sel := fmt.Sprintf(`[data-testid="workload-%d"]`, i)
		model, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel+` [data-testid="model"]`)))
		if err != nil {
			t.Fatal(err)
		}
		strategy, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel+` [data-testid="strategy"]`)))
		reasons, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel+` [data-testid="reasons"]`)))
		if len(strings.TrimSpace(reasons)) < 20 {
			t.Errorf("workload %d: got reasons %q, want every rule that fired explained", i, reasons)
		}
		screen[tenWorkloads[i]["name"]] = strings.ToLower(model + "/" + strategy)
	}
	// Low use on a workload still in use is oversizing, never a reason to retire it (issue 14).
	if got := screen["Old intranet"]; got != "paas/replatform" {
		t.Errorf("idle intranet in use: got %s, want paas/replatform, right-sized", got)
	}
	flag, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="workload-7"] [data-testid="flag-rightsize"]`)))
	if err != nil || !strings.Contains(flag, "Right-sized") {
		t.Errorf("idle intranet in use: got flag %q (%v), want it marked right-sized", flag, err)
	}
	if got := screen["Email"]; got != "saas/repurchase" {
		t.Errorf("email: got %s, want saas/repurchase", got)
	}
	// The JSON API of the same assessment gives the same verdicts.
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/api/v1/assessments/`+id+`").then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Workloads []struct {
			Name           string
			Recommendation struct{ Model, Strategy string }
		}
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatalf("API: %v in %s", err, js)
	}
	if len(doc.Workloads) != 10 {
		t.Fatalf("API: got %d workloads, want 10", len(doc.Workloads))
	}
	for _, w := range doc.Workloads {
		if got := w.Recommendation.Model + "/" + w.Recommendation.Strategy; got != screen[w.Name] {
			t.Errorf("%s: API says %s, screen says %s", w.Name, got, screen[w.Name])
		}
	}
}
