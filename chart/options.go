package chart

import (
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// ComponentLabels are the legend labels of the cost components.
var ComponentLabels = map[string]string{
	pricing.CompCompute: "Compute", pricing.CompStorage: "Storage", pricing.CompNetwork: "Network",
	pricing.CompLicence: "Licences", pricing.CompDatabase: "Database", pricing.CompSeats: "Seats",
	pricing.CompLabour: "Labour",
}

// label names an option in a chart: "iaas aws".
func label(o pricing.Option) string { return string(o.Model) + " " + o.Provider }

// CostBars is the monthly cost of each complete option stacked by component
// (compute, storage, network, licences, database, seats, labour). Incomplete
// options are left out: they have no price to draw.
func CostBars(opts []pricing.Option, box Box) Bars {
	var bars []Bar
	currency := "USD"
	for _, o := range opts {
		if !o.Complete {
			continue
		}
		currency = o.Monthly.Currency
		b := Bar{Label: label(o)}
		for _, c := range pricing.ComponentNames {
			b.Parts = append(b.Parts, Part{Series: c, Value: o.Components.Get(c)})
		}
		bars = append(bars, b)
	}
	return StackedBars(bars, pricing.ComponentNames, ComponentLabels, currency, box)
}

// CostOverTime is the cumulative cost of each complete option over its
// horizon (migration at month 0, upfront fees in the months they are paid),
// with the workload's current cost as the dashed baseline when known, and
// the break-even markers.
func CostOverTime(opts []pricing.Option, box Box) Lines {
	var series []Series
	var baseline *Series
	months, currency := 0, "USD"
	for _, o := range opts {
		if !o.Complete {
			continue
		}
		months, currency = o.HorizonMonths, o.Monthly.Currency
		s := Series{Key: label(o), Label: label(o)}
		for m := 0; m <= o.HorizonMonths; m++ {
			s.Values = append(s.Values, o.Cumulative(m))
		}
		series = append(series, s)
		if c := o.CurrentMonthly; c != nil && baseline == nil {
			b := Series{Key: "current", Label: "Current cost"}
			for m := 0; m <= o.HorizonMonths; m++ {
				b.Values = append(b.Values, c.Amount.Mul(decimal.NewFromInt(int64(m))))
			}
			baseline = &b
		}
	}
	return CumulativeLines(series, baseline, months, currency, box)
}
