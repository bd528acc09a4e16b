package report_test

import (
	"bytes"
	"cloudadvisor/internal/samples"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/report"
	"cloudadvisor/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var generated = time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)

var catalogs = []report.Catalog{{Provider: "aws", Source: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-1/index.json",
	AsOfFrom: "2025-01-01", AsOfTo: "2025-01-01", FetchedAt: "2026-11-20T10:00:00Z"}}

func fixture(tb testing.TB) report.Document {
	tb.Helper()
	return report.Build(reporttest.Assessment(tb), catalogs, generated)
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

func TestGolden(t *testing.T) {
	d := fixture(t)
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"fixture.csv", func(b *bytes.Buffer) error { return report.CSV(b, d, "en") }},
		{"fixture.json", func(b *bytes.Buffer) error { return report.JSON(b, d) }},
		{"fixture.md", func(b *bytes.Buffer) error { return report.Markdown(b, d, "en") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := report.CSV(&b, fixture(t), "en"); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.HasPrefix(s, "\uFEFFkind,workload,option,model,provider,region,line,component,quantity,unit,unit_price,currency,monthly,as_of,source\n") {
		t.Errorf("got start %q, want the BOM and the header", s[:60])
	}
	if !strings.Contains(s, `"'=HYPERLINK(""http://example.com"")"`) || strings.Contains(s, "\n=") || strings.Contains(s, `,"=`) {
		t.Error("a workload name starting with = is not neutralised")
	}
	if !strings.Contains(s, "사내 메일") {
		t.Error("the Korean workload name is missing")
	}
	if !strings.Contains(s, "incomplete: missing: ") {
		t.Error("an incomplete option is not marked incomplete")
	}
}

// TestXLSXFormulas reads the workbook back and recalculates its formulas:
// each option's SUM of lines is its monthly cost and one-time migration,
// and the Summary's SUMIFs are the recommended options' totals.
func TestXLSXFormulas(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) { testXLSXFormulas(t, lang) })
	}
}

func testXLSXFormulas(t *testing.T, lang string) {
	sheetSummary, sheetOptions, sheetLines := report.SheetNames(lang)
	d := fixture(t)
	var b bytes.Buffer
	if err := report.XLSX(&b, d, lang); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	calc := func(sheet, cell string) decimal.Decimal {
		t.Helper()
		v, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s!%s: %v", sheet, cell, err)
		}
		x, err := decimal.NewFromString(v)
		if err != nil {
			t.Fatalf("%s!%s: %q is not a number", sheet, cell, v)
		}
		return x
	}
	near := func(a, b decimal.Decimal) bool { return a.Sub(b).Abs().LessThan(decimal.RequireFromString("0.000001")) }
	row, checked := 2, 0
	for _, w := range d.Workloads {
		for _, o := range report.Sorted(w.Options) {
			if o.Complete {
				if fm, _ := f.GetCellFormula(sheetOptions, "H"+strconv.Itoa(row)); !strings.HasPrefix(fm, "'"+sheetLines+"'!") {
					t.Errorf("Options!H%d: got formula %q, want a reference to the Lines sheet", row, fm)
				}
				if got := calc(sheetOptions, "H"+strconv.Itoa(row)); !near(got, o.Monthly.Amount) {
					t.Errorf("%s %s monthly: got %s, want %s", w.Name, o.Product, got, o.Monthly.Amount)
				}
				if got := calc(sheetOptions, "K"+strconv.Itoa(row)); !near(got, o.MigrationOneTime.Amount) {
					t.Errorf("%s %s migration: got %s, want %s", w.Name, o.Product, got, o.MigrationOneTime.Amount)
				}
				if v, _ := f.GetCellValue(sheetOptions, "J"+strconv.Itoa(row)); v != o.HorizonTotal.Display() {
					t.Errorf("%s %s horizon: got %q, want %q", w.Name, o.Product, v, o.HorizonTotal.Display())
				}
				checked++
			} else if v, _ := f.GetCellValue(sheetOptions, "H"+strconv.Itoa(row)); v != "" {
				t.Errorf("incomplete option %s: got monthly %q, want none", o.Product, v)
			}
			row++
		}
	}
	if checked < 4 {
		t.Fatalf("checked %d complete options, want the fixture's", checked)
	}
	rows, _ := f.GetRows(sheetSummary)
	found := false
	for i, r := range rows {
		if len(r) > 0 && r[0] == (report.Text{Lang: lang}).T("report.totals.recommended") {
			found = true
			rec := d.Summary.Recommended
			for j, want := range []pricing.Money{rec.Monthly, rec.FirstYear, rec.HorizonTotal, rec.MigrationOneTime} {
				c, _ := excelize.CoordinatesToCellName(3+j, i+1)
				if fm, _ := f.GetCellFormula(sheetSummary, c); !strings.HasPrefix(fm, "SUMIF(") {
					t.Errorf("Summary!%s: got formula %q, want SUMIF", c, fm)
				}
				if got := calc(sheetSummary, c); !near(got, want.Amount) {
					t.Errorf("Summary!%s: got %s, want %s", c, got, want.Amount)
				}
			}
		}
	}
	if !found {
		t.Error("the Summary sheet has no recommended total")
	}
}

