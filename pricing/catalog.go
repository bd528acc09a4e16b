package pricing

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Catalog is an in-memory snapshot of the offers that can price one
// assessment: the regions of its geography plus global SaaS offers.
type Catalog struct {
	offers []Offer
}

// NewCatalog returns a catalog over the offers.
func NewCatalog(offers []Offer) *Catalog {
	return &Catalog{offers: offers}
}

// Len is the number of offers.
func (c *Catalog) Len() int { return len(c.offers) }

// Fit selects offers for a need.
type Fit struct {
	Provider  string
	Region    string
	Service   Service
	OS        string // "" matches any
	Term      Term
	MinVCPU   float64
	MinMemory float64
	// Match, when set, must accept the offer.
	Match func(Offer) bool
}

func (f Fit) matches(o Offer) bool {
	return (f.Provider == "" || o.Provider == f.Provider) &&
		(f.Region == "" || o.Region == f.Region) &&
		o.Service == f.Service && (f.OS == "" || o.OS == f.OS || o.OS == "") &&
		(f.Term == "" || o.Term == f.Term) &&
		o.VCPU >= f.MinVCPU && o.MemoryGiB >= f.MinMemory &&
		(f.Match == nil || f.Match(o))
}

// Cheapest returns the offer with the lowest monthly equivalent among those
// that fit, ties broken by fewer vCPU, less memory, then SKU; ok is false when
// nothing fits.
func (c *Catalog) Cheapest(f Fit) (Offer, bool) {
	var best Offer
	var bestCost decimal.Decimal
	found := false
	for _, o := range c.offers {
		if !f.matches(o) || !o.TierStart.IsZero() {
			continue
		}
		cost := o.MonthlyEquivalent()
		if !found || cost.LessThan(bestCost) || (cost.Equal(bestCost) && less(o, best)) {
			best, bestCost, found = o, cost, true
		}
	}
	return best, found
}

func less(a, b Offer) bool {
	if a.VCPU != b.VCPU {
		return a.VCPU < b.VCPU
	}
	if a.MemoryGiB != b.MemoryGiB {
		return a.MemoryGiB < b.MemoryGiB
	}
	return a.SKU < b.SKU
}

// All returns every offer that fits, including every tier, in catalog order.
func (c *Catalog) All(f Fit) []Offer {
	var out []Offer
	for _, o := range c.offers {
		if f.matches(o) {
			out = append(out, o)
		}
	}
	return out
}

// ProvidersOf returns the providers that have offers of the service, sorted.
func (c *Catalog) ProvidersOf(s Service) []string {
	var out []string
	for _, o := range c.offers {
		if o.Service == s && !slices.Contains(out, o.Provider) {
			out = append(out, o.Provider)
		}
	}
	slices.Sort(out)
	return out
}

// MonthlyEquivalent is the price of one unit-month: hourly prices times
// HoursPerMonth, with upfront fees spread over the term's months.
func (o Offer) MonthlyEquivalent() decimal.Decimal {
	m := o.Amount
	if o.Unit == PerHour {
		m = m.Mul(decimal.NewFromInt(HoursPerMonth))
	}
	if n := o.Term.Months(); n > 0 && o.Upfront.IsPositive() {
		m = m.Add(o.Upfront.Div(decimal.NewFromInt(int64(n))))
	}
	return m
}

// HasAttr reports whether the comma-separated attribute key holds value.
func (o Offer) HasAttr(key, value string) bool {
	for _, v := range strings.Split(o.Attributes[key], ",") {
		if strings.TrimSpace(v) == value {
			return true
		}
	}
	return false
}
