package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"cloudadvisor/internal/browsertest"
)

// sixtyServers is our CSV with 60 servers in three groups and one bad row:
// enough for the import to land on the estate overview.
func sixtyServers() string {
	var b strings.Builder
	b.WriteString("name,kind,instances,vcpu,memory_gib,os,users,group\n")
	groups := []string{"Finance", "Web shop", "Warehouse"}
	kinds := []string{"web_app", "api", "database", "batch"}
	for i := range 60 {
		os := "linux"
		if i%5 == 0 {
			os = "windows"
		}
		fmt.Fprintf(&b, "srv-%02d,%s,1,%d,%d,%s,,%s\n", i, kinds[i%4], 2<<(i%3), 4<<(i%3), os, groups[i%3])
	}
	b.WriteString("srv-bad,web_app,1,lots,4,linux,,Finance\n")
	return b.String()
}

// TestBrowserInventoryImport uploads a file in Chromium (htmx multipart
// post), checks the preview, confirms, and sees the grouped estate.
func TestBrowserInventoryImport(t *testing.T) {
	b := browsertest.New(t)
	a := startApp(t)
	file := filepath.Join(t.TempDir(), "estate.csv")
	if err := os.WriteFile(file, []byte(sixtyServers()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := b.Ctx
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.URL+"/assessments/new"),
		chromedp.SendKeys(chromedp.ID("organization-name"), "Sixty Servers GmbH"),
		chromedp.SetValue(chromedp.ID("organization-geography"), "eu-central"),
		chromedp.Click(chromedp.CSS(`[data-testid="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("workload-name")),
	)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	base := strings.TrimSuffix(loc, "/workloads/new")
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/workloads"),
		chromedp.Click(chromedp.CSS(`[data-testid="import-inventory"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="upload-form"]`)),
	)
	if err != nil {
		t.Fatalf("import link: %v", err)
	}
	b.Screenshot(t, "inventory-upload")
	err = chromedp.Do(ctx,
		chromedp.SetUploadFiles(chromedp.ID("inventory-file"), []string{file}),
		chromedp.Click(chromedp.CSS(`[data-testid="upload"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="confirm"]`)),
	)
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	b.Screenshot(t, "inventory-preview")
	button, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="confirm"]`)))
	if !strings.Contains(button, "Import 60 workload") {
		t.Errorf("confirm button: got %q, want Import 60 workloads", button)
	}
	problems, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="problem-rows"]`)))
	if !strings.Contains(problems, "lots") {
		t.Errorf("problems: got %q, want the bad vcpu", problems)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="confirm"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="estate-groups"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="by-group"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="group-Finance"]`)),
	)
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	b.Screenshot(t, "inventory-estate")
	count, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-testid="group-Finance"] [data-testid="count"]`)))
	if count != "20" {
		t.Errorf("Finance: got %q workloads, want 20", count)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="group-Finance"] a`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="estate-row-19"]`)),
		chromedp.Click(chromedp.CSS(`[data-testid="select-all"]`)),
		chromedp.SetValue(chromedp.ID("bulk-field"), "data_sensitivity"),
		chromedp.SendKeys(chromedp.ID("bulk-value"), "regulated"),
		chromedp.Click(chromedp.CSS(`[data-testid="bulk-apply"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="notice"]`)),
	)
	if err != nil {
		t.Fatalf("bulk edit: %v", err)
	}
	b.Screenshot(t, "inventory-group")
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/api/v1`+strings.TrimPrefix(base, a.URL)+`").then(r => r.text())`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(js, `"data_sensitivity": "regulated"`); n != 20 {
		t.Errorf("after the bulk edit: got %d regulated workloads, want the 20 of Finance", n)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`[data-testid="estate-row-0"] a`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="comparison"]`)),
	)
	if err != nil {
		t.Fatalf("one workload: %v", err)
	}
	b.Screenshot(t, "inventory-workload")
}
