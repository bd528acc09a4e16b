package report

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// pdfFile is what the incremental update needs of fpdf's file: where its
// cross-reference table is, its size, root and info objects, and each
// object's offset.
type pdfFile struct {
	b                []byte
	xref             int
	size, root, info int
	offsets          []int // by object number
}

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	trailerRe   = regexp.MustCompile(`/Size (\d+)\s*/Root (\d+) 0 R\s*/Info (\d+) 0 R`)
	xrefHeadRe  = regexp.MustCompile(`^xref\n0 (\d+)\n`)
	refRe       = regexp.MustCompile(`(\d+) 0 R`)
	pagesRe     = regexp.MustCompile(`/Pages (\d+) 0 R`)
	errPDFShape = errors.New("not the file shape fpdf writes")
)

// readPDF reads the last cross-reference table and trailer of fpdf's output
// (a classic table of 20-byte entries, no object streams).
func readPDF(b []byte) (pdfFile, error) {
	tail := b[max(0, len(b)-64):]
	m := startxrefRe.FindSubmatch(tail)
	if m == nil {
		return pdfFile{}, fmt.Errorf("startxref: %w", errPDFShape)
	}
	f := pdfFile{b: b}
	f.xref, _ = strconv.Atoi(string(m[1]))
	if f.xref >= len(b) {
		return pdfFile{}, fmt.Errorf("xref offset: %w", errPDFShape)
	}
	h := xrefHeadRe.FindSubmatch(b[f.xref:])
	if h == nil {
		return pdfFile{}, fmt.Errorf("xref table: %w", errPDFShape)
	}
	n, _ := strconv.Atoi(string(h[1]))
	entries := f.xref + len(h[0])
	if entries+20*n > len(b) {
		return pdfFile{}, fmt.Errorf("xref entries: %w", errPDFShape)
	}
	f.offsets = make([]int, n)
	for i := range n {
		f.offsets[i], _ = strconv.Atoi(string(b[entries+20*i : entries+20*i+10]))
	}
	t := trailerRe.FindSubmatch(b[entries+20*n:])
	if t == nil {
		return pdfFile{}, fmt.Errorf("trailer: %w", errPDFShape)
	}
	f.size, _ = strconv.Atoi(string(t[1]))
	f.root, _ = strconv.Atoi(string(t[2]))
	f.info, _ = strconv.Atoi(string(t[3]))
	if f.size != n || f.root >= n || f.info >= n {
		return pdfFile{}, fmt.Errorf("trailer numbers: %w", errPDFShape)
	}
	return f, nil
}

// dict returns object num's dictionary without its closing ">>", so that
// entries can be added to a new version of it.
func (f pdfFile) dict(num int) ([]byte, error) {
	if num <= 0 || num >= len(f.offsets) {
		return nil, fmt.Errorf("object %d: %w", num, errPDFShape)
	}
	s := f.b[f.offsets[num]:]
	head := strconv.Itoa(num) + " 0 obj\n"
	end := bytes.Index(s, []byte("\nendobj"))
	if !bytes.HasPrefix(s, []byte(head)) || end < 0 {
		return nil, fmt.Errorf("object %d: %w", num, errPDFShape)
	}
	d := bytes.TrimSpace(s[len(head):end])
	if !bytes.HasPrefix(d, []byte("<<")) || !bytes.HasSuffix(d, []byte(">>")) {
		return nil, fmt.Errorf("object %d is no dictionary: %w", num, errPDFShape)
	}
	return d[:len(d)-2], nil
}

// pages returns the page objects in order, from the Pages object's /Kids.
func (f pdfFile) pages() ([]int, error) {
	root, err := f.dict(f.root)
	if err != nil {
		return nil, err
	}
	m := pagesRe.FindSubmatch(root)
	if m == nil {
		return nil, fmt.Errorf("catalog without pages: %w", errPDFShape)
	}
	num, _ := strconv.Atoi(string(m[1]))
	d, err := f.dict(num)
	if err != nil {
		return nil, err
	}
	_, kids, ok := bytes.Cut(d, []byte("/Kids ["))
	kids, _, ok2 := bytes.Cut(kids, []byte("]"))
	if !ok || !ok2 {
		return nil, fmt.Errorf("pages without kids: %w", errPDFShape)
	}
	var out []int
	for _, r := range refRe.FindAllSubmatch(kids, -1) {
		n, _ := strconv.Atoi(string(r[1]))
		out = append(out, n)
	}
	return out, nil
}

