package report

import (
	"fmt"
	"strings"
)

const (
	tableSize = 7.5 // pt
	tableLine = 3.3 // mm per text line
	tablePad  = 0.8 // mm above and below a row's text
)

// table draws rows under a header repeated on every page. A cell followed
// only by empty cells spans them (an incomplete option's explanation). A
// money column (money[i]) is right-aligned and never wraps: its text is
// made smaller instead, so an amount always reads as one string, exactly
// as on the screen. Other cells wrap. It is tagged as a Table of TR rows,
// TH header cells (the header repeated on a new page is an artifact) and
// TD cells.
func (p *pdfDoc) table(widths []float64, header []string, rows [][]string, money []bool) {
	cols := columns{widths: widths, money: money}
	isMoney, total := cols.isMoney, cols.total()
	p.need(4 * tableLine)
	p.tags.enter(roleTable)
	p.tableHeader(cols, header, false)
	for _, r := range rows {
		spans := spanOf(r, widths)
		p.font("", tableSize)
		h := 0.0
		for i, c := range r {
			if spans[i] == 0 {
				continue
			}
			n := 1
			if !isMoney(i) || spans[i] != widths[i] {
				n = max(1, len(p.SplitText(c, spans[i])))
			}
			h = max(h, float64(n)*tableLine+2*tablePad)
		}
		if _, pageH := p.GetPageSize(); p.GetY()+h > pageH-18 {
			p.AddPage()
			p.tableHeader(cols, header, true)
			p.font("", tableSize)
		}
		y := p.GetY()
		if strings.Contains(r[0], "★") {
			p.SetFillColor(255, 247, 214)
			p.Rect(margin, y, total, h, "F")
		}
		p.group(roleTR, func() { p.tableCells(cols, r, spans, y) })
		p.SetDrawColor(210, 214, 220)
		p.Line(margin, y+h, margin+total, y+h)
		p.SetDrawColor(0, 0, 0)
		p.SetXY(margin, y+h)
	}
	p.tags.leave()
	p.Ln(2)
}

// columns are a table's column widths and which hold money.
type columns struct {
	widths []float64
	money  []bool
}

func (c columns) isMoney(i int) bool { return i < len(c.money) && c.money[i] }

func (c columns) total() float64 {
	t := 0.0
	for _, w := range c.widths {
		t += w
	}
	return t
}

// tableHeader draws the header row: TH cells the first time, an artifact
// when it is repeated at the top of a new page.
func (p *pdfDoc) tableHeader(cols columns, header []string, repeat bool) {
	widths := cols.widths
	p.font("B", tableSize)
	p.SetFillColor(232, 236, 242)
	y := p.GetY()
	h := 0.0
	for i, hd := range header {
		h = max(h, float64(len(p.SplitText(hd, widths[i])))*tableLine+2*tablePad)
	}
	p.Rect(margin, y, cols.total(), h, "F")
	cells := func() {
		x := margin
		for i, hd := range header {
			p.SetXY(x, y+tablePad)
			align := "L"
			if cols.isMoney(i) {
				align = "R"
			}
			draw := func() { p.MultiCell(widths[i], tableLine, hd, "", align, false) }
			if repeat {
				draw()
			} else {
				th := p.tags.add(roleTH)
				p.tags.extra[th] = "/A <</O /Table /Scope /Column>>"
				p.tags.mark(th, draw)
			}
			x += widths[i]
		}
	}
	if repeat {
		p.tags.artifact(repeatArtifact, cells)
	} else {
		p.group(roleTR, cells)
	}
	p.SetXY(margin, y+h)
}

// tableCells draws a row's cells at y, each a TD; a cell spanning the empty
// ones after it says how many columns it takes.
func (p *pdfDoc) tableCells(cols columns, r []string, spans []float64, y float64) {
	x := margin
	for i, c := range r {
		if spans[i] == 0 {
			continue
		}
		td := p.tags.add(roleTD)
		if n := spanned(spans, i); n > 1 {
			p.tags.extra[td] = fmt.Sprintf("/A <</O /Table /ColSpan %d>>", n)
		}
		p.SetXY(x, y+tablePad)
		p.tags.mark(td, func() {
			if cols.isMoney(i) && spans[i] == cols.widths[i] {
				p.fitCell(cols.widths[i], c)
			} else {
				p.MultiCell(spans[i], tableLine, c, "", "L", false)
			}
		})
		x += spans[i]
	}
}

// spanned is how many columns cell i takes: itself and the empty ones
// spanOf gave it.
func spanned(spans []float64, i int) int {
	n := 1
	for j := i + 1; j < len(spans) && spans[j] == 0; j++ {
		n++
	}
	return n
}

// fitCell writes text right-aligned on one line, smaller if it would not fit.
func (p *pdfDoc) fitCell(w float64, text string) {
	size := tableSize
	for size > 4 && p.GetStringWidth(text) > w-2*p.GetCellMargin() {
		size -= 0.5
		p.font("", size)
	}
	p.CellFormat(w, tableLine, text, "", 0, "R", false, 0, "")
	p.font("", tableSize)
}

// spanOf returns each cell's width: a non-empty cell followed only by empty
// cells takes their width too, and they get 0.
func spanOf(r []string, widths []float64) []float64 {
	out := make([]float64, len(r))
	for i := range r {
		out[i] = widths[i]
	}
	last := len(r) - 1
	for last > 0 && r[last] == "" {
		last--
	}
	for i := last + 1; i < len(r); i++ {
		out[last] += widths[i]
		out[i] = 0
	}
	return out
}

// glyphs replaces the characters NanumGothic lacks with ones it has.
var glyphs = strings.NewReplacer("\u2212", "-")

// MultiCell is fpdf's MultiCell with the font's missing glyphs replaced,
// tagged (see text).
func (p *pdfDoc) MultiCell(w, h float64, s, border, align string, fill bool) {
	p.text(func() { p.Fpdf.MultiCell(w, h, glyphs.Replace(s), border, align, fill) })
}

// CellFormat is fpdf's CellFormat with the font's missing glyphs replaced,
// tagged (see text).
func (p *pdfDoc) CellFormat(w, h float64, s, border string, ln int, align string, fill bool, link int, linkStr string) {
	p.text(func() { p.Fpdf.CellFormat(w, h, glyphs.Replace(s), border, ln, align, fill, link, linkStr) })
}

// SplitText is fpdf's SplitText on the text as it will be written.
func (p *pdfDoc) SplitText(s string, w float64) []string {
	return p.Fpdf.SplitText(glyphs.Replace(s), w)
}
