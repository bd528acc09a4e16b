package chart

import (
	"github.com/shopspring/decimal"
)

// Part is one series' value within a bar.
type Part struct {
	Series string
	Value  decimal.Decimal
}

// Bar is one stacked bar: a category and its parts.
type Bar struct {
	Label string
	Parts []Part
}

// Bars is the geometry of a stacked bar chart.
type Bars struct {
	Box        Box
	Rects      []Rect
	Categories []Tick // bar centres on the x axis
	YTicks     []Tick
	Legend     []LegendItem
	Table      Table
}

// StackedBars lays out one bar per category with its parts stacked from
// the axis in the order of series (a series index is its legend slot).
// The y axis runs from 0 to a round number at or above the tallest bar.
func StackedBars(bars []Bar, series []string, labels map[string]string, currency string, box Box, w Words) Bars {
	out := Bars{Box: box}
	max := decimal.Zero
	for _, b := range bars {
		max = decimal.Max(max, total(b))
	}
	step, top := niceScale(max, 5)
	out.YTicks = box.yTicks(step, top, currency)
	slot := box.plotW() / float64(max1(len(bars)))
	out.Table = Table{Caption: w.T("chart.bars.caption", currency), Header: append([]string{w.T("chart.col.option")}, labelsOf(series, labels)...)}
	out.Table.Header = append(out.Table.Header, w.T("chart.col.total"))
	for i, b := range bars {
		x := box.Left + slot*float64(i) + slot*0.2
		out.Categories = append(out.Categories, Tick{Pos: x + slot*0.3, Label: b.Label})
		row := []string{b.Label}
		cum := decimal.Zero
		for _, s := range series {
			v := value(b, s)
			row = append(row, FormatMoney(v, currency))
			if !v.IsPositive() {
				continue
			}
			y0, y1 := box.y(cum, top), box.y(cum.Add(v), top)
			out.Rects = append(out.Rects, Rect{X: x, Y: y1, W: slot * 0.6, H: y0 - y1, Series: s, Value: FormatMoney(v, currency)})
			cum = cum.Add(v)
		}
		out.Table.Rows = append(out.Table.Rows, append(row, FormatMoney(cum, currency)))
	}
	for i, s := range series {
		out.Legend = append(out.Legend, LegendItem{Series: s, Label: labelOf(s, labels), Slot: i})
	}
	return out
}

func total(b Bar) decimal.Decimal {
	t := decimal.Zero
	for _, p := range b.Parts {
		if p.Value.IsPositive() {
			t = t.Add(p.Value)
		}
	}
	return t
}

func value(b Bar, series string) decimal.Decimal {
	v := decimal.Zero
	for _, p := range b.Parts {
		if p.Series == series {
			v = v.Add(p.Value)
		}
	}
	return v
}

func labelOf(s string, labels map[string]string) string {
	if l, ok := labels[s]; ok {
		return l
	}
	return s
}

func labelsOf(series []string, labels map[string]string) []string {
	out := make([]string, len(series))
	for i, s := range series {
		out[i] = labelOf(s, labels)
	}
	return out
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}
