package pricing

import (
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// Estate is what the other workloads of the assessment contribute to one
// workload's price: provider-account allowances are shared, and a
// monitoring product bills every host of the estate.
type Estate struct {
	// EgressBeforeGB is the internet egress (GB a month) of the workloads
	// priced before this one. A provider's free and volume tiers apply once
	// per account, so this workload's egress starts on the provider's ladder
	// where theirs ended (the first workloads use the free 100 GB; the
	// estimate assumes the estate sits with one provider, which never
	// understates a bill).
	EgressBeforeGB int `json:"egress_before_gb,omitempty"`
	// Hosts is the number of servers the other workloads run (their
	// instances, on IaaS or PaaS), the quantity per-host monitoring bills.
	Hosts int `json:"hosts,omitempty"`
}

// EgressClass names where on the catalog's egress ladders a workload
// sending gb a month after the estate's earlier from GB starts: two
// workloads of the same class, and otherwise the same need, are priced the
// same lines by every provider, and differ only in the amount their
// tiers_shared note states (see WithEgressFrom). Estates send a little
// each, so most of their workloads sit inside one tier: quoting one of
// them prices them all.
func (c *Catalog) EgressClass(from, gb int) string {
	switch {
	case gb <= 0:
		return "" // no egress line, whatever came before
	case from <= 0:
		return "0" // from the start of the ladder, without the note
	}
	lo, hi := decimal.NewFromInt(int64(from)), decimal.NewFromInt(int64(from+gb))
	// the tier from falls in: the bounds at or below it
	tier, _ := slices.BinarySearchFunc(c.egressBounds, lo, func(b, v decimal.Decimal) int {
		if b.LessThanOrEqual(v) {
			return -1
		}
		return 1
	})
	if tier < len(c.egressBounds) && c.egressBounds[tier].LessThan(hi) {
		return "at " + strconv.Itoa(from) // straddles a bound: lines of its own
	}
	return "tier " + strconv.Itoa(tier)
}

// WithEgressFrom states from as the estate's earlier egress in the options'
// tiers_shared notes, copying the notes it changes: options quoted for
// another workload of the same EgressClass are this workload's with it.
func WithEgressFrom(opts []Option, from int) {
	for i := range opts {
		for j, n := range opts[i].Notes {
			if n.Key == tiersSharedNote && len(n.Args) == 1 && n.Args[0] != gbText(from) {
				opts[i].Notes = slices.Clone(opts[i].Notes)
				opts[i].Notes[j] = M(tiersSharedNote, gbText(from))
			}
		}
	}
}

// tiersSharedNote says the free and volume tiers were shared with the
// estate's earlier workloads.
const tiersSharedNote = "price.note.tiers_shared"

// egressBounds are the tier starts and ends of every egress offer, sorted
// and without repeats.
func egressBounds(offers []Offer) []decimal.Decimal {
	var out []decimal.Decimal
	for _, o := range offers {
		if o.Service != Egress {
			continue
		}
		out = append(out, o.TierStart)
		if !o.Unbounded && !o.TierEnd.IsZero() {
			out = append(out, o.TierEnd)
		}
	}
	slices.SortFunc(out, decimal.Decimal.Cmp)
	return slices.CompactFunc(out, decimal.Decimal.Equal)
}
