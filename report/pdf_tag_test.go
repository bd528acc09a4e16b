package report

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"cloudadvisor/chart"
	"cloudadvisor/internal/samples"
	"cloudadvisor/report/reporttest"
)

// structNode is one element of the structure tree as poppler's
// pdfinfo -struct-text prints it.
type structNode struct {
	role  string
	text  string // the text of the element's own marked content
	attrs string
	kids  []*structNode
}

func (n *structNode) walk(fn func(*structNode)) {
	fn(n)
	for _, k := range n.kids {
		k.walk(fn)
	}
}

// all returns the elements of a role, in reading order.
func (n *structNode) all(role string) []*structNode {
	var out []*structNode
	n.walk(func(m *structNode) {
		if m.role == role {
			out = append(out, m)
		}
	})
	return out
}

// allText is the text of n and its descendants.
func (n *structNode) allText() string {
	var b strings.Builder
	n.walk(func(m *structNode) { b.WriteString(m.text) })
	return b.String()
}

// writeTemp writes pdf to a file in a test directory and returns its path.
func writeTemp(tb testing.TB, pdf []byte) string {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "report.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	return file
}

// structTree reads the PDF's structure tree with poppler: pdfinfo must say
// it is tagged, and -struct-text gives the tree with each element's text.
func structTree(tb testing.TB, file string) *structNode {
	tb.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		samples.Missing(tb, "pdfinfo (poppler-utils) is not installed: the PDF's tags are not checked")
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		tb.Fatalf("pdfinfo: %v", err)
	}
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
		tb.Fatalf("pdfinfo: got %s, want Tagged: yes", info)
	}
	out, err := exec.Command("pdfinfo", "-struct-text", file).Output()
	if err != nil {
		tb.Fatalf("pdfinfo -struct-text: %v", err)
	}
	return parseStruct(tb, string(out))
}

// parseStruct reads pdfinfo's indented listing: an element per line
// ("H1 (block)", "TH:" when attribute lines follow), its attributes
// ("/Scope /Column") and its text (quoted) indented below it.
func parseStruct(tb testing.TB, s string) *structNode {
	tb.Helper()
	type open struct {
		indent int
		n      *structNode
	}
	root := &structNode{}
	stack := []open{{-1, root}}
	for _, line := range strings.Split(s, "\n") {
		body := strings.TrimLeft(line, " ")
		if body == "" {
			continue
		}
		indent := len(line) - len(body)
		for len(stack) > 1 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		top := stack[len(stack)-1].n
		switch {
		case strings.HasPrefix(body, `"`):
			top.text += strings.TrimSuffix(strings.TrimPrefix(body, `"`), `"`)
		case strings.HasPrefix(body, "/"):
			top.attrs += body + " "
		default:
			role, _, _ := strings.Cut(strings.TrimSuffix(body, ":"), " ")
			n := &structNode{role: role}
			top.kids = append(top.kids, n)
			stack = append(stack, open{indent, n})
		}
	}
	if len(root.kids) != 1 || root.kids[0].role != "Document" {
		tb.Fatalf("structure tree: want one Document at the root, got:\n%.2000s", s)
	}
	return root.kids[0]
}

// squash drops white space: poppler joins the lines of a wrapped cell
// without one.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// texts returns the squashed text of each element of a role.
func texts(root *structNode, role string) []string {
	var out []string
	for _, n := range root.all(role) {
		out = append(out, squash(n.allText()))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == squash(s) {
			return true
		}
	}
	return false
}

