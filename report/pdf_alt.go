package report

import (
	"strconv"
	"strings"

	"cloudadvisor/chart"
	"cloudadvisor/pricing"
)

// barsAlt is the text a screen reader says for a workload's bar chart: its
// title, then the lowest and highest monthly cost among the options drawn.
func (p *pdfDoc) barsAlt(title string, opts []pricing.Option) string {
	words := chart.WordsFor(p.t.Lang)
	var lo, hi pricing.Option
	n := 0
	for _, o := range opts {
		if !o.Complete { // as chart.CostBars: an incomplete option is not drawn
			continue
		}
		if n == 0 || o.Monthly.Amount.LessThan(lo.Monthly.Amount) {
			lo = o
		}
		if n == 0 || o.Monthly.Amount.GreaterThan(hi.Monthly.Amount) {
			hi = o
		}
		n++
	}
	switch n {
	case 0:
		return title
	case 1:
		return title + ": " + p.t.T("report.figure.bars.single", words.Option(lo), lo.Monthly.Display())
	}
	return title + ": " + p.t.T("report.figure.bars", n, words.Option(lo), lo.Monthly.Display(),
		words.Option(hi), hi.Monthly.Display())
}

// linesAlt is the text a screen reader says for a cumulative cost chart:
// its title, the lowest and highest line at the last month of its data
// table, with that table's amounts, and the break-evens.
func (p *pdfDoc) linesAlt(title string, l chart.Lines) string {
	rows := l.Table.Rows
	if len(rows) == 0 || len(l.Lines) == 0 {
		return title
	}
	last := rows[len(rows)-1]
	m, err := strconv.Atoi(last[0])
	if err != nil {
		return title
	}
	// The table's columns follow the lines; a line's y at month m orders
	// the amounts (the page's y grows downwards, as the amounts shrink).
	lo, hi := -1, -1
	for i, pl := range l.Lines {
		if m >= len(pl.Points) || i+1 >= len(last) || last[i+1] == "" {
			continue
		}
		if lo < 0 || pl.Points[m].Y > l.Lines[lo].Points[m].Y {
			lo = i
		}
		if hi < 0 || pl.Points[m].Y < l.Lines[hi].Points[m].Y {
			hi = i
		}
	}
	if lo < 0 {
		return title
	}
	s := title + ": "
	if lo == hi {
		s += p.t.T("report.figure.lines.single", m, l.Lines[lo].Label, last[lo+1])
	} else {
		s += p.t.T("report.figure.lines", m, l.Lines[lo].Label, last[lo+1], l.Lines[hi].Label, last[hi+1])
	}
	if len(l.Markers) > 0 { // "Recommended mix: break-even in month 35; …."
		labels := make([]string, len(l.Markers))
		for i, mk := range l.Markers {
			labels[i] = mk.Label
		}
		s += " " + strings.Join(labels, "; ") + "."
	}
	return s
}
