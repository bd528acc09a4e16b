package gcp

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// tier is one tiered rate, already in the base unit.
type tier struct {
	start, price decimal.Decimal
	currency     string
}

// expand makes one offer per region and tier from base; each tier ends where
// the next begins and the last is unbounded.
func expand(base pricing.Offer, regions []string, tiers []tier) []pricing.Offer {
	tiers = slices.Clone(tiers)
	slices.SortStableFunc(tiers, func(a, b tier) int { return a.start.Cmp(b.start) })
	var out []pricing.Offer
	for _, region := range regions {
		for i, t := range tiers {
			o := base
			o.Attributes = maps.Clone(base.Attributes)
			o.Region, o.Amount, o.Currency, o.TierStart = region, t.price, t.currency, t.start
			if i+1 < len(tiers) {
				o.TierEnd = tiers[i+1].start
			} else {
				o.Unbounded = true
			}
			out = append(out, o)
		}
	}
	return out
}
