package chart

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestNiceScale(t *testing.T) {
	tests := []struct {
		name, max, step, top string
	}{
		{"hundreds", "634.368", "200", "800"},
		{"exact multiple", "1000", "200", "1000"},
		{"small", "3.42", "1", "4"},
		{"below one", "0.42", "0.1", "0.5"},
		{"quarter steps", "11", "2.5", "12.5"},
		{"zero", "0", "1", "1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			step, top := niceScale(d(tc.max), 5)
			if !step.Equal(d(tc.step)) || !top.Equal(d(tc.top)) {
				t.Errorf("got step %s top %s, want %s %s", step, top, tc.step, tc.top)
			}
		})
	}
}

func TestStackedBars(t *testing.T) {
	box := DefaultBox() // plot 510 × 250 from (80, 10)
	bars := []Bar{
		{Label: "iaas aws", Parts: []Part{{"compute", d("140.16")}, {"storage", d("16")}, {"labour", d("600")}}},
		{Label: "saas google", Parts: []Part{{"seats", d("180")}, {"labour", d("243.75")}}},
	}
	got := StackedBars(bars, []string{"compute", "storage", "seats", "labour"}, map[string]string{"compute": "Compute"}, "USD", box, WordsFor("en"))
	// Axis 0..800 in steps of 200: the ticks are round numbers, labelled from decimals.
	var labels []string
	for _, tk := range got.YTicks {
		labels = append(labels, tk.Label)
	}
	if want := []string{"USD 0", "USD 200", "USD 400", "USD 600", "USD 800"}; !slices.Equal(labels, want) {
		t.Errorf("got ticks %v, want %v", labels, want)
	}
	if got.YTicks[0].Pos != 260 || got.YTicks[4].Pos != 10 {
		t.Errorf("got axis from %v to %v, want 260 to 10", got.YTicks[0].Pos, got.YTicks[4].Pos)
	}
	// Each bar's rectangles stack without gaps and sum to total/800 of the plot height.
	for i, want := range []float64{756.16, 423.75} {
		var h, bottom float64 = 0, 260
		for _, r := range got.Rects {
			if near(r.X, 80+255*float64(i)+51) {
				if !near(r.Y+r.H, bottom) {
					t.Errorf("bar %d: rect %s ends at %v, want %v", i, r.Series, r.Y+r.H, bottom)
				}
				bottom = r.Y
				h += r.H
			}
		}
		if !near(h, 250*want/800) {
			t.Errorf("bar %d: got height %v, want %v", i, h, 250*want/800)
		}
	}
	if len(got.Rects) != 5 || got.Rects[0].Value != "USD 140.16" {
		t.Errorf("got %d rects, first %+v, want 5 and USD 140.16", len(got.Rects), got.Rects[0])
	}
	if got.Legend[0].Label != "Compute" || got.Legend[3].Slot != 3 {
		t.Errorf("got legend %+v", got.Legend)
	}
	if row := got.Table.Rows[0]; row[0] != "iaas aws" || row[len(row)-1] != "USD 756.16" {
		t.Errorf("got table row %v, want iaas aws … USD 756.16", row)
	}
}

func TestCumulativeLinesBreakEven(t *testing.T) {
	box := DefaultBox()
	months := 24
	cloud := Series{Key: "iaas aws", Label: "iaas aws"}
	current := Series{Key: "current", Label: "Current cost"}
	for m := 0; m <= months; m++ {
		cloud.Values = append(cloud.Values, d("1000").Add(d("300").Mul(decimal.NewFromInt(int64(m)))))
		current.Values = append(current.Values, d("550").Mul(decimal.NewFromInt(int64(m))))
	}
	got := CumulativeLines([]Series{cloud}, &current, months, "USD", box, WordsFor("en"))
	if len(got.Markers) != 1 || got.Markers[0].Month != 5 {
		t.Fatalf("got markers %+v, want one in month 5", got.Markers)
	}
	// x of month 5 of 24 over a plot 510 wide from 80.
	if mk := got.Markers[0]; !near(mk.X, 80+510*5.0/24) || mk.X != got.Lines[0].Points[5].X {
		t.Errorf("got break-even x %v, want %v (the month-5 point)", mk.X, 80+510*5.0/24)
	}
	if !got.Lines[1].Dashed || len(got.Lines[0].Points) != 25 {
		t.Errorf("got baseline dashed %v and %d points, want dashed and 25", got.Lines[1].Dashed, len(got.Lines[0].Points))
	}
	if len(got.XTicks) != 3 || got.XTicks[2].Label != "month 24" || !near(got.XTicks[2].Pos, 590) {
		t.Errorf("got x ticks %+v, want months 0, 12, 24 ending at 590", got.XTicks)
	}
	if want := []string{"12", "USD 4,600.00", "USD 6,600.00"}; !slices.Equal(got.Table.Rows[1], want) {
		t.Errorf("got table row %v, want %v", got.Table.Rows[1], want)
	}
}

func TestFromOptions(t *testing.T) {
	usd := func(s string) pricing.Money { return pricing.Money{Amount: d(s), Currency: "USD"} }
	cur := usd("900")
	opts := []pricing.Option{
		{Model: pricing.ModelIaaS, Provider: "aws", Complete: true, HorizonMonths: 12, Monthly: usd("500"),
			RecurringMonthly: usd("500"), MigrationOneTime: usd("1000"), CurrentMonthly: &cur,
			Components: pricing.Components{Compute: d("100"), Labour: d("400")}},
		{Model: pricing.ModelIaaS, Provider: "azure", Complete: false},
	}
	bars := CostBars(opts, DefaultBox(), WordsFor("en"))
	if len(bars.Table.Rows) != 1 || len(bars.Rects) != 2 {
		t.Errorf("got %d rows %d rects, want the complete option only, 2 rects", len(bars.Table.Rows), len(bars.Rects))
	}
	lines := CostOverTime(opts, DefaultBox(), WordsFor("en"))
	if bars.Table.Rows[0][0] != "IaaS · AWS" || bars.Table.Caption != "Monthly cost by component (USD)" || lines.Lines[1].Label != "Current cost" {
		t.Errorf("got option %q, caption %q, baseline %q; want the catalog's words", bars.Table.Rows[0][0], bars.Table.Caption, lines.Lines[1].Label)
	}
	// 1000 + 500m < 900m from m = 3 (2: 2000 > 1800; 3: 2500 < 2700).
	if len(lines.Markers) != 1 || lines.Markers[0].Month != 3 {
		t.Errorf("got markers %+v, want month 3", lines.Markers)
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct{ amount, currency, want string }{
		{"1234567.891", "USD", "USD 1,234,567.89"},
		{"1234567.5", "KRW", "₩1,234,568"},
		{"-0.125", "EUR", "EUR -0.12"},
	}
	for _, tc := range tests {
		if got := FormatMoney(d(tc.amount), tc.currency); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// TestLinesDifferByMoreThanColour: every series of a line chart up to six,
// and the baseline, has its own line pattern, so the chart reads in grey.
func TestLinesDifferByMoreThanColour(t *testing.T) {
	seen := map[string]int{fmt.Sprint(Dash(0, true)): -1}
	for slot := range 6 {
		key := fmt.Sprint(Dash(slot, false))
		if other, ok := seen[key]; ok {
			t.Errorf("slot %d has the pattern of slot %d (-1: the baseline): %s", slot, other, key)
		}
		seen[key] = slot
	}
}