// writeTagged writes fpdf's file b to w, followed by an incremental update
// that makes it a Tagged PDF: the structure elements, the structure tree
// root with its ParentTree, the pages with /StructParents and /Tabs /S, and
// the catalog with /MarkInfo, /StructTreeRoot and /ViewerPreferences.
func (t *tags) writeTagged(w io.Writer, b []byte) error {
	f, err := readPDF(b)
	if err != nil {
		return fmt.Errorf("tag pdf: %w", err)
	}
	pages, err := f.pages()
	if err != nil {
		return fmt.Errorf("tag pdf: %w", err)
	}
	if len(t.mcids) > len(pages) {
		return fmt.Errorf("tag pdf: content marked on page %d of %d: %w", len(t.mcids), len(pages), errPDFShape)
	}
	// Tagged PDF and /Tabs need PDF 1.5; the header's number has the same
	// length, so no offset moves.
	if bytes.HasPrefix(b, []byte("%PDF-1.")) && b[7] < '7' {
		b[7] = '7'
	}
	first := f.size // the elements' object numbers follow the original's
	rootNum := first + len(t.elems)
	u := &update{base: len(b), nextNum: rootNum + 1}
	for i, num := range pages {
		d, err := f.dict(num)
		if err != nil {
			return fmt.Errorf("tag pdf: %w", err)
		}
		u.obj(num)
		u.buf.Write(d)
		fmt.Fprintf(&u.buf, "\n/StructParents %d /Tabs /S>>", i)
		u.endobj()
	}
	cat, err := f.dict(f.root)
	if err != nil {
		return fmt.Errorf("tag pdf: %w", err)
	}
	u.obj(f.root)
	u.buf.Write(cat)
	fmt.Fprintf(&u.buf, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n>>", rootNum)
	u.endobj()
	t.writeElems(u, first, rootNum, pages)
	t.writeRoot(u, first, rootNum, len(pages))
	if err := u.finish(f); err != nil {
		return fmt.Errorf("tag pdf: %w", err)
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	_, err = u.buf.WriteTo(w)
	return err
}

// writeElems writes each element: element i is object first+i. An
// element's /Pg is the page of its first marked content; content on other
// pages is a marked-content reference naming its page.
func (t *tags) writeElems(u *update, first, rootNum int, pages []int) {
	for i, e := range t.elems {
		b := u.packed(first + i)
		b.WriteString("<</Type /StructElem /S /")
		b.WriteString(roleNames[e.role])
		b.WriteString(" /P ")
		if e.parent < 0 {
			ref(b, rootNum)
		} else {
			ref(b, first+int(e.parent))
		}
		pg := int32(0)
		for k := e.first; k >= 0; k = t.kids[k].next {
			if t.kids[k].elem < 0 {
				pg = t.kids[k].page
				break
			}
		}
		if pg > 0 {
			b.WriteString(" /Pg ")
			ref(b, pages[pg-1])
		}
		b.WriteString(" /K [")
		for k := e.first; k >= 0; k = t.kids[k].next {
			switch c := t.kids[k]; {
			case c.elem >= 0:
				ref(b, first+int(c.elem))
			case c.page == pg:
				b.WriteString(strconv.Itoa(int(c.mcid)))
			default:
				b.WriteString("<</Type /MCR /Pg ")
				ref(b, pages[c.page-1])
				b.WriteString(" /MCID ")
				b.WriteString(strconv.Itoa(int(c.mcid)))
				b.WriteString(">>")
			}
			b.WriteByte(' ')
		}
		b.WriteString("]")
		if x, ok := t.extra[int32(i)]; ok {
			b.WriteByte(' ')
			b.WriteString(x)
		}
		b.WriteString(">>")
	}
}

// writeRoot writes the structure tree root with its ParentTree: for page
// i (its /StructParents), the element of each of its MCIDs.
func (t *tags) writeRoot(u *update, first, rootNum, pages int) {
	b := u.packed(rootNum)
	b.WriteString("<</Type /StructTreeRoot /K ")
	ref(b, first)
	b.WriteString("\n/ParentTree <</Nums [")
	for i := range pages {
		fmt.Fprintf(b, "\n%d [", i)
		if i < len(t.mcids) {
			for _, e := range t.mcids[i] {
				ref(b, first+int(e))
				b.WriteByte(' ')
			}
		}
		b.WriteString("]")
	}
	fmt.Fprintf(b, "\n]>>\n/ParentTreeNextKey %d>>", pages)
}

// pdfString is s as a PDF text string: UTF-16BE with a byte order mark,
// in hex, so that Hangul and any punctuation need no escaping.
func pdfString(s string) string {
	units := utf16.Encode([]rune(s))
	raw := make([]byte, 2, 2+2*len(units))
	raw[0], raw[1] = 0xFE, 0xFF
	for _, c := range units {
		raw = append(raw, byte(c>>8), byte(c))
	}
	return "<" + hex.EncodeToString(raw) + ">"
}
