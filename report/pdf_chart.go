package report

import (
	"codeberg.org/go-pdf/fpdf"

	"cloudadvisor/chart"
)

// palette colours a series by its legend slot, the same slots as the screen's charts.
var palette = [][3]int{{37, 99, 235}, {22, 163, 74}, {234, 88, 12}, {147, 51, 234}, {219, 39, 119},
	{8, 145, 178}, {202, 138, 4}, {75, 85, 99}, {220, 38, 38}, {101, 163, 13}}

func colour(slot int) [3]int { return palette[slot%len(palette)] }

// pdfChartBox is flatter than the screen's box, to fit two charts on a page.
var pdfChartBox = chart.Box{Width: 600, Height: 230, Left: 80, Right: 10, Top: 10, Bottom: 36}

// charts draws the workload's two charts from the chart package's geometry:
// monthly cost by component and cumulative cost with break-even markers.
func (p *pdfDoc) charts(w Workload) {
	box := pdfChartBox
	bars := chart.CostBars(w.Options, box, chart.WordsFor(p.t.Lang))
	if len(bars.Table.Rows) == 0 {
		p.para(p.t.T("report.chart.none"), 8)
		return
	}
	// Side by side, half the width each, so that a workload fits one page.
	half := (contentW - 6) / 2
	scale := half / box.Width
	lines := chart.CostOverTime(w.Options, box, chart.WordsFor(p.t.Lang))
	p.need(max(bars.Box.Height, lines.Box.Height)*scale + 24)
	p.Ln(2)
	y := p.GetY()
	p.font("B", 8.5)
	// Read in order: each chart's title, then the chart; drawn side by side.
	barsTitle, barsFig := p.tags.add(roleP), p.tags.add(roleFigure)
	linesTitle, linesFig := p.tags.add(roleP), p.tags.add(roleFigure)
	p.tags.mark(barsTitle, func() { p.CellFormat(half, 5, p.t.T("report.chart.bars"), "", 0, "L", false, 0, "") })
	p.SetX(margin + half + 6)
	p.tags.mark(linesTitle, func() { p.CellFormat(half, 5, p.t.T("report.chart.lines"), "", 1, "L", false, 0, "") })
	top := p.GetY()
	p.figure(barsFig, p.barsAlt(p.t.T("report.chart.bars"), w.Options), margin, top, half,
		func() { p.drawBarsAt(bars, frame{x0: margin, y0: top, s: scale}) })
	left := p.GetY()
	p.figure(linesFig, p.linesAlt(p.t.T("report.chart.lines"), lines), margin+half+6, top, half,
		func() { p.drawLinesAt(lines, frame{x0: margin + half + 6, y0: top, s: scale}) })
	p.SetY(max(left, p.GetY(), y))
	p.para(p.t.T("report.chart.data_below"), 7)
}

func (p *pdfDoc) chartTitle(title string, h float64) {
	p.need(h + 8)
	p.Ln(2)
	p.font("B", 9)
	p.tagged(roleP, func() { p.CellFormat(contentW, 5, title, "", 1, "L", false, 0, "") })
}

// frame maps chart units to the page from the current position.
type frame struct {
	x0, y0, s float64
}

func (f frame) x(v float64) float64 { return f.x0 + v*f.s }
func (f frame) y(v float64) float64 { return f.y0 + v*f.s }

func (p *pdfDoc) axes(f frame, box chart.Box, yTicks []chart.Tick) {
	p.SetLineWidth(0.1)
	p.font("", 6)
	for _, tk := range yTicks {
		p.SetDrawColor(225, 225, 225)
		p.Line(f.x(box.Left), f.y(tk.Pos), f.x(box.Width-box.Right), f.y(tk.Pos))
		p.SetXY(f.x0, f.y(tk.Pos)-1.5)
		p.CellFormat(box.Left*f.s-1.5, 3, tk.Label, "", 0, "R", false, 0, "")
	}
	p.SetDrawColor(80, 80, 80)
	p.Line(f.x(box.Left), f.y(box.Top), f.x(box.Left), f.y(box.Height-box.Bottom))
	p.Line(f.x(box.Left), f.y(box.Height-box.Bottom), f.x(box.Width-box.Right), f.y(box.Height-box.Bottom))
	p.SetDrawColor(0, 0, 0)
}

