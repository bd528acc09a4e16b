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
		Currency: o.Currency, AsOf: o.AsOf.Format("2006-01-02"), Source: o.Source, SourceKind: SourceKind(o), SKU: o.SKU,
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
	return tieredFrom(label, component, decimal.Zero, use, tiers)
}

// tieredFrom prices use units that start at position from on the tier
// ladder: the units before it (other workloads of the same account) have
// used the tiers below.
func tieredFrom(label Msg, component string, from, use decimal.Decimal, tiers []Offer) []Line {
	slices.SortFunc(tiers, func(a, b Offer) int { return a.TierStart.Cmp(b.TierStart) })
	var out []Line
	end := from.Add(use)
	for _, t := range tiers {
		if end.LessThanOrEqual(t.TierStart) && !t.TierStart.IsZero() {
			break
		}
		lo, hi := decimal.Max(t.TierStart, from), end
		if !t.Unbounded && !t.TierEnd.IsZero() && hi.GreaterThan(t.TierEnd) {
			hi = t.TierEnd
		}
		q := hi.Sub(lo)
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
	from := 0
	if f.Service == Egress {
		// free and volume tiers are per account: start where the estate's
		// earlier workloads ended
		from = max(q.n.Estate.EgressBeforeGB, 0)
	}
	ls, ok := q.usageLinesFrom(f, label, component, from, qty)
	if !ok {
		opt.missing("usage", label.AsRef(), Ref("service."+string(f.Service)), ProviderRef(f.Provider), RegionRef(f.Region))
		return
	}
	if from > 0 {
		opt.Notes = append(opt.Notes, M(tiersSharedNote, gbText(from)))
	}
	opt.Lines = append(opt.Lines, ls...)
}

// usageLines prices qty units of the cheapest SKU that fits, over its tiers;
// ok is false when none fits.
func (q quoter) usageLines(f Fit, label Msg, component string, qty int) ([]Line, bool) {
	return q.usageLinesFrom(f, label, component, 0, qty)
}

// usageLinesFrom is usageLines starting from units already used on the ladder.
func (q quoter) usageLinesFrom(f Fit, label Msg, component string, from, qty int) ([]Line, bool) {
	first, ok := q.c.Cheapest(f)
	if !ok {
		return nil, false
	}
	f.Match = func(o Offer) bool { return o.SKU == first.SKU }
	return tieredFrom(label, component, decimal.NewFromInt(int64(from)), decimal.NewFromInt(int64(qty)), q.c.All(f)), true
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
