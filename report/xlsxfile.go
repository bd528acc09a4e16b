package report

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// workbook writes an Office Open XML workbook as a stream: a sheet's rows
// go through deflate to the output as they are written, so a sheet of a
// million rows is never held; each distinct text is stored once (the
// shared strings), and the styles, the shared strings and the workbook's
// other parts follow the sheets. It writes only what the report needs:
// text, numbers and formula cells, bold and currency styles, column widths
// and a frozen header row. (excelize's StreamWriter, used before, spent
// about 1 KB of garbage and a microsecond per cell, and its inline strings
// made a sheet's XML three times longer.)
type workbook struct {
	zw     *zip.Writer
	sheets []string // names in tab order; sheet i is xl/worksheets/sheet<i+1>.xml
	text   map[string]int
	texts  []string // shared strings in index order
	cells  int      // text cells written
	// numFmts are the custom number formats (ids from 164), styles the cell
	// formats after the default one: a number format's index or -1 for bold.
	numFmts []string
	styles  []int
	err     error

	sheet *bufio.Writer // the sheet being written
	row   int           // its next row
	buf   []byte        // scratch for one cell
}

// wcell is a cell with a style: a number, a text or a formula.
type wcell struct {
	style   int
	value   any
	formula string
}

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	// maxCellText is the most UTF-16 units a cell holds (Excel's limit).
	maxCellText = 32767
)

// newWorkbook starts a workbook of the named sheets on w; deflate level 2
// compresses a large sheet's XML about five times faster than the default
// level, into a file about a fifth larger.
func newWorkbook(w io.Writer, sheets ...string) *workbook {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, 2) })
	return &workbook{zw: zw, sheets: sheets, text: map[string]int{}}
}

func (wb *workbook) fail(err error) {
	if err != nil && wb.err == nil {
		wb.err = err
	}
}

// bold is the style of a bold cell.
func (wb *workbook) bold() int { return wb.style(-1) }

// numberStyle is the style of a number shown with the format.
func (wb *workbook) numberStyle(format string) int {
	i := slices.Index(wb.numFmts, format)
	if i < 0 {
		i = len(wb.numFmts)
		wb.numFmts = append(wb.numFmts, format)
	}
	return wb.style(i)
}

func (wb *workbook) style(s int) int {
	i := slices.Index(wb.styles, s)
	if i < 0 {
		i = len(wb.styles)
		wb.styles = append(wb.styles, s)
	}
	return i + 1 // style 0 is the default
}

// part starts a part of the package.
func (wb *workbook) part(name string) io.Writer {
	w, err := wb.zw.Create(name)
	wb.fail(err)
	if err != nil {
		return io.Discard
	}
	return w
}

// startSheet begins the sheet of the name with its column widths (by
// column number), and the first row frozen when frozen is true.
func (wb *workbook) startSheet(name string, widths map[int]float64, frozen bool) {
	i := slices.Index(wb.sheets, name)
	if i < 0 {
		wb.fail(fmt.Errorf("no sheet %q", name))
		i = len(wb.sheets)
		wb.sheets = append(wb.sheets, name)
	}
	wb.sheet, wb.row = bufio.NewWriterSize(wb.part(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)), 64<<10), 1
	w := wb.sheet
	w.WriteString(xml.Header + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><sheetViews><sheetView workbookViewId="0">`)
	if frozen {
		w.WriteString(`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`)
	}
	w.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(widths) > 0 {
		w.WriteString(`<cols>`)
		for _, c := range slices.Sorted(maps.Keys(widths)) {
			fmt.Fprintf(w, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, c, c, strconv.FormatFloat(widths[c], 'f', -1, 64))
		}
		w.WriteString(`</cols>`)
	}
	w.WriteString(`<sheetData>`)
}

// putRow writes the next row from column A: a string, an int, a float64 or
// a wcell per cell, nil for none.
func (wb *workbook) putRow(vals []any) {
	b := append(wb.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(wb.row), 10)
	b = append(b, `">`...)
	for i, v := range vals {
		b = wb.appendCell(b, colName(i+1), v)
	}
	b = append(b, `</row>`...)
	wb.buf = b
	_, err := wb.sheet.Write(b)
	wb.fail(err)
	wb.row++
}

func (wb *workbook) appendCell(b []byte, col string, v any) []byte {
	style, formula := 0, ""
	if c, ok := v.(wcell); ok {
		style, formula, v = c.style, c.formula, c.value
	}
	if v == nil && formula == "" {
		return b
	}
	b = append(b, `<c r="`...)
	b = append(b, col...)
	b = strconv.AppendInt(b, int64(wb.row), 10)
	b = append(b, '"')
	if style > 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch x := v.(type) {
	case nil: // a formula without a cached value: computed when opened
		b = append(b, `><f>`...)
		b = appendEscaped(b, formula)
		return append(b, `</f></c>`...)
	case string:
		b = append(b, ` t="s"><v>`...)
		b = strconv.AppendInt(b, int64(wb.shared(x)), 10)
	case int:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(x), 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b = append(b, ` t="s"><v>`...)
			b = strconv.AppendInt(b, int64(wb.shared(fmt.Sprint(x))), 10)
			break
		}
		b = append(b, `><v>`...)
		b = appendNumber(b, x)
	default:
		wb.fail(fmt.Errorf("xlsx: a cell of type %T", v))
		b = append(b, `><v>`...)
	}
	return append(b, `</v></c>`...)
}