func (p *pdfDoc) drawBars(b chart.Bars, scale float64) {
	p.drawBarsAt(b, frame{x0: margin, y0: p.GetY(), s: scale})
}

func (p *pdfDoc) drawBarsAt(b chart.Bars, f frame) {
	scale := f.s
	p.axes(f, b.Box, b.YTicks)
	slots := map[string]int{}
	for _, l := range b.Legend {
		slots[l.Series] = l.Slot
	}
	for _, r := range b.Rects {
		c := colour(slots[r.Series])
		p.SetFillColor(c[0], c[1], c[2])
		p.Rect(f.x(r.X), f.y(r.Y), r.W*scale, r.H*scale, "F")
	}
	p.font("", 6)
	slot := (b.Box.Width - b.Box.Left - b.Box.Right) / float64(max(1, len(b.Categories)))
	for _, c := range b.Categories {
		if b.Rotate {
			x, y := f.x(c.Pos), f.y(b.Box.Height-b.Box.Bottom)+1.5
			w := p.GetStringWidth(c.Label) + 1
			p.TransformBegin()
			p.TransformRotate(35, x, y)
			p.SetXY(x-w, y-1.5)
			p.CellFormat(w, 3, c.Label, "", 0, "R", false, 0, "")
			p.TransformEnd()
			continue
		}
		p.SetXY(f.x(c.Pos-slot/2), f.y(b.Box.Height-b.Box.Bottom)+1)
		p.CellFormat(slot*scale, 3, c.Label, "", 0, "C", false, 0, "")
	}
	for _, m := range b.Broken {
		x, y := f.x(m.X), f.y(m.Y)+2
		p.SetFillColor(255, 255, 255)
		p.Polygon([]fpdf.PointType{{X: x - 4, Y: y + 1}, {X: x - 1.5, Y: y - 0.8}, {X: x + 1.5, Y: y + 1}, {X: x + 4, Y: y - 0.8},
			{X: x + 4, Y: y + 0.8}, {X: x + 1.5, Y: y + 2.6}, {X: x - 1.5, Y: y + 0.8}, {X: x - 4, Y: y + 2.6}}, "FD")
		p.font("", 5.5)
		p.SetXY(x+4.5, y-1)
		p.CellFormat(60, 2.5, m.Label, "", 0, "L", false, 0, "")
	}
	var items []chart.LegendItem
	for _, l := range b.Legend {
		if used(b.Rects, l.Series) {
			items = append(items, l)
		}
	}
	p.legend(f, b.Box, items, false)
}

func used(rects []chart.Rect, series string) bool {
	for _, r := range rects {
		if r.Series == series {
			return true
		}
	}
	return false
}

func (p *pdfDoc) drawLines(l chart.Lines, scale float64) {
	p.drawLinesAt(l, frame{x0: margin, y0: p.GetY(), s: scale})
}