// TestPDF renders the fixture, checks its text (Korean included) with
// pdftotext and leaves its pages as PNG in artifacts/ for people to look at.
func TestPDF(t *testing.T) {
	d := fixture(t)
	var b bytes.Buffer
	if err := report.PDF(&b, d, "en"); err != nil {
		t.Fatal(err)
	}
	// For screen readers and navigation: the language, and an outline with
	// the summary, each workload, the appendix and its parts.
	if !bytes.Contains(b.Bytes(), []byte("/Lang (en)")) || !bytes.Contains(b.Bytes(), []byte("/PageMode /UseOutlines")) {
		t.Error("the PDF names no language or opens without its outline")
	}
	if got, want := bytes.Count(b.Bytes(), []byte("/Dest [")), 1+len(d.Workloads)+5; got < want {
		t.Errorf("the PDF's outline has %d entries, want at least %d (summary, %d workloads, appendix and its parts)", got, want, len(d.Workloads))
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		samples.Missing(t, "pdftotext (Debian poppler-utils) is not installed: the PDF's text is not checked")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	rec := d.Summary.Recommended
	for _, want := range []string{reporttest.OrgName, "사내 메일", "Executive summary", "Page 1 of", rec.Monthly.Display(),
		rec.HorizonTotal.Display(), "incomplete: missing:", "Price sources", "Monthly cost by component", "break-even in month", "Chart data"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return
	}
	dir := filepath.Join("..", "artifacts", "report")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "fixture.pdf"), b.Bytes(), 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "80", "-png", filepath.Join(dir, "fixture.pdf"), filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Errorf("pdftoppm: %v: %s", err, out)
	}
}

// manyWorkloads is an assessment of n workloads, the fixture's repeated.
func manyWorkloads(tb testing.TB, n int) advisor.Assessment {
	tb.Helper()
	base := reporttest.Workloads()
	ins := make([]advisor.WorkloadInput, n)
	for i := range ins {
		in := base[i%len(base)]
		name := fmt.Sprintf("%s %d", *in.Name, i+1)
		in.Name = &name
		ins[i] = in
	}
	a, err := advisor.Assess(advisor.DefaultRules(), pricing.NewCatalog(reporttest.Offers()), reporttest.Organization(), ins)
	if err != nil {
		tb.Fatal(err)
	}
	a.ID, a.CreatedAt = "bench", reporttest.Created
	return a
}