// shared is the index of a text in the shared strings, added if new.
func (wb *workbook) shared(s string) int {
	wb.cells++
	i, ok := wb.text[s]
	if !ok {
		i = len(wb.texts)
		wb.text[s] = i
		wb.texts = append(wb.texts, s)
	}
	return i
}

// endSheet finishes the sheet being written.
func (wb *workbook) endSheet() {
	if wb.sheet == nil {
		return
	}
	wb.sheet.WriteString(`</sheetData></worksheet>`)
	wb.fail(wb.sheet.Flush())
	wb.sheet = nil
}

// close writes the shared strings, the styles and the workbook's parts.
// With full, the workbook recalculates its formulas when it opens.
func (wb *workbook) close() error {
	wb.endSheet()
	w := bufio.NewWriterSize(wb.part("xl/sharedStrings.xml"), 64<<10)
	fmt.Fprintf(w, `%s<sst xmlns="%s" count="%d" uniqueCount="%d">`, xml.Header, nsMain, wb.cells, len(wb.texts))
	for _, s := range wb.texts {
		w.WriteString(`<si><t`)
		if s != strings.TrimSpace(s) {
			w.WriteString(` xml:space="preserve"`)
		}
		w.WriteString(`>`)
		w.Write(appendEscaped(nil, truncateCell(s)))
		w.WriteString(`</t></si>`)
	}
	w.WriteString(`</sst>`)
	wb.fail(w.Flush())
	wb.writeStyles()
	wb.writePackage()
	wb.fail(wb.zw.Close())
	return wb.err
}

func (wb *workbook) writeStyles() {
	w := wb.part("xl/styles.xml")
	fmt.Fprintf(w, `%s<styleSheet xmlns="%s">`, xml.Header, nsMain)
	if len(wb.numFmts) > 0 {
		fmt.Fprintf(w, `<numFmts count="%d">`, len(wb.numFmts))
		for i, f := range wb.numFmts {
			fmt.Fprintf(w, `<numFmt numFmtId="%d" formatCode="%s"/>`, 164+i, escape(f))
		}
		io.WriteString(w, `</numFmts>`)
	}
	font := `<sz val="11"/><name val="Calibri"/><family val="2"/>`
	io.WriteString(w, `<fonts count="2"><font>`+font+`</font><font><b/>`+font+`</font></fonts>`+
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`+
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`+
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(w, `<cellXfs count="%d"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`, len(wb.styles)+1)
	for _, s := range wb.styles {
		if s < 0 {
			io.WriteString(w, `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>`)
		} else {
			fmt.Fprintf(w, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, 164+s)
		}
	}
	io.WriteString(w, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
}

func (wb *workbook) writePackage() {
	const (
		ctSheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
		relDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	)
	var types, sheets, rels strings.Builder
	for i, name := range wb.sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%s"/>`, i+1, ctSheet)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, escape(name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>`, i+1, relDoc, i+1)
	}
	n := len(wb.sheets)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sstyles" Target="styles.xml"/>`, n+1, relDoc)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%ssharedStrings" Target="sharedStrings.xml"/>`, n+2, relDoc)
	io.WriteString(wb.part("[Content_Types].xml"), xml.Header+
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		types.String()+
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`+
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`+
		`</Types>`)
	io.WriteString(wb.part("_rels/.rels"), xml.Header+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="`+relDoc+`officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	io.WriteString(wb.part("xl/workbook.xml"), xml.Header+`<workbook xmlns="`+nsMain+`" xmlns:r="`+nsRel+`">`+
		`<bookViews><workbookView/></bookViews><sheets>`+sheets.String()+`</sheets><calcPr fullCalcOnLoad="1"/></workbook>`)
	io.WriteString(wb.part("xl/_rels/workbook.xml.rels"), xml.Header+
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
}

// colName is a column's letters: 1 is A, 27 is AA.
func colName(n int) string {
	if n <= 26 {
		return string(rune('A' + n - 1))
	}
	return colName((n-1)/26) + string(rune('A'+(n-1)%26))
}

// cellName is a cell's reference: column 13, row 9 is M9.
func cellName(col, row int) string { return colName(col) + strconv.Itoa(row) }

// appendNumber writes a number as Excel keeps it: at most 15 significant
// digits, without an exponent.
func appendNumber(b []byte, x float64) []byte {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		r = x
	}
	return strconv.AppendFloat(b, r, 'f', -1, 64)
}

// appendEscaped appends s as XML text: markup escaped, line breaks kept,
// characters XML does not allow replaced by U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '"':
			b = append(b, "&quot;"...)
		case r == '\'':
			b = append(b, "&apos;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case r == '\n' || r == '\t':
			b = append(b, byte(r))
		case r < 0x20, r == utf8.RuneError, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

func escape(s string) string { return string(appendEscaped(nil, s)) }

// truncateCell keeps the first maxCellText UTF-16 units of s.
func truncateCell(s string) string {
	if len(s) <= maxCellText {
		return s
	}
	units := 0
	for i, r := range s {
		units++
		if r >= 0x10000 { // a surrogate pair in UTF-16
			units++
		}
		if units > maxCellText {
			return s[:i]
		}
	}
	return s
}
