package inventory

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"cloudadvisor/i18n"
)

// TestNumberCellTooLong: a number cell longer than 64 characters is a
// too_long problem of its row, found before it is parsed; the problem
// quotes only the start of the cell.
func TestNumberCellTooLong(t *testing.T) {
	long := strings.Repeat("9", 20_000)
	csv := "name,vcpu,memory_gib,current_monthly_cost\n" +
		"a," + long + ",4,10\n" +
		"b,2,4," + long + "\n" +
		"c,2," + strings.Repeat("0", 63) + "4,10\n"
	res, err := parseBytes(t, []byte(csv), "own.csv")
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats != (Stats{Read: 3, Imported: 1, Skipped: 2}) {
		t.Fatalf("stats: got %+v, want 3 read, 1 imported, 2 skipped", res.Stats)
	}
	for i, col := range []string{"vcpu", "current_monthly_cost"} {
		p := res.Problems[i]
		if p.Column != col || p.Code != "too_long" || !strings.Contains(p.Reason, "64") || len(p.Value) > maxProblemValue+len("…") || !utf8.ValidString(p.Value) {
			t.Errorf("problem %d: got %s %s %q (%d bytes), want %s too_long saying 64, value clipped", i, p.Column, p.Code, p.Reason, len(p.Value), col)
		}
	}
}

