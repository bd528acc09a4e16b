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
	// Rotate is set when the category labels are too long for their slots:
	// they are drawn slanted, and Box.Bottom has grown to hold them.
	Rotate bool
	// Broken are the bars cut at the top of a broken axis, because one
	// outlier would flatten every other bar; Label is the bar's whole total.
	Broken []Marker
}

// labelRoom is the width of one character of an axis label in box units.
const labelRoom = 6.5

// outlier is how many times taller than the next bar a bar must be before
// the axis is broken.
var outlier = decimal.NewFromInt(3)

// StackedBars lays out one bar per category with its parts stacked from
// the axis in the order of series (a series index is its legend slot).
// The y axis runs from 0 to a round number at or above the tallest bar.
func StackedBars(bars []Bar, series []string, labels map[string]string, currency string, box Box, w Words) Bars {
	slot := box.plotW() / float64(max1(len(bars)))
	longest := 0
	for _, b := range bars {
		longest = max(longest, len([]rune(b.Label)))
	}
	rotate := float64(longest)*labelRoom > slot*0.95
	if rotate {
		extra := float64(longest) * labelRoom * 0.55 // sin 35° of the slanted label
		box.Height += extra
		box.Bottom += extra
	}
	out := Bars{Box: box, Rotate: rotate}
	top1, top2 := decimal.Zero, decimal.Zero
	for _, b := range bars {
		t := total(b)
		if t.GreaterThan(top1) {
			top1, top2 = t, top1
		} else if t.GreaterThan(top2) {
			top2 = t
		}
	}
	axisMax := top1
	broken := len(bars) >= 3 && top2.IsPositive() && top1.GreaterThan(top2.Mul(outlier))
	if broken {
		axisMax = top2.Mul(decimal.RequireFromString("1.25"))
	}
	step, top := niceScale(axisMax, 5)
	out.YTicks = box.yTicks(step, top, currency)
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
			lo, hi := decimal.Min(cum, top), decimal.Min(cum.Add(v), top)
			cum = cum.Add(v)
			if !hi.GreaterThan(lo) {
				continue // wholly above a broken axis
			}
			y0, y1 := box.y(lo, top), box.y(hi, top)
			out.Rects = append(out.Rects, Rect{X: x, Y: y1, W: slot * 0.6, H: y0 - y1, Series: s, Value: FormatMoney(v, currency)})
		}
		if broken && cum.GreaterThan(top) {
			out.Broken = append(out.Broken, Marker{X: x + slot*0.3, Y: box.Top, Label: b.Label + ": " + FormatMoney(cum, currency)})
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
