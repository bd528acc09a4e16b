package pricing

import (
	"github.com/shopspring/decimal"
)

// finish converts the option's lines to the display currency and totals it:
// components and Monthly (upfront fees spread over their term), recurring
// cash, upfront payments within the horizon, migration, first year, horizon
// total, and the comparison with the current cost.
func (q quoter) finish(o *Option) {
	cur := q.s.Currency
	months := 12 * q.s.HorizonYears
	o.HorizonMonths = months
	o.VATRate = q.s.VATRate
	recurring, labour := q.addUp(o)
	migration := decimal.Zero
	for _, l := range o.MigrationLines {
		if rate, ok := q.rate(o, l); ok {
			migration = migration.Add(l.Monthly.Mul(rate).Mul(o.VATFactor(l)))
		}
	}
	monthly := decimal.Zero
	for _, c := range ComponentNames {
		monthly = monthly.Add(o.Components.Get(c))
	}
	o.Monthly = Money{monthly, cur}
	o.RecurringMonthly = Money{recurring, cur}
	o.LabourMonthly = Money{labour, cur}
	o.MigrationOneTime = Money{migration, cur}
	o.FirstYear = Money{o.Cumulative(12), cur}
	o.HorizonTotal = Money{o.Cumulative(months), cur}
	q.compare(o)
	o.Complete = len(o.Missing) == 0
	if !o.Complete && o.SavingsMonthly != nil {
		// a partial price would show a saving that is only the missing part
		o.SavingsMonthly, o.BreakEvenMonth = nil, 0
		o.note("no_savings_incomplete")
	}
	if o.Missing == nil {
		o.Missing = []Msg{}
	}
	if o.Lines == nil {
		o.Lines = []Line{}
	}
}

// rate returns the rate from the line's currency to the display currency,
// recording its use on the option, or records the rate as missing.
func (q quoter) rate(o *Option, l Line) (decimal.Decimal, bool) {
	to := q.s.Currency
	r, ok := q.s.Rates.Rate(l.Currency, to)
	if !ok {
		o.missing("rate", l.Currency, to, q.s.Rates.AsOf)
		return r, false
	}
	if l.Currency == to {
		return r, true
	}
	for _, u := range o.Rates {
		if u.From == l.Currency {
			return r, true
		}
	}
	o.Rates = append(o.Rates, RateUse{From: l.Currency, To: to, Rate: r, AsOf: q.s.Rates.AsOf, Source: q.s.Rates.Source})
	return r, true
}

// compare sets the savings against the current cost and the break-even month.
func (q quoter) compare(o *Option) {
	c := q.n.CurrentMonthly
	if c == nil {
		return
	}
	cur, ok := q.s.Rates.Convert(*c, q.s.Currency)
	if !ok {
		o.missing("rate", c.Currency, q.s.Currency, q.s.Rates.AsOf)
		return
	}
	o.CurrentMonthly = &cur
	o.SavingsMonthly = &Money{cur.Amount.Sub(o.Monthly.Amount), cur.Currency}
	o.BreakEvenMonth = BreakEven(o, cur.Amount)
}

// BreakEven returns the first month m of the option's horizon in which its
// cumulative cost (migration included) is below m months of the current
// monthly cost, or 0 when that does not happen within the horizon.
func BreakEven(o *Option, current decimal.Decimal) int {
	for m := 1; m <= o.HorizonMonths; m++ {
		if o.Cumulative(m).LessThan(current.Mul(decimal.NewFromInt(int64(m)))) {
			return m
		}
	}
	return 0
}

// addUp converts the recurring lines: it fills the components (upfront fees
// spread over their term) and the upfront payments within the horizon, and
// returns the recurring cash and the labour per month.
func (q quoter) addUp(o *Option) (recurring, labour decimal.Decimal) {
	for _, l := range o.Lines {
		rate, ok := q.rate(o, l)
		if !ok {
			continue
		}
		rate = rate.Mul(o.VATFactor(l))
		recurring = recurring.Add(l.Monthly.Mul(rate))
		licence := l.Licence.Mul(rate)
		f := o.Components.field(l.Component)
		*f = f.Add(l.amortised().Mul(rate).Sub(licence))
		o.Components.Licences = o.Components.Licences.Add(licence)
		if l.Component == CompLabour {
			labour = labour.Add(l.Monthly.Mul(rate))
		}
		for _, m := range upfrontMonths(l.TermMonths, o.HorizonMonths) {
			o.Upfronts = append(o.Upfronts, Payment{Month: m, Amount: Money{l.Upfront.Mul(rate), q.s.Currency}, Line: l.Name})
		}
	}
	return recurring, labour
}