// TestPDFTagged renders the fixture in English and Korean and reads its
// structure tree back with poppler: headings with their text in reading
// order, tables of header and data cells, a Figure with replacement text
// for each chart, and no footer in the tree.
func TestPDFTagged(t *testing.T) {
	d := Build(reporttest.Assessment(t), nil, time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC))
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel() // pdfinfo -struct-text takes seconds: it reads a page per element
			tx := Text{Lang: lang}
			var b bytes.Buffer
			if err := PDF(&b, d, lang); err != nil {
				t.Fatal(err)
			}
			for _, e := range untaggedContent(t, b.Bytes()) {
				t.Error(e)
			}
			file := writeTemp(t, b.Bytes())
			qpdfCheck(t, file)
			tree := structTree(t, file)
			if meta, err := exec.Command("pdfinfo", "-meta", file).Output(); err != nil || !bytes.Contains(meta, []byte(`<rdf:li xml:lang="x-default">`+d.Organization.Name)) {
				t.Errorf("pdfinfo -meta: %v: want an XMP dc:title starting with the organisation's name, got:\n%s", err, meta)
			}

			h1, h2 := texts(tree, "H1"), texts(tree, "H2")
			if want := []string{squash(d.Organization.Name), squash(tx.T("report.appendix"))}; fmt.Sprint(h1) != fmt.Sprint(want) {
				t.Errorf("H1: got %q, want %q", h1, want)
			}
			wantH2 := []string{tx.T("exec.title")}
			for i, w := range d.Workloads {
				wantH2 = append(wantH2, tx.T("report.workload", i+1, w.Name))
			}
			wantH2 = append(wantH2, tx.T("report.chart.data"), tx.T("report.assumptions"), tx.T("report.sources"))
			last := -1
			for _, want := range wantH2 {
				i := indexOf(h2, squash(want))
				if i <= last {
					t.Errorf("H2 %q: at %d after %d, want it in reading order in %q", want, i, last, h2)
				}
				last = max(last, i)
			}
			if !contains(texts(tree, "H3"), tx.T("scenario.title")) {
				t.Errorf("H3: no %q in %q", tx.T("scenario.title"), texts(tree, "H3"))
			}

			tables := tree.all("Table")
			if len(tables) < 1+len(d.Workloads) {
				t.Fatalf("got %d tables, want the scenarios and one per workload at least", len(tables))
			}
			first := tables[0]
			if len(first.kids) != 1+len(ScenarioRows(tx, d.Summary)) {
				t.Errorf("scenario table: got %d rows, want a header and %d", len(first.kids), len(ScenarioRows(tx, d.Summary)))
			}
			if ths := first.kids[0].all("TH"); len(ths) != len(ScenarioHeader(tx)) || squash(ths[0].text) != squash(ScenarioHeader(tx)[0]) ||
				!strings.Contains(ths[0].attrs, "/Scope /Column") {
				t.Errorf("scenario table header: got %d TH (%+v), want %d, the first %q with column scope", len(ths), ths, len(ScenarioHeader(tx)), ScenarioHeader(tx)[0])
			}
			if tds := first.kids[1].all("TD"); len(tds) == 0 || squash(tds[0].text) != squash(ScenarioRows(tx, d.Summary)[0][0]) {
				t.Errorf("scenario table row 1: got %+v, want TD cells starting %q", tds, ScenarioRows(tx, d.Summary)[0][0])
			}

			figures := tree.all("Figure")
			if want := chartCount(d, tx); len(figures) != want {
				t.Errorf("got %d figures, want %d (one per chart)", len(figures), want)
			}
			alts := figureAlts(t, b.Bytes())
			if len(alts) != len(figures) {
				t.Errorf("got %d figures with /Alt, want all %d", len(alts), len(figures))
			}
			for _, alt := range alts {
				if !strings.HasPrefix(alt, tx.T("exec.chart")+": ") && !strings.HasPrefix(alt, tx.T("report.chart.bars")+": ") &&
					!strings.HasPrefix(alt, tx.T("report.chart.lines")+": ") || !strings.Contains(alt, "USD ") {
					t.Errorf("figure /Alt %q: want a chart title then a summary with amounts", alt)
				}
			}
			qpdfAlts(t, file, alts)

			all := squash(tree.allText())
			if footer := squash(tx.T("report.page", 1, "")); strings.Contains(all, footer) {
				t.Errorf("the structure tree holds the footer %q", footer)
			}
			if n := strings.Count(all, squash(d.Organization.Name)); n != 1 {
				t.Errorf("the organisation's name is %d times in the tree, want once (the H1, not each page's footer)", n)
			}
			if !strings.Contains(all, "사내메일") {
				t.Error("the tree lacks the Korean workload name")
			}
		})
	}
}

