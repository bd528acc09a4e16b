package chart

import (
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// CostBars is the monthly cost of each complete option stacked by component
// (compute, storage, network, licences, database, seats, labour). Incomplete
// options are left out: they have no price to draw.
func CostBars(opts []pricing.Option, box Box, w Words) Bars {
	var bars []Bar
	currency := "USD"
	for _, o := range opts {
		if !o.Complete {
			continue
		}
		currency = o.Monthly.Currency
		b := Bar{Label: w.Option(o)}
		for _, c := range pricing.ComponentNames {
			b.Parts = append(b.Parts, Part{Series: c, Value: o.Components.Get(c)})
		}
		bars = append(bars, b)
	}
	return StackedBars(bars, pricing.ComponentNames, w.componentLabels(), currency, box, w)
}

// CostOverTime is the cumulative cost of each complete option over its
// horizon (migration at month 0, upfront fees in the months they are paid),
// with the workload's current cost as the dashed baseline when known, and
// the break-even markers.
func CostOverTime(opts []pricing.Option, box Box, w Words) Lines {
	var series []Series
	var baseline *Series
	months, currency := 0, "USD"
	for _, o := range opts {
		if !o.Complete {
			continue
		}
		months, currency = o.HorizonMonths, o.Monthly.Currency
		s := Series{Key: string(o.Model) + " " + o.Provider, Label: w.Option(o)}
		s.Values = o.CumulativeSeries(o.HorizonMonths)
		series = append(series, s)
		if c := o.CurrentMonthly; c != nil && baseline == nil {
			b := Series{Key: "current", Label: w.T("chart.current")}
			for m := 0; m <= o.HorizonMonths; m++ {
				b.Values = append(b.Values, c.Amount.Mul(decimal.NewFromInt(int64(m))))
			}
			baseline = &b
		}
	}
	return CumulativeLines(series, baseline, months, currency, box, w)
}