// rawXLSX is a workbook of one sheet written part by part, so that a test
// can craft its shared strings and cells; parts are deflated at best speed.
func rawXLSX(tb testing.TB, sst func(w io.Writer), sheet string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	part := func(name string, write func(w io.Writer)) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		write(bw)
		if err := bw.Flush(); err != nil {
			tb.Fatal(err)
		}
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	part("xl/workbook.xml", text(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	part("xl/_rels/workbook.xml.rels", text(`<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`))
	part("xl/sharedStrings.xml", func(w io.Writer) {
		io.WriteString(w, `<sst>`)
		sst(w)
		io.WriteString(w, `</sst>`)
	})
	part("xl/worksheets/sheet1.xml", text(`<worksheet><sheetData>`+sheet+`</sheetData></worksheet>`))
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// repeat writes s n times.
func repeat(s string, n int) func(io.Writer) {
	return func(w io.Writer) {
		for range n {
			io.WriteString(w, s)
		}
	}
}

// rvtoolsRow is a header row of RVTools' vInfo as inline strings.
const rvtoolsRow = `<row r="1"><c r="A1" t="inlineStr"><is><t>VM</t></is></c><c r="B1" t="inlineStr"><is><t>CPUs</t></is></c><c r="C1" t="inlineStr"><is><t>Memory</t></is></c></row>`

// TestCraftedFilesRefused: zip bombs of shared strings, too many strings,
// too long cells, a million columns and huge records are each refused with
// the limit they go past, where, and what is allowed.
func TestCraftedFilesRefused(t *testing.T) {
	long := strings.Repeat("A", MaxCellLen)
	tests := []struct {
		name string
		file string
		data func(testing.TB) []byte
		opts Options
		want LimitError
	}{
		{"shared strings bomb", "bomb.xlsx", func(tb testing.TB) []byte {
			return rawXLSX(tb, repeat("<si><t>"+long+"</t></si>", DefaultMaxSharedStringBytes/MaxCellLen+1), rvtoolsRow)
		}, Options{}, LimitError{Limit: LimitSharedStringsBytes, Part: "xl/sharedStrings.xml", Max: DefaultMaxSharedStringBytes}},
		{"too many shared strings", "many.xlsx", func(tb testing.TB) []byte {
			return rawXLSX(tb, repeat("<si/>", DefaultMaxSharedStrings+1), rvtoolsRow)
		}, Options{}, LimitError{Limit: LimitSharedStrings, Part: "xl/sharedStrings.xml", Max: DefaultMaxSharedStrings}},
		{"phonetic runs bomb", "ph.xlsx", func(tb testing.TB) []byte {
			return rawXLSX(tb, repeat("<si><t>a</t><rPh><t>"+long+"</t></rPh></si>", 200), rvtoolsRow)
		}, Options{MaxSharedStringBytes: 1 << 20}, LimitError{Limit: LimitPartInflated, Part: "xl/sharedStrings.xml", Max: 4 << 20}},
		{"long shared string", "long.xlsx", func(tb testing.TB) []byte {
			return rawXLSX(tb, repeat("<si><t>x</t></si><si><r><t>"+long+"</t></r><r><t>B</t></r></si>", 1), rvtoolsRow)
		}, Options{}, LimitError{Limit: LimitCell, Part: "xl/sharedStrings.xml", Max: MaxCellLen}},
		{"long inline cell", "inline.xlsx", func(tb testing.TB) []byte {
			return rawXLSX(tb, repeat("", 0), rvtoolsRow+`<row r="2"><c r="A2" t="inlineStr"><is><t>`+long+`B</t></is></c></row>`)
		}, Options{}, LimitError{Limit: LimitCell, Part: "xl/worksheets/sheet1.xml", Sheet: "vInfo", Line: 2, Max: MaxCellLen}},
		{"csv of a million columns", "wide.csv", func(testing.TB) []byte {
			return []byte("name,vcpu" + strings.Repeat(",", 1_000_000) + "\nweb,2\n")
		}, Options{}, LimitError{Limit: LimitColumns, Line: 1, Max: MaxColumns}},
		{"csv record too long", "big.csv", func(testing.TB) []byte {
			return []byte("name,notes\nweb,\"" + strings.Repeat("a,\n", 2<<20) + "\"\n")
		}, Options{}, LimitError{Limit: LimitRecordBytes, Line: 2, Max: DefaultMaxRecordBytes}},
		{"csv million-digit cell", "digits.csv", func(testing.TB) []byte {
			return []byte("name,vcpu\nweb,2\n\ndb," + strings.Repeat("9", 1_000_000) + "\n")
		}, Options{}, LimitError{Limit: LimitCell, Line: 4, Max: MaxCellLen}},
		{"zip of an auxiliary file of a million columns", "gmc.zip", func(tb testing.TB) []byte {
			var buf bytes.Buffer
			z := newZip(&buf)
			z.add(tb, "vmInfo.csv", []byte("MachineId,MachineName\nm1,web\n"))
			z.add(tb, "perfInfo.csv", []byte("MachineId"+strings.Repeat(",x", 1_000_000)+"\n"))
			z.close(tb)
			return buf.Bytes()
		}, Options{}, LimitError{Limit: LimitColumns, Part: "perfInfo.csv", Line: 1, Max: MaxColumns}},
		{"zip inflating past the budget", "gmc.zip", func(tb testing.TB) []byte {
			var buf bytes.Buffer
			z := newZip(&buf)
			z.add(tb, "vmInfo.csv", []byte("MachineId,MachineName\n"+strings.Repeat("m1,"+strings.Repeat("w", 100)+"\n", 20_000)))
			z.close(tb)
			return buf.Bytes()
		}, Options{MaxInflated: 1 << 20}, LimitError{Limit: LimitInflated, Part: "vmInfo.csv", Max: 1 << 20}},
		{"csv after a sep= line", "sep.csv", func(testing.TB) []byte {
			return []byte("sep=;\nname;vcpu\nweb;2" + strings.Repeat(";", MaxColumns) + "\n")
		}, Options{}, LimitError{Limit: LimitColumns, Line: 3, Max: MaxColumns}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.data(t)
			_, err := Parse(bytes.NewReader(b), int64(len(b)), tc.file, tc.opts)
			var le *LimitError
			if !errors.Is(err, ErrTooLarge) || !errors.As(err, &le) || *le != tc.want {
				t.Fatalf("%d bytes: got %v, want %+v", len(b), err, tc.want)
			}
		})
	}
}

// TestWithinLimitsAccepted: what is at a limit, not past it, is read;
// commas and line breaks inside quotes are not columns nor records.
func TestWithinLimitsAccepted(t *testing.T) {
	long := strings.Repeat("A", MaxCellLen-1) + "é"
	tests := []struct {
		name, file string
		data       []byte
	}{
		{"csv of 16384 columns", "wide.csv", []byte("name,vcpu" + strings.Repeat(",", MaxColumns-2) + "\nweb,2\n")},
		{"quoted commas", "q.csv", []byte("name,vcpu,notes\nweb,2,\"" + strings.Repeat(",", 30_000) + "\"\"\n\"\n")},
		{"cell of 32767 characters", "c.csv", []byte("name,vcpu,notes\nweb,2," + long + "\n")},
		{"xlsx cell of 32767 characters", "c.xlsx", rawXLSX(t, repeat("<si><t>"+long+"</t></si>", 3), rvtoolsRow+
			`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>1024</v></c><c r="D2" t="inlineStr"><is><t>`+long+`</t></is></c></row>`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(bytes.NewReader(tc.data), int64(len(tc.data)), tc.file, Options{})
			if err != nil || res.Stats.Read != 1 {
				t.Fatalf("got %v, %+v; want one row read", err, res.Stats)
			}
		})
	}
}

// TestGroupAndTagsBounded: a group or a tag longer than a name, or more than
// MaxTags tags, is reported on its row; a row at the limits is imported.
func TestGroupAndTagsBounded(t *testing.T) {
	at := strings.Repeat("g", 120)
	over := strings.Repeat("g", 121)
	tags := func(n int) string {
		var ts []string
		for i := range n {
			ts = append(ts, fmt.Sprintf("t%d", i))
		}
		return strings.Join(ts, ";")
	}
	csv := "name,group,tags\n" +
		"ok," + at + "," + tags(MaxTags) + "\n" +
		"long-group," + over + ",a\n" +
		"many-tags,g," + tags(MaxTags+1) + "\n" +
		"long-tag,g,a;" + over + "\n"
	res, err := parseBytes(t, []byte(csv), "own.csv")
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats != (Stats{Read: 4, Imported: 1, Skipped: 3}) {
		t.Fatalf("stats: got %+v, want 4 read, 1 imported, 3 skipped", res.Stats)
	}
	want := []struct{ col, code string }{{"group", "too_long"}, {"tags", "too_many"}, {"tags", "too_long"}}
	for i, w := range want {
		if p := res.Problems[i]; p.Column != w.col || p.Code != w.code || p.Line != i+3 {
			t.Errorf("problem %d: got line %d %s %s, want line %d %s %s", i, p.Line, p.Column, p.Code, i+3, w.col, w.code)
		}
	}
}

// TestProblemKeysInCatalog: every problem code the importer gives has its
// message in the English catalog (the Korean one is checked against it).
func TestProblemKeysInCatalog(t *testing.T) {
	for _, code := range []string{"too_long", "required", "number", "range", "duplicate", "group_too_long",
		"too_many_tags", "tag_too_long", "unknown_column", "decimal", "integer", "boolean"} {
		if !i18n.Has("inventory.problem." + code) {
			t.Errorf("no message inventory.problem.%s", code)
		}
	}
	for _, code := range []string{"range", "one_of", "too_long", "required", "integer", "number", "too_many"} {
		if !i18n.Has("error.field." + code) {
			t.Errorf("no message error.field.%s", code)
		}
	}
}