func (p *pdfDoc) drawLinesAt(l chart.Lines, f frame) {
	p.axes(f, l.Box, l.YTicks)
	p.font("", 6)
	for _, tk := range l.XTicks {
		p.SetXY(f.x(tk.Pos)-10, f.y(l.Box.Height-l.Box.Bottom)+1)
		p.CellFormat(20, 3, tk.Label, "", 0, "C", false, 0, "")
	}
	slots := map[string]int{}
	for _, it := range l.Legend {
		slots[it.Series] = it.Slot
	}
	for _, pl := range l.Lines {
		c := colour(slots[pl.Series])
		p.SetDrawColor(c[0], c[1], c[2])
		p.SetLineWidth(0.45)
		if pl.Dashed {
			p.SetDrawColor(60, 60, 60)
		}
		p.dash(chart.Dash(slots[pl.Series], pl.Dashed))
		for i := 1; i < len(pl.Points); i++ {
			a, b := pl.Points[i-1], pl.Points[i]
			p.Line(f.x(a.X), f.y(a.Y), f.x(b.X), f.y(b.Y))
		}
		p.SetDashPattern(nil, 0)
	}
	p.SetLineWidth(0.2)
	var labelled [][4]float64 // x0, y0, x1, y1 of the labels drawn
	for _, m := range l.Markers {
		c := colour(slots[m.Series])
		p.SetFillColor(c[0], c[1], c[2])
		p.SetDrawColor(255, 255, 255)
		p.Circle(f.x(m.X), f.y(m.Y), 1.1, "FD")
		p.font("", 5.5)
		label := p.t.T("report.option.break_even", m.Month)
		lx := f.x(m.X) + 1.2
		if w := p.GetStringWidth(label); lx+w > f.x(l.Box.Width) {
			lx = f.x(m.X) - 1.2 - w - 2*p.GetCellMargin()
		}
		// Break-evens close together would print on top of each other:
		// the first one is labelled, the others keep their dot.
		box := [4]float64{lx, f.y(m.Y) - 3.5, lx + p.GetStringWidth(label) + 2*p.GetCellMargin(), f.y(m.Y) - 1}
		clash := false
		for _, b := range labelled {
			if box[0] < b[2] && b[0] < box[2] && box[1] < b[3]+0.5 && b[1] < box[3]+0.5 {
				clash = true
			}
		}
		if clash {
			continue
		}
		labelled = append(labelled, box)
		p.SetXY(lx, f.y(m.Y)-3.5)
		p.CellFormat(40, 2.5, label, "", 0, "L", false, 0, "")
	}
	p.SetDrawColor(0, 0, 0)
	p.legend(f, l.Box, l.Legend, true)
}

// legend writes the series names with their colours below the chart, and
// leaves the cursor after it.
func (p *pdfDoc) legend(f frame, box chart.Box, items []chart.LegendItem, lines bool) {
	y := f.y(box.Height) + 1
	x := f.x(box.Left)
	p.font("", 6.5)
	for _, it := range items {
		sample := 3.0 // a colour square; a line of its pattern for lines
		if lines {
			sample = 6
		}
		w := p.GetStringWidth(it.Label) + sample + 4
		if x+w > f.x(box.Width) {
			x, y = f.x(box.Left), y+4
		}
		c := colour(it.Slot)
		if lines {
			p.SetDrawColor(c[0], c[1], c[2])
			if it.Dashed {
				p.SetDrawColor(60, 60, 60)
			}
			p.dash(chart.Dash(it.Slot, it.Dashed))
			p.SetLineWidth(0.6)
			p.Line(x, y+1.5, x+sample, y+1.5)
			p.SetDashPattern(nil, 0)
			p.SetLineWidth(0.2)
		} else {
			p.SetFillColor(c[0], c[1], c[2])
			p.Rect(x, y+0.3, 3, 2.4, "F")
		}
		p.SetXY(x+sample+2, y)
		p.CellFormat(w-sample-2, 3, it.Label, "", 0, "L", false, 0, "")
		x += w + 2
	}
	p.SetDrawColor(0, 0, 0)
	p.SetXY(margin, y+5)
}

// dash sets a chart line pattern, given in the chart box's units, at the
// PDF's scale (a fifth: 6 units are 1.2 mm); nil is solid.
func (p *pdfDoc) dash(d []float64) {
	if len(d) == 0 {
		p.SetDashPattern(nil, 0)
		return
	}
	mm := make([]float64, len(d))
	for i, v := range d {
		mm[i] = v / 5
	}
	p.SetDashPattern(mm, 0)
}
