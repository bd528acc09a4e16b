package pricing

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// line prices qty units of the offer per month. units is the number of
// things bought (instances, seats) that each pay the term's upfront fee.
func line(label Msg, component string, qty decimal.Decimal, units int, o Offer) Line {
	l := Line{Label: label, Name: o.Name, Component: component, Quantity: qty, Unit: o.Unit, UnitPrice: o.Amount,
		Currency: o.Currency, AsOf: o.AsOf.Format("2006-01-02"), Source: o.Source, SKU: o.SKU,
		Term: o.Term, Monthly: qty.Mul(o.Amount), Basis: basisOf(o)}
	l.Estimate = l.Basis != nil
	if o.Upfront.IsPositive() && o.Term.Months() > 0 {
		l.Upfront = o.Upfront.Mul(decimal.NewFromInt(int64(units)))
		l.TermMonths = o.Term.Months()
	}
	return l
}

// usage converts a number of instances running all month into the offer's unit.
func usage(instances int, o Offer) decimal.Decimal {
	q := decimal.NewFromInt(int64(instances))
	if o.Unit == PerHour {
		q = q.Mul(decimal.NewFromInt(HoursPerMonth))
	}
	return q
}

// tiered prices a monthly usage over the tiers of one SKU, one line per tier used.
func tiered(label Msg, component string, use decimal.Decimal, tiers []Offer) []Line {
	slices.SortFunc(tiers, func(a, b Offer) int { return a.TierStart.Cmp(b.TierStart) })
	var out []Line
	for _, t := range tiers {
		if use.LessThanOrEqual(t.TierStart) && !t.TierStart.IsZero() {
			break
		}
		q := use.Sub(t.TierStart)
		if !t.Unbounded && !t.TierEnd.IsZero() && use.GreaterThan(t.TierEnd) {
			q = t.TierEnd.Sub(t.TierStart)
		}
		if q.IsPositive() {
			l := line(label, component, q, 0, t)
			if len(tiers) > 1 {
				l.TierFrom = t.TierStart.String()
			}
			out = append(out, l)
		}
	}
	return out
}

// addUsage prices qty units of the cheapest SKU that fits, over its tiers,
// and records a missing price when none fits.
func (q quoter) addUsage(opt *Option, f Fit, label Msg, component string, qty int) {
	if qty <= 0 {
		return
	}
	ls, ok := q.usageLines(f, label, component, qty)
	if !ok {
		opt.missing("usage", label.AsRef(), Ref("service."+string(f.Service)), f.Provider, f.Region)
		return
	}
	opt.Lines = append(opt.Lines, ls...)
}

// usageLines prices qty units of the cheapest SKU that fits, over its tiers;
// ok is false when none fits.
func (q quoter) usageLines(f Fit, label Msg, component string, qty int) ([]Line, bool) {
	first, ok := q.c.Cheapest(f)
	if !ok {
		return nil, false
	}
	f.Match = func(o Offer) bool { return o.SKU == first.SKU }
	return tiered(label, component, decimal.NewFromInt(int64(qty)), q.c.All(f)), true
}

// tierRank orders SaaS plan tiers.
var tierRank = map[string]int{"basic": 0, "standard": 1, "premium": 2, "enterprise": 3}

// TierFor returns the least SaaS plan tier for a customisation level
// (none, low, medium, high) and data sensitivity (public ... regulated):
// customisation none basic, low standard, medium premium, high enterprise;
// confidential data at least premium, regulated data enterprise.
func TierFor(customization, sensitivity string) string {
	t := map[string]string{"none": "basic", "low": "standard", "medium": "premium", "high": "enterprise"}[customization]
	if t == "" {
		t = "standard"
	}
	s := map[string]string{"confidential": "premium", "regulated": "enterprise"}[sensitivity]
	if tierRank[s] > tierRank[t] {
		t = s
	}
	return t
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}
