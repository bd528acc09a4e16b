package report

import (
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// cashFlow is the cash a set of options pays month by month, added up per
// horizon length: the cumulative cost of an estate's options at month m is
// then a few additions, not one per workload (a chart of 36 months over
// 50,000 workloads asked for millions). Decimal sums are exact, so the
// totals are those of adding the options one by one.
type cashFlow struct {
	byHorizon map[int]*flow
	// current is the monthly current cost and monthly the monthly cost of
	// the options counted, n how many, months their longest horizon.
	current, monthly decimal.Decimal
	n, months        int
}

// flow is what options of one horizon length pay: once at the start, every
// month, and upfront fees by the month they fall in.
type flow struct {
	oneTime, monthly decimal.Decimal
	upfronts         map[int]decimal.Decimal
}

// add counts an option (its current cost as zero when unknown).
func (c *cashFlow) add(o *pricing.Option) {
	if c.byHorizon == nil {
		c.byHorizon = map[int]*flow{}
	}
	f := c.byHorizon[o.HorizonMonths]
	if f == nil {
		f = &flow{upfronts: map[int]decimal.Decimal{}}
		c.byHorizon[o.HorizonMonths] = f
	}
	f.oneTime = f.oneTime.Add(o.MigrationOneTime.Amount)
	f.monthly = f.monthly.Add(o.RecurringMonthly.Amount)
	for _, p := range o.Upfronts {
		f.upfronts[p.Month] = f.upfronts[p.Month].Add(p.Amount.Amount)
	}
	if o.CurrentMonthly != nil {
		c.current = c.current.Add(o.CurrentMonthly.Amount)
	}
	c.monthly = c.monthly.Add(o.Monthly.Amount)
	c.n++
	c.months = max(c.months, o.HorizonMonths)
}

// at is the cash paid by the end of month m: each option's
// pricing.Option.Cumulative at m or at the end of its horizon if sooner.
func (c *cashFlow) at(m int) decimal.Decimal {
	t := decimal.Zero
	for h, f := range c.byHorizon {
		mm := min(m, h)
		t = t.Add(f.oneTime).Add(f.monthly.Mul(decimal.NewFromInt(int64(mm))))
		for month, amount := range f.upfronts {
			if month <= mm {
				t = t.Add(amount)
			}
		}
	}
	return t
}

// currentAt is today's cost by the end of month m.
func (c *cashFlow) currentAt(m int) decimal.Decimal {
	return c.current.Mul(decimal.NewFromInt(int64(m)))
}

// savings compares options that all have a current cost with today's
// cost; nil when there are none.
func (c *cashFlow) savings(cur string) *Savings {
	if c.n == 0 {
		return nil
	}
	s := &Savings{Workloads: c.n, HorizonMonths: c.months,
		CurrentMonthly:     pricing.Money{Amount: c.current, Currency: cur},
		RecommendedMonthly: pricing.Money{Amount: c.monthly, Currency: cur},
		Monthly:            pricing.Money{Amount: c.current.Sub(c.monthly), Currency: cur},
		Horizon:            pricing.Money{Amount: c.currentAt(c.months).Sub(c.at(c.months)), Currency: cur}}
	for m := 1; m <= c.months; m++ {
		if c.at(m).LessThan(c.currentAt(m)) {
			s.BreakEvenMonth = m
			break
		}
	}
	return s
}
