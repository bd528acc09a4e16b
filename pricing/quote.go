package pricing

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Model is a cloud service model an option belongs to.
type Model string

// Service models.
const (
	ModelIaaS Model = "iaas"
	ModelPaaS Model = "paas"
	ModelSaaS Model = "saas"
)

// Need is what a workload asks of an option, in the units of the catalog.
type Need struct {
	Kind           string // workload kind: web_app, crm, ...
	Instances      int
	VCPU           float64 // per instance, after right-sizing
	MemoryGiB      float64 // per instance, after right-sizing
	StorageGB      int
	EgressGBMonth  int
	OS             string
	DatabaseEngine string
	Users          int
	// Tier is the least SaaS plan tier that meets the customisation and data
	// sensitivity needs: basic, standard, premium or enterprise.
	Tier string
}

// Line is one cost line: quantity times unit price, per month.
type Line struct {
	Name      string          `json:"name"`
	Component string          `json:"component"` // compute, storage, network, licence, database, seats
	Quantity  decimal.Decimal `json:"quantity"`
	Unit      Unit            `json:"unit"`
	UnitPrice decimal.Decimal `json:"unit_price"`
	Currency  string          `json:"currency"`
	AsOf      string          `json:"as_of"`
	Source    string          `json:"source"`
	SKU       string          `json:"sku"`
	Monthly   decimal.Decimal `json:"monthly"`
}

// Money is an amount in a currency.
type Money struct {
	Amount   decimal.Decimal `json:"amount"`
	Currency string          `json:"currency"`
}

// Option is one priced way to run a workload.
type Option struct {
	Model        Model  `json:"model"`
	Provider     string `json:"provider"`
	Product      string `json:"product"`
	SKU          string `json:"sku"`
	Region       string `json:"region"`
	Monthly      Money  `json:"monthly"`
	FirstYear    Money  `json:"first_year"`
	HorizonTotal Money  `json:"horizon_total"`
	Lines        []Line `json:"lines"`
	// Complete is false when a price is missing; Missing says which.
	Recommended bool     `json:"recommended"`
	Complete    bool     `json:"complete"`
	Missing     []string `json:"missing"`
}

// line prices quantity units of the offer per month.
func line(name, component string, qty decimal.Decimal, o Offer) Line {
	unitPrice := o.Amount
	if n := o.Term.Months(); n > 0 && o.Upfront.IsPositive() {
		per := o.Upfront.Div(decimal.NewFromInt(int64(n)))
		if o.Unit == PerHour {
			per = per.Div(decimal.NewFromInt(HoursPerMonth))
		}
		unitPrice = unitPrice.Add(per)
	}
	return Line{Name: name, Component: component, Quantity: qty, Unit: o.Unit, UnitPrice: unitPrice,
		Currency: o.Currency, AsOf: o.AsOf.Format("2006-01-02"), Source: o.Source, SKU: o.SKU,
		Monthly: qty.Mul(unitPrice)}
}

// usage converts a per-month quantity of instances into the offer's unit.
func usage(instances int, o Offer) decimal.Decimal {
	q := decimal.NewFromInt(int64(instances))
	if o.Unit == PerHour {
		q = q.Mul(decimal.NewFromInt(HoursPerMonth))
	}
	return q
}

// tiered prices a monthly usage over the tiers of one SKU, one line per tier used.
func tiered(name, component string, use decimal.Decimal, tiers []Offer) []Line {
	slices.SortFunc(tiers, func(a, b Offer) int { return a.TierStart.Cmp(b.TierStart) })
	var out []Line
	for _, t := range tiers {
		if use.LessThanOrEqual(t.TierStart) && !t.TierStart.IsZero() {
			break
		}
		q := use.Sub(t.TierStart)
		if !t.Unbounded && use.GreaterThan(t.TierEnd) {
			q = t.TierEnd.Sub(t.TierStart)
		}
		if q.IsPositive() {
			n := name
			if len(tiers) > 1 {
				n = fmt.Sprintf("%s (from %s)", name, t.TierStart)
			}
			out = append(out, line(n, component, q, t))
		}
	}
	return out
}

// finish totals the option's lines over the horizon.
func (o *Option) finish(horizonYears int) {
	o.Complete = len(o.Missing) == 0
	cur := ""
	total := decimal.Zero
	for _, l := range o.Lines {
		if cur == "" {
			cur = l.Currency
		}
		if l.Currency != cur {
			o.Complete = false
			o.Missing = append(o.Missing, fmt.Sprintf("%s is priced in %s, not %s", l.Name, l.Currency, cur))
			continue
		}
		total = total.Add(l.Monthly)
	}
	if cur == "" {
		cur = "USD"
	}
	o.Monthly = Money{total, cur}
	o.FirstYear = Money{total.Mul(decimal.NewFromInt(12)), cur}
	o.HorizonTotal = Money{total.Mul(decimal.NewFromInt(int64(12 * horizonYears))), cur}
}

func (o *Option) missing(format string, args ...any) {
	o.Missing = append(o.Missing, fmt.Sprintf(format, args...))
}

// tierRank orders SaaS plan tiers.
var tierRank = map[string]int{"basic": 0, "standard": 1, "premium": 2, "enterprise": 3}

// TierFor returns the least SaaS plan tier for a customisation level
// (none, low, medium, high) and data sensitivity (public ... regulated).
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