// TestPDFTagsAcrossPageBreaks: a paragraph running over a page break is one
// element with marked content on both pages, and a table over a page break
// has its header cells once (the repeated header is an artifact) and every
// data cell; the footers stay out of the tree.
func TestPDFTagsAcrossPageBreaks(t *testing.T) {
	p := newPDFDoc("en", "Breaks", "Footer Org", time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC))
	p.AddPage()
	p.heading(2, "Long")
	p.para("START "+strings.Repeat("word ", 6000)+"END", 9)
	rows := make([][]string, 120)
	for i := range rows {
		rows[i] = []string{"row " + strconv.Itoa(i), "value"}
	}
	p.table([]float64{40, 40}, []string{"Name", "Value"}, rows, nil)
	var b bytes.Buffer
	if err := p.output(&b); err != nil {
		t.Fatal(err)
	}
	if pages := p.PageCount(); pages < 4 {
		t.Fatalf("got %d pages, want the paragraph and the table to run over page breaks", pages)
	}
	for _, e := range untaggedContent(t, b.Bytes()) {
		t.Error(e)
	}
	if !bytes.Contains(structObjects(t, b.Bytes()), []byte("/Type /MCR /Pg ")) {
		t.Error("no element has marked content on a second page")
	}
	file := writeTemp(t, b.Bytes())
	qpdfCheck(t, file)
	tree := structTree(t, file)
	ps := texts(tree, "P")
	if len(ps) != 1 || !strings.HasPrefix(ps[0], "STARTword") || !strings.HasSuffix(ps[0], "wordEND") ||
		strings.Count(ps[0], "word") != 6000 {
		t.Errorf("got %d paragraphs, want one with all its words", len(ps))
	}
	if got := texts(tree, "TH"); fmt.Sprint(got) != "[Name Value]" {
		t.Errorf("TH: got %q, want the header once", got)
	}
	if got := len(tree.all("TD")); got != 2*len(rows) {
		t.Errorf("got %d TD, want %d", got, 2*len(rows))
	}
	if tds := texts(tree, "TD"); tds[len(tds)-2] != "row119" {
		t.Errorf("the last row's first cell is %q, want row119", tds[len(tds)-2])
	}
	if strings.Contains(tree.allText(), "Footer") {
		t.Error("a footer is in the structure tree")
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// chartCount is how many charts the PDF draws: the summary's, and two for
// each workload with a complete option.
func chartCount(d Document, t Text) int {
	n := 0
	if _, _, ok := ExecutiveChart(d.Summary, chart.Box{Width: 600, Height: 200, Left: 80, Right: 10, Top: 10, Bottom: 30}, t); ok {
		n++
	}
	for _, w := range d.Workloads {
		if len(chart.CostBars(w.Options, pdfChartBox, chart.WordsFor(t.Lang)).Table.Rows) > 0 {
			n += 2
		}
	}
	return n
}

var (
	figureAltRe = regexp.MustCompile(`/S /Figure [^\n]*/Alt <([0-9a-f]+)>`)
	objStmRe    = regexp.MustCompile(`\d+ 0 obj\n<</Type /ObjStm [^>]*/Length (\d+)>>\nstream\n`)
	contentRe   = regexp.MustCompile(`\d+ 0 obj\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
)

// inflated returns the decompressed data of each stream re finds (its
// first group is the stream's length).
func inflated(tb testing.TB, pdf []byte, re *regexp.Regexp) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, loc := range re.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(pdf[loc[1] : loc[1]+n]))
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// structObjects is the text of the objects in the PDF's object streams,
// where the structure elements are.
func structObjects(tb testing.TB, pdf []byte) []byte {
	return bytes.Join(inflated(tb, pdf, objStmRe), []byte("\n"))
}

// figureAlts decodes the /Alt text (UTF-16BE in hex) of each Figure element.
func figureAlts(tb testing.TB, pdf []byte) []string {
	tb.Helper()
	var out []string
	for _, m := range figureAltRe.FindAllSubmatch(structObjects(tb, pdf), -1) {
		raw, err := hex.DecodeString(string(m[1]))
		if err != nil || len(raw) < 2 || raw[0] != 0xFE || raw[1] != 0xFF || len(raw)%2 != 0 {
			tb.Fatalf("/Alt <%s>: want UTF-16BE with a byte order mark", m[1])
		}
		units := make([]uint16, 0, len(raw)/2-1)
		for i := 2; i < len(raw); i += 2 {
			units = append(units, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		out = append(out, string(utf16.Decode(units)))
	}
	return out
}

// qpdfCheck runs qpdf --check when qpdf is installed (CI does not install it).
func qpdfCheck(tb testing.TB, file string) {
	tb.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		return
	}
	if out, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		tb.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// qpdfAlts checks, when qpdf is installed, that it reads the figures'
// /Alt as the texts figureAlts decoded.
func qpdfAlts(tb testing.TB, file string, want []string) {
	tb.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		return
	}
	out, err := exec.Command("qpdf", "--json=2", "--json-key=qpdf", file).Output()
	if err != nil {
		tb.Fatalf("qpdf --json: %v", err)
	}
	var doc struct{ Qpdf []json.RawMessage }
	var objects map[string]struct{ Value map[string]any }
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.Qpdf) != 2 {
		tb.Fatalf("qpdf --json: %v", err)
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objects); err != nil {
		tb.Fatalf("qpdf --json objects: %v", err)
	}
	var got []string
	for _, o := range objects {
		if o.Value["/S"] == "/Figure" {
			alt, _ := o.Value["/Alt"].(string)
			got = append(got, strings.TrimPrefix(alt, "u:")) // qpdf's prefix for a Unicode text string
		}
	}
	slices.Sort(got)
	want = slices.Sorted(slices.Values(want))
	if fmt.Sprint(got) != fmt.Sprint(want) {
		tb.Errorf("qpdf reads the figures' /Alt as %q, want %q", got, want)
	}
}

// untaggedContent returns a problem for each text or path painted outside
// marked content in the pages' content streams (fpdf writes them as the
// only streams with exactly this dictionary), and for marked content left
// open at the end of a page.
func untaggedContent(tb testing.TB, pdf []byte) []string {
	tb.Helper()
	var problems []string
	pages := 0
	for _, content := range inflated(tb, pdf, contentRe) {
		pages++
		depth := 0
		for _, op := range operators(content) {
			switch op {
			case "BDC", "BMC":
				depth++
			case "EMC":
				depth--
			case "Tj", "TJ", "'", `"`, "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
				if depth == 0 {
					problems = append(problems, fmt.Sprintf("page %d: %s outside marked content", pages, op))
				}
			}
			if depth < 0 {
				problems = append(problems, fmt.Sprintf("page %d: EMC without BDC", pages))
				depth = 0
			}
		}
		if depth != 0 {
			problems = append(problems, fmt.Sprintf("page %d: %d marked content sequences left open", pages, depth))
		}
	}
	if pages == 0 {
		tb.Fatal("no page content streams found")
	}
	return problems
}

