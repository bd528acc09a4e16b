// Package chart computes the geometry of the cost charts, independent of how
// they are drawn: rectangles, polylines, axis ticks with labels, legends and
// markers in abstract units inside a Box (by default 600 × 300, y growing
// downwards as in SVG and PDF), so that the same geometry renders as SVG in
// templates and as vectors in a PDF. Money enters as exact decimals; it is
// converted to float64 only to place things, never for a displayed number:
// every label is formatted from the decimals. Each chart carries a Table, the
// text equivalent of what it draws.
package chart

import (
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// Box is the drawing area and the margins that hold the axes' labels.
type Box struct {
	Width, Height            float64
	Left, Right, Top, Bottom float64
}

// DefaultBox is a 600 × 300 area with room for the labels.
func DefaultBox() Box {
	return Box{Width: 600, Height: 300, Left: 80, Right: 10, Top: 10, Bottom: 40}
}

func (b Box) plotW() float64 { return b.Width - b.Left - b.Right }
func (b Box) plotH() float64 { return b.Height - b.Top - b.Bottom }

// y places value v on a vertical axis from 0 to max.
func (b Box) y(v, max decimal.Decimal) float64 {
	if max.IsZero() {
		return b.Top + b.plotH()
	}
	// A pixel position needs no exact division (decimal's costs a page of
	// twenty workloads some 3 ms).
	return b.Top + b.plotH()*(1-v.InexactFloat64()/max.InexactFloat64())
}

// Rect is a filled rectangle of one series; Value is its formatted amount.
type Rect struct {
	X, Y, W, H float64
	Series     string
	Value      string
}

// Point is a position in the box.
type Point struct{ X, Y float64 }

// Polyline is one series drawn as connected points.
type Polyline struct {
	Series string
	Label  string
	Points []Point
	Dashed bool
}

// Tick is a position on an axis and its label.
type Tick struct {
	Pos   float64
	Label string
}

// LegendItem names a series; Slot is its colour index, stable across charts.
type LegendItem struct {
	Series string
	Label  string
	Slot   int
	Dashed bool // the series is the baseline, drawn dashed
}

// Marker is a labelled point, such as a break-even.
type Marker struct {
	X, Y   float64
	Series string
	Month  int
	Label  string
}

// Table is the text equivalent of a chart.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
}

// FormatMoney formats an amount for display exactly as pricing.Money.Display
// does: rounded (half to even) to the currency's minor unit, with thousands
// separators: "USD 1,234.56".
func FormatMoney(d decimal.Decimal, currency string) string {
	return pricing.Money{Amount: d, Currency: currency}.Display()
}

// formatTick formats a round axis value without needless decimals, large
// values shortened so that the label fits beside the axis on a phone:
// "₩300M", "USD 12.5k" (the prefix Money.Display writes).
func formatTick(d decimal.Decimal, currency string) string {
	for _, u := range []struct {
		exp    int32
		suffix string
	}{{9, "B"}, {6, "M"}, {4, "k"}} {
		if d.Abs().GreaterThanOrEqual(decimal.New(1, u.exp)) {
			e := u.exp
			if u.suffix == "k" {
				e = 3
			}
			return pricing.CurrencyPrefix(currency) + pricing.GroupThousands(d.Shift(-e).Round(1).String()) + u.suffix
		}
	}
	if d.Equal(d.Truncate(0)) {
		return pricing.CurrencyPrefix(currency) + pricing.GroupThousands(d.StringFixed(0))
	}
	return FormatMoney(d, currency)
}

// niceScale returns a round step (1, 2, 2.5 or 5 × 10^k) and the axis top
// (a multiple of the step at or above max) for about n intervals.
func niceScale(max decimal.Decimal, n int) (step, top decimal.Decimal) {
	if !max.IsPositive() {
		return decimal.NewFromInt(1), decimal.NewFromInt(1)
	}
	raw := max.Div(decimal.NewFromInt(int64(n)))
	exp := int32(len(raw.Truncate(0).String())) - 1
	if raw.LessThan(decimal.NewFromInt(1)) {
		exp = 0
		for p := decimal.NewFromInt(1); raw.LessThan(p); p = p.Shift(-1) {
			exp--
		}
	}
	pow := decimal.New(1, exp)
	for _, m := range []string{"1", "2", "2.5", "5", "10"} {
		step = decimal.RequireFromString(m).Mul(pow)
		if step.GreaterThanOrEqual(raw) {
			break
		}
	}
	top = max.Div(step).Ceil().Mul(step)
	return step, top
}

// yTicks are the ticks of a vertical money axis from 0 to top.
func (b Box) yTicks(step, top decimal.Decimal, currency string) []Tick {
	var out []Tick
	for v := decimal.Zero; v.LessThanOrEqual(top); v = v.Add(step) {
		out = append(out, Tick{Pos: b.y(v, top), Label: formatTick(v, currency)})
	}
	return out
}

// dashes are the line patterns of series by legend slot, in the units of
// the chart's box, so that lines differ by more than their colour. Slot 0
// is solid; the baseline (Dashed) has its own pattern.
var dashes = [][]float64{nil, {12, 4}, {3, 3}, {12, 3, 3, 3}, {6, 3, 2, 3, 2, 3}, {20, 4}}

// BaselineDash is the pattern of the current-cost baseline.
var BaselineDash = []float64{6, 4}

// Dash is the line pattern of a series: the baseline's when dashed, else
// its slot's (nil is solid).
func Dash(slot int, dashed bool) []float64 {
	if dashed {
		return BaselineDash
	}
	return dashes[slot%len(dashes)]
}
