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
	// monthly caches each offer's MonthlyEquivalent, the key of Cheapest.
	monthly []decimal.Decimal
	// byService indexes offers by service, then by provider and by
	// "provider|term" ("" holds all of the service).
	byService map[Service]map[string][]int
	// variants indexes offers by variantKey, for committed prices of a product.
	variants map[variantKey]int
	// cheap indexes the offers of a service without tiers by
	// "provider|term|region", cheapest first in Cheapest's order, so
	// Cheapest stops at the first fit however large the catalog.
	cheap map[Service]map[string][]int
	// held records every "provider|region" with at least one offer.
	held map[string]bool
	// rates is the table conversions use (CurrentRates of the offers).
	rates Rates
	// egressBounds are the egress ladders' tier bounds (see EgressClass).
	egressBounds []decimal.Decimal
}

type variantKey struct {
	provider, region string
	service          Service
	name, os         string
	// engine, deployment and edition tell apart products of one name:
	// db.m5.xlarge for PostgreSQL and for MySQL, Single-AZ and Multi-AZ,
	// SQL Server Standard and Web.
	engine, deployment, edition string
	term                        Term
}

func keyOf(o Offer, t Term) variantKey {
	return variantKey{o.Provider, o.Region, o.Service, o.Name, o.OS,
		o.Attributes["engine"], o.Attributes["deployment"], o.Attributes["edition"], t}
}

// Rates returns the exchange-rate table of the catalog: the newest one its
// exchange-rate records hold when dated after the embedded table, else the
// embedded table. The caller may edit the copy.
func (c *Catalog) Rates() Rates { return c.rates.Clone() }

// NewCatalog returns a catalog over the offers.
func NewCatalog(offers []Offer) *Catalog {
	c := &Catalog{offers: offers, monthly: make([]decimal.Decimal, len(offers)),
		byService: map[Service]map[string][]int{}, variants: map[variantKey]int{}, cheap: map[Service]map[string][]int{},
		held: map[string]bool{}, rates: CurrentRates(offers), egressBounds: egressBounds(offers)}
	for i, o := range offers {
		c.monthly[i] = o.MonthlyEquivalent()
		c.held[o.Provider+"|"+o.Region] = true
		m := c.byService[o.Service]
		if m == nil {
			m = map[string][]int{}
			c.byService[o.Service] = m
		}
		m[""] = append(m[""], i)
		m[o.Provider] = append(m[o.Provider], i)
		m[o.Provider+"|"+string(o.Term)] = append(m[o.Provider+"|"+string(o.Term)], i)
		if o.TierStart.IsZero() {
			if _, dup := c.variants[keyOf(o, o.Term)]; !dup {
				c.variants[keyOf(o, o.Term)] = i
			}
			ch := c.cheap[o.Service]
			if ch == nil {
				ch = map[string][]int{}
				c.cheap[o.Service] = ch
			}
			k := cheapKey(o.Provider, o.Term, o.Region)
			ch[k] = append(ch[k], i)
		}
	}
	for _, ch := range c.cheap {
		for _, idx := range ch {
			slices.SortStableFunc(idx, func(a, b int) int {
				if cmp := c.monthly[a].Cmp(c.monthly[b]); cmp != 0 {
					return cmp
				}
				switch {
				case less(&c.offers[a], &c.offers[b]):
					return -1
				case less(&c.offers[b], &c.offers[a]):
					return 1
				}
				return 0
			})
		}
	}
	return c
}

func cheapKey(provider string, term Term, region string) string {
	return provider + "|" + string(term) + "|" + region
}

// candidates are the indexes of the offers of the fit's service, provider
// and, when both are set, term.
func (c *Catalog) candidates(f Fit) []int {
	if f.Provider != "" && f.Term != "" {
		return c.byService[f.Service][f.Provider+"|"+string(f.Term)]
	}
	return c.byService[f.Service][f.Provider]
}

// variant returns the offer of the same product as o under term t.
func (c *Catalog) variant(o Offer, t Term) (Offer, bool) {
	i, ok := c.variants[keyOf(o, t)]
	if !ok {
		return Offer{}, false
	}
	return c.offers[i], true
}

// Holds reports whether the catalog has any offer of the provider in the region.
func (c *Catalog) Holds(provider, region string) bool { return c.held[provider+"|"+region] }

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

func (f *Fit) matches(o *Offer) bool {
	return (f.Provider == "" || o.Provider == f.Provider) &&
		(f.Region == "" || o.Region == f.Region) &&
		o.Service == f.Service && (f.OS == "" || o.OS == f.OS || o.OS == "") &&
		(f.Term == "" || o.Term == f.Term) &&
		o.VCPU >= f.MinVCPU && o.MemoryGiB >= f.MinMemory &&
		(f.Match == nil || f.Match(*o))
}

// Cheapest returns the offer with the lowest monthly equivalent among those
// that fit, ties broken by fewer vCPU, less memory, then SKU; ok is false when
// nothing fits.
func (c *Catalog) Cheapest(f Fit) (Offer, bool) {
	if f.Provider != "" && f.Term != "" && f.Region != "" {
		// Cheapest first: the first that fits is the answer.
		for _, i := range c.cheap[f.Service][cheapKey(f.Provider, f.Term, f.Region)] {
			if o := &c.offers[i]; f.matches(o) {
				return *o, true
			}
		}
		return Offer{}, false
	}
	best := -1
	for _, i := range c.candidates(f) {
		o := &c.offers[i]
		if !o.TierStart.IsZero() || !f.matches(o) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		if cmp := c.monthly[i].Cmp(c.monthly[best]); cmp < 0 || (cmp == 0 && less(o, &c.offers[best])) {
			best = i
		}
	}
	if best < 0 {
		return Offer{}, false
	}
	return c.offers[best], true
}

func less(a, b *Offer) bool {
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
	for _, i := range c.candidates(f) {
		if o := &c.offers[i]; f.matches(o) {
			out = append(out, *o)
		}
	}
	return out
}

// ProvidersOf returns the providers that have offers of the service, sorted.
func (c *Catalog) ProvidersOf(s Service) []string {
	var out []string
	for p := range c.byService[s] {
		if p != "" && !strings.Contains(p, "|") {
			out = append(out, p)
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
