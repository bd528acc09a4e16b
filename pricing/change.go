package pricing

import (
	"slices"

	"github.com/shopspring/decimal"
)

// OptionChange is what re-pricing changes in one workload's recommended
// option: the option before and after (nil when there is none), each cost
// line whose monthly amount changes and each conversion rate that changes.
type OptionChange struct {
	Workload string       `json:"workload"`
	Old      *OptionBrief `json:"old"`
	New      *OptionBrief `json:"new"`
	Lines    []LineChange `json:"lines"`
	Rates    []RateChange `json:"rates,omitempty"`
}

// OptionBrief names an option and its monthly cost.
type OptionBrief struct {
	Provider string `json:"provider"`
	Product  string `json:"product"`
	SKU      string `json:"sku"`
	Monthly  Money  `json:"monthly"`
	Complete bool   `json:"complete"`
}

// LineChange is one cost line whose monthly amount (upfront fees spread
// over their term) changes, in the line's own currency. Old is nil for a
// line only the new pricing has, New for one it no longer has.
type LineChange struct {
	Label     Msg              `json:"label"`
	Name      string           `json:"name"`
	TierFrom  string           `json:"tier_from,omitempty"`
	Unit      Unit             `json:"unit"`
	Component string           `json:"component"`
	Currency  string           `json:"currency"`
	Old       *decimal.Decimal `json:"old"`
	New       *decimal.Decimal `json:"new"`
	// Percent is the change in percent, one decimal; nil unless both
	// amounts are known and the old one is not zero.
	Percent *decimal.Decimal `json:"percent,omitempty"`
}

// Line is the cost line the change is about, for naming it.
func (c LineChange) Line() Line {
	return Line{Label: c.Label, Name: c.Name, TierFrom: c.TierFrom, Unit: c.Unit, Component: c.Component}
}

// RateChange is a conversion to the display currency whose rate changes.
type RateChange struct {
	From    string          `json:"from"`
	To      string          `json:"to"`
	Old     decimal.Decimal `json:"old"`
	New     decimal.Decimal `json:"new"`
	OldAsOf string          `json:"old_as_of"`
	NewAsOf string          `json:"new_as_of"`
	Percent decimal.Decimal `json:"percent"`
}

// PercentChange is the change from old to new in percent, one decimal; old
// must not be zero.
func PercentChange(old, new decimal.Decimal) decimal.Decimal {
	return new.Sub(old).Mul(decimal.NewFromInt(100)).Div(old).Round(1)
}

// CompareOptions returns what changes from old to new, the recommended
// option of one workload before and after re-pricing, and false when
// nothing does (same SKU, same monthly cost, as complete).
func CompareOptions(workload string, old, new *Option) (OptionChange, bool) {
	if old == nil && new == nil {
		return OptionChange{}, false
	}
	if old != nil && new != nil && old.Provider == new.Provider && old.SKU == new.SKU &&
		old.Monthly.Amount.Equal(new.Monthly.Amount) && old.Complete == new.Complete {
		return OptionChange{}, false
	}
	c := OptionChange{Workload: workload, Old: brief(old), New: brief(new), Lines: []LineChange{}}
	var oldLines, newLines []Line
	var oldRates, newRates []RateUse
	if old != nil {
		oldLines, oldRates = old.Lines, old.Rates
	}
	if new != nil {
		newLines, newRates = new.Lines, new.Rates
	}
	c.Lines = lineChanges(oldLines, newLines)
	c.Rates = rateChanges(oldRates, newRates)
	return c, true
}

func brief(o *Option) *OptionBrief {
	if o == nil {
		return nil
	}
	return &OptionBrief{Provider: o.Provider, Product: o.Product, SKU: o.SKU, Monthly: o.Monthly, Complete: o.Complete}
}

// lineKey matches a line of one pricing with the same line of another: the
// same label, component, tier and currency (several lines of one key, such
// as two disks, are added up).
func lineKey(l Line) string {
	return l.Label.String() + "\x00" + l.Component + "\x00" + l.TierFrom + "\x00" + l.Currency
}

// lineChanges lists the lines whose amount differs, old lines first in
// their order, then lines only the new pricing has.
func lineChanges(old, new []Line) []LineChange {
	var keys []string
	byKey := map[string]*LineChange{}
	add := func(l Line, side func(*LineChange) **decimal.Decimal) {
		k := lineKey(l)
		c := byKey[k]
		if c == nil {
			c = &LineChange{Label: l.Label, Name: l.Name, TierFrom: l.TierFrom, Unit: l.Unit, Component: l.Component,
				Currency: l.Currency}
			byKey[k] = c
			keys = append(keys, k)
		}
		p := side(c)
		sum := l.amortised()
		if *p != nil {
			sum = sum.Add(**p)
		}
		*p = &sum
	}
	for _, l := range old {
		add(l, func(c *LineChange) **decimal.Decimal { return &c.Old })
	}
	for _, l := range new {
		add(l, func(c *LineChange) **decimal.Decimal { return &c.New })
	}
	out := []LineChange{}
	for _, k := range keys {
		c := byKey[k]
		if c.Old != nil && c.New != nil {
			if c.Old.Equal(*c.New) {
				continue
			}
			if !c.Old.IsZero() {
				p := PercentChange(*c.Old, *c.New)
				c.Percent = &p
			}
		}
		out = append(out, *c)
	}
	return out
}

// rateChanges lists the conversions both pricings made at different rates.
func rateChanges(old, new []RateUse) []RateChange {
	var out []RateChange
	for _, o := range old {
		i := slices.IndexFunc(new, func(n RateUse) bool { return n.From == o.From && n.To == o.To })
		if i < 0 || (new[i].Rate.Equal(o.Rate) && new[i].AsOf == o.AsOf) {
			continue
		}
		n := new[i]
		out = append(out, RateChange{From: o.From, To: o.To, Old: o.Rate, New: n.Rate, OldAsOf: o.AsOf,
			NewAsOf: n.AsOf, Percent: PercentChange(o.Rate, n.Rate)})
	}
	return out
}
