package chart

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Series is one line: Values[m] is the cumulative amount at the end of month m (m = 0 is the start).
type Series struct {
	Key    string
	Label  string
	Values []decimal.Decimal
	Dashed bool
}

// Lines is the geometry of a cumulative cost chart.
type Lines struct {
	Box     Box
	Lines   []Polyline
	XTicks  []Tick // every 12 months
	YTicks  []Tick
	Markers []Marker // break-even points against the baseline
	Legend  []LegendItem
	Table   Table
}

// CumulativeLines lays out the series over months 0..months, with the
// baseline (the current cost; nil for none) drawn dashed. A series breaks
// even in the first month m ≥ 1 whose value is below the baseline's; the
// marker sits at that month's x on the series' line.
func CumulativeLines(series []Series, baseline *Series, months int, currency string, box Box, w Words) Lines {
	out := Lines{Box: box}
	all := series
	if baseline != nil {
		b := *baseline
		b.Dashed = true
		all = append(append([]Series{}, series...), b)
	}
	max := decimal.Zero
	for _, s := range all {
		for _, v := range s.Values {
			max = decimal.Max(max, v)
		}
	}
	step, top := niceScale(max, 5)
	out.YTicks = box.yTicks(step, top, currency)
	x := func(m int) float64 { return box.Left + box.plotW()*float64(m)/float64(max1(months)) }
	for m := 0; m <= months; m += 12 {
		out.XTicks = append(out.XTicks, Tick{Pos: x(m), Label: w.T("chart.month", m)})
	}
	for i, s := range all {
		pl := Polyline{Series: s.Key, Label: s.Label, Dashed: s.Dashed}
		for m, v := range s.Values {
			if m <= months {
				pl.Points = append(pl.Points, Point{X: x(m), Y: box.y(v, top)})
			}
		}
		out.Lines = append(out.Lines, pl)
		out.Legend = append(out.Legend, LegendItem{Series: s.Key, Label: s.Label, Slot: i, Dashed: s.Dashed})
	}
	if baseline != nil {
		for _, s := range series {
			if m, ok := breakEven(s.Values, baseline.Values, months); ok {
				out.Markers = append(out.Markers, Marker{X: x(m), Y: box.y(s.Values[m], top), Series: s.Key, Month: m,
					Label: w.T("chart.break_even", s.Label, m)})
			}
		}
	}
	out.Table = table(all, months, currency, w)
	return out
}

// breakEven is the first month m ≥ 1 with a below b.
func breakEven(a, b []decimal.Decimal, months int) (int, bool) {
	for m := 1; m <= months && m < len(a) && m < len(b); m++ {
		if a[m].LessThan(b[m]) {
			return m, true
		}
	}
	return 0, false
}

// table lists each series' cumulative amount at the start and every 12 months.
func table(all []Series, months int, currency string, w Words) Table {
	t := Table{Caption: w.T("chart.lines.caption", currency), Header: []string{w.T("chart.col.month")}}
	for _, s := range all {
		t.Header = append(t.Header, s.Label)
	}
	for m := 0; m <= months; m += 12 {
		row := []string{strconv.Itoa(m)}
		for _, s := range all {
			cell := ""
			if m < len(s.Values) {
				cell = FormatMoney(s.Values[m], currency)
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
