package report_test

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"cloudadvisor/internal/samples"
	"cloudadvisor/report"
)

// pdfText is the PDF's text (pdftotext) with runs of white space made one
// space, and its page count.
func pdfText(t *testing.T, b []byte) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		samples.Missing(t, "pdftotext (Debian poppler-utils) is not installed: the PDF's text is not checked")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " "), strings.Count(string(out), "\f")
}

// TestCompactReport: above DetailedWorkloads, the PDF, the print view's
// sections and the Markdown give one table of the workloads and say where
// the detail is, instead of a section per workload and the cost lines; at
// the limit they are still detailed.
func TestCompactReport(t *testing.T) {
	n := report.DetailedWorkloads + 1
	d := report.Build(manyWorkloads(t, n), catalogs, generated)
	if !report.Compact(d) || report.Detailed(d) != nil {
		t.Fatalf("%d workloads: want a compact report", n)
	}
	at := d
	at.Workloads = d.Workloads[:report.DetailedWorkloads]
	if report.Compact(at) || len(report.Detailed(at)) != report.DetailedWorkloads {
		t.Fatalf("%d workloads: want a detailed report", report.DetailedWorkloads)
	}
	last := d.Workloads[n-1].Name
	var md bytes.Buffer
	if err := report.Markdown(&md, d, "en"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Workloads\n", "| # | Workload | Verdict | Recommended option | Monthly | Complete |",
		"| " + strconv.Itoa(n) + " | " + last + " |", "| 1 | Customer portal 1 | PaaS · Refactor | AWS Elastic Beanstalk environment on m5.large | USD 771.52 | Yes |",
		"| 4 | Old intranet 4 | Retire | Retired (no cost) |  |  |", "With " + strconv.Itoa(n) + " workloads, this report leaves out each workload's cost lines"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("the compact Markdown lacks %q", want)
		}
	}
	for _, not := range []string{"## Workload 1:", "Cost lines:"} {
		if strings.Contains(md.String(), not) {
			t.Errorf("the compact Markdown has %q", not)
		}
	}
	var pdf bytes.Buffer
	if err := report.PDF(&pdf, d, "ko"); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, pdf.Bytes())
	for _, want := range []string{"워크로드 목록", "가격 산정 완료", last, "워크로드 101개를 다루므로", "경영진 요약", "차트 데이터"} {
		if !strings.Contains(text, want) {
			t.Errorf("the compact PDF lacks %q", want)
		}
	}
	if regexp.MustCompile(`워크로드 \d+: `).MatchString(text) {
		t.Error("the compact PDF has a page per workload")
	}
	if pages > 12 {
		t.Errorf("the compact PDF of %d workloads has %d pages, want at most 12", n, pages)
	}
}

// TestCompactPDFStaysSmall: the PDF of 2,000 workloads is the summary and
// a table of about 40 rows a page, not a page per workload.
func TestCompactPDFStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 2,000-workload PDF")
	}
	d := report.Build(manyWorkloads(t, 2000), catalogs, generated)
	var b bytes.Buffer
	if err := report.PDF(&b, d, "en"); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, b.Bytes())
	if pages > 2000/25 || !strings.Contains(text, "Old intranet 2000") {
		t.Errorf("2,000 workloads: got %d pages, %d KB, want at most %d pages listing every workload", pages, b.Len()>>10, 2000/25)
	}
	t.Logf("2,000 workloads: %d pages, %d KB", pages, b.Len()>>10)
}