// operators returns a content stream's operators, skipping strings, names,
// numbers, arrays and dictionaries.
func operators(c []byte) []string {
	var ops []string
	for i := 0; i < len(c); {
		switch ch := c[i]; {
		case ch == '(':
			depth := 0
			for ; i < len(c); i++ {
				if c[i] == '\\' {
					i++
				} else if c[i] == '(' {
					depth++
				} else if c[i] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			i++
		case ch == '<' && i+1 < len(c) && c[i+1] != '<':
			for i < len(c) && c[i] != '>' {
				i++
			}
			i++
		case ch == '/' || ch == '[' || ch == ']' || ch == '<' || ch == '>' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t':
			i++
			if ch == '/' {
				for i < len(c) && !strings.ContainsRune(" \n\r\t/[]<>()", rune(c[i])) {
					i++
				}
			}
		default:
			j := i
			for j < len(c) && !strings.ContainsRune(" \n\r\t/[]<>()", rune(c[j])) {
				j++
			}
			if w := string(c[i:j]); strings.Trim(w, "0123456789.-+") != "" {
				ops = append(ops, w)
			}
			i = j
		}
	}
	return ops
}

// TestXMPMetadata: the XMP packet is well-formed XML whose dc:title and
// dc:language read back exactly, whatever the organisation's name holds.
func TestXMPMetadata(t *testing.T) {
	for _, title := range []string{"한빛 Cloud 주식회사 · 클라우드 평가 보고서", `A & <B> "C"`, "Acme\r\n# heading\u2028x"} {
		var got struct {
			Title string `xml:"RDF>Description>title>Alt>li"`
			Lang  string `xml:"RDF>Description>language>Bag>li"`
		}
		if err := xml.Unmarshal(xmpMetadata(title, "ko"), &got); err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		if got.Title != title || got.Lang != "ko" {
			t.Errorf("got title %q and language %q, want %q and ko", got.Title, got.Lang, title)
		}
	}
}
