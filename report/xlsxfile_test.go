package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cloudadvisor/report"
)

// TestXLSXKeepsTextAsText: a name that looks like a formula, holds markup,
// spaces at its ends, a line break or a control character reads back from
// the workbook as the same text (the control character, which XML cannot
// hold, as U+FFFD; a text over Excel's 32,767 characters cut there), never
// as a formula.
func TestXLSXKeepsTextAsText(t *testing.T) {
	tests := []struct{ name, want string }{
		{"=SUM(1+1)", "=SUM(1+1)"},
		{`<b>"Tom" & 'Jerry'</b>`, `<b>"Tom" & 'Jerry'</b>`},
		{"  padded  ", "  padded  "},
		{"two\nlines", "two\nlines"},
		{"bell\x07", "bell\uFFFD"},
		{"한글 이름", "한글 이름"},
		{strings.Repeat("x", 40000), strings.Repeat("x", 32767)},
	}
	_, options, _ := report.SheetNames("en")
	for _, tc := range tests {
		d := fixture(t)
		d.Workloads[0].Name = tc.name
		var b bytes.Buffer
		if err := report.XLSX(&b, d, "en"); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatalf("%.20q: %v", tc.name, err)
		}
		got, _ := f.GetCellValue(options, "A2")
		formula, _ := f.GetCellFormula(options, "A2")
		if got != tc.want || formula != "" {
			t.Errorf("name %.20q: %s!A2 reads %.20q (%d bytes) with formula %q, want the text %.20q", tc.name, options, got, len(got), formula, tc.want)
		}
		f.Close()
	}
}