// BenchmarkPDF20 renders a 20-workload report (it replaces a timed test that
// failed on loaded machines; the figure goes in notes, not assertions).
func BenchmarkPDF20(b *testing.B) {
	d := report.Build(manyWorkloads(b, 20), catalogs, generated)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := report.PDF(&buf, d, "en"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

// TestMarkdownKeepsNamesOnTheirLine: a name with a carriage return (or any
// other line break a Markdown reader honours) must not start blocks of its
// own in the export.
func TestMarkdownKeepsNamesOnTheirLine(t *testing.T) {
	d := fixture(t)
	for _, brk := range []string{"\r", "\n", "\r\n", "\u2028", "\u0085"} {
		d.Organization.Name = "Acme" + brk + "# Injected heading" + brk + "<script>x</script>"
		var b bytes.Buffer
		if err := report.Markdown(&b, d, "en"); err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(b.String(), "\n")
		if strings.Contains(b.String(), "\r") || !strings.HasPrefix(first, "# Acme") || !strings.Contains(first, "Injected heading") ||
			strings.Contains(b.String(), "<script>") {
			t.Errorf("break %q: name split across lines or markup kept; first line %q", brk, first)
		}
	}
}

// TestJSONStreamsTheSameBytes: the per-workload encoder writes exactly what
// one json.Encoder call with a two-space indent writes, with no, one or
// several workloads, and with enough for several batches.
func TestJSONStreamsTheSameBytes(t *testing.T) {
	d := fixture(t)
	var many []report.Workload
	for len(many) < 150 {
		many = append(many, d.Workloads...)
	}
	for _, n := range []int{0, 1, len(d.Workloads), len(many)} {
		dn := d
		dn.Workloads = many[:n]
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(dn); err != nil {
			t.Fatal(err)
		}
		if err := report.JSON(&got, dn); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("%d workloads (-encoder +streamed):\n%s", n, diff)
		}
	}
	var b bytes.Buffer
	if err := report.JSON(&b, report.WithoutLines(d)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"unit_price"`) || !strings.Contains(b.String(), `"monthly"`) {
		t.Error("WithoutLines kept cost lines or lost the option totals")
	}
}

// TestJSONMemoryBounded: the JSON of a large estate is written a workload at
// a time, so the heap grows by far less than the document's size (a probe
// saw 2.7 GB for 10,000 workloads when it was encoded whole).
func TestJSONMemoryBounded(t *testing.T) {
	d := fixture(t)
	big := d
	big.Workloads = make([]report.Workload, 0, 4000)
	for len(big.Workloads) < 4000 {
		big.Workloads = append(big.Workloads, d.Workloads...)
	}
	var size countWriter
	peak := heapPeak(t, func() {
		if err := report.JSON(&size, big); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("%d workloads: %d MB of JSON, heap grew at most %d MB", len(big.Workloads), size>>20, peak>>20)
	if size < 100<<20 || peak > uint64(size)/4 {
		t.Errorf("heap grew by %d MB writing %d MB of JSON; want under a quarter of the document", peak>>20, size>>20)
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// heapPeak runs fn and returns the largest growth of the live heap over its
// value before fn, sampled every 5 ms.
func heapPeak(tb testing.TB, fn func()) uint64 {
	tb.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
					peak.Store(m.HeapAlloc - base)
				}
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	return peak.Load()
}

// BenchmarkXLSX renders the workbook of a large estate; peak-heap is the
// growth of the heap high-water mark over the run (a streamed workbook
// should not grow with the estate).
func BenchmarkXLSX(b *testing.B) {
	for _, n := range []int{20, 2000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			d := report.Build(manyWorkloads(b, n), catalogs, generated)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			n := 0
			for b.Loop() {
				if err := report.XLSX(io.Discard, d, "en"); err != nil {
					b.Fatal(err)
				}
				n++
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(n)/(1<<20), "MiB-alloc/op")
			b.ReportMetric(float64(after.HeapSys)/(1<<20), "MiB-heap-sys")
		})
	}
}
