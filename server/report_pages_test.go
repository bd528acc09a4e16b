package server

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cloudadvisor/i18n"
	"cloudadvisor/internal/samples"
	"cloudadvisor/internal/webtest"
)

// TestReportPDFPages renders the five-workload report as a PDF and checks it
// is one to forward: page 1 carries the executive summary, its chart and the
// next steps; the body before the appendix is at most 8 pages. The pages are
// rendered with pdftoppm into artifacts/ for a person to look at.
func TestReportPDFPages(t *testing.T) {
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			samples.Missing(t, tool+" (poppler-utils) is not installed")
		}
	}
	a := startApp(t)
	resp, body := a.Do(t, "POST", "/api/v1/assessments", "application/json", webtest.FiveWorkloads)
	if resp.StatusCode != 201 {
		t.Fatalf("create: got %d %s", resp.StatusCode, body)
	}
	var doc struct{ ID string }
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	resp, pdf := a.Do(t, "GET", "/assessments/"+doc.ID+"/report.pdf", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("report.pdf: got %d", resp.StatusCode)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(file, []byte(pdf), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count: %s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	page := func(n int) string {
		out, err := exec.Command("pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %d: %v", n, err)
		}
		return string(out)
	}
	first := page(1)
	for _, key := range []string{"exec.title", "exec.chart", "scenario.title", "exec.next", "exec.plan"} {
		if want := i18n.T("en", key); !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q (%s)", want, key)
		}
	}
	appendix := 0
	for n := 2; n <= pages && appendix == 0; n++ {
		if strings.Contains(page(n), i18n.T("en", "report.appendix.lead")[:40]) {
			appendix = n
		}
	}
	if appendix == 0 {
		t.Fatalf("no appendix in %d pages", pages)
	}
	t.Logf("report.pdf: %d pages, body %d (appendix from page %d)", pages, appendix-1, appendix)
	if appendix-1 > 8 {
		t.Errorf("got a body of %d pages before the appendix, want at most 8 for five workloads", appendix-1)
	}
	// 15: the web app and the API now have a priced Azure App Service
	// option in Seoul (issue 12), one more option each in the appendix.
	if pages > 15 {
		t.Errorf("got %d pages, want at most 15", pages)
	}
	out := filepath.Join(artifactsDir(t), "report-pdf")
	if err := exec.Command("pdftoppm", "-r", "70", "-png", file, out).Run(); err != nil {
		t.Errorf("pdftoppm: %v", err)
	}
}

// artifactsDir is $ARTIFACTS or artifacts/ at the module root.
func artifactsDir(tb testing.TB) string {
	dir := os.Getenv("ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return dir
}
