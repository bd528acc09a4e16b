package advisor

import (
	"github.com/shopspring/decimal"

	"slices"
	"strconv"
	"time"

	"cloudadvisor/pricing"
)

// MaxWorkloads is the most workloads one assessment may hold.
const MaxWorkloads = 50_000

// tooManyWorkloads is the field error of an assessment past MaxWorkloads.
func tooManyWorkloads() FieldError {
	return FieldError{Field: "workloads", Code: "too_many", Args: []string{strconv.Itoa(MaxWorkloads)}}
}

// Assessment is an organisation with its assessed workloads.
type Assessment struct {
	ID           string            `json:"id"`
	SessionID    string            `json:"-"`
	CreatedAt    time.Time         `json:"created_at"`
	UpdatedAt    time.Time         `json:"updated_at"`
	OrgInput     OrganizationInput `json:"-"`
	Organization Organization      `json:"organization"`
	Workloads    []Assessed        `json:"workloads"`
	RulesVersion string            `json:"rules_version"`
	// Pricing records the catalog versions the options were priced on and
	// the recommended plan's totals then; PricingHistory holds the earlier
	// pricings, oldest first, kept when the assessment is re-priced.
	Pricing        pricing.Snapshot   `json:"pricing,omitzero"`
	PricingHistory []pricing.Snapshot `json:"pricing_history,omitempty"`
}

// Assessed is one workload with its recommendation and priced options.
type Assessed struct {
	ID             string           `json:"id"` // stable within the assessment
	Input          WorkloadInput    `json:"-"`
	Workload       Workload         `json:"workload"`
	Recommendation Recommendation   `json:"recommendation"`
	Options        []pricing.Option `json:"options"`
	// Source says where an imported workload came from.
	Source Source `json:"source,omitzero"`
	// Estate is what the other workloads contribute to this one's price.
	Estate pricing.Estate `json:"estate,omitzero"`
	// QuoteKey names the priced options: workloads with the same key have
	// the same options but for the recommended mark and the estate's
	// earlier egress their tiers_shared notes state, which
	// pricing.WithEgressFrom(options, Estate.EgressBeforeGB) sets; so a
	// store can keep one copy and each workload's Estate.EgressBeforeGB.
	// Empty when unknown.
	QuoteKey string `json:"-"`
}

// Source identifies an imported workload: Key recognises it when the same
// inventory is imported again; Group is its folder, cluster or application;
// Flags are facts from the file such as powered_off or template.
type Source struct {
	Key   string   `json:"key,omitempty"`
	Group string   `json:"group,omitempty"`
	Tags  []string `json:"tags,omitempty"`
	Flags []string `json:"flags,omitempty"`
}

// Assess validates the organisation and workloads, recommends a model and a
// strategy for each and prices its options from the catalog. It returns
// FieldErrors naming every bad field (workload fields prefixed
// "workloads[i].") and does nothing else when any is bad.
func Assess(rules *Rules, cat *pricing.Catalog, org OrganizationInput, inputs []WorkloadInput) (Assessment, error) {
	a := Assessment{OrgInput: org, RulesVersion: rules.Version()}
	var errs FieldErrors
	o, err := org.Resolve(cat.Rates())
	if fe, ok := err.(FieldErrors); ok {
		errs = append(errs, fe.Prefix("organization.")...)
	}
	a.Organization = o
	if len(inputs) == 0 {
		errs = append(errs, FieldError{Field: "workloads", Code: "required"})
	}
	if len(inputs) > MaxWorkloads {
		errs = append(errs, tooManyWorkloads())
	}
	for i, in := range inputs {
		w, err := in.Resolve()
		if fe, ok := err.(FieldErrors); ok {
			errs = append(errs, fe.Prefix("workloads["+strconv.Itoa(i)+"].")...)
			continue
		}
		a.Workloads = append(a.Workloads, Assessed{Input: in, Workload: w})
	}
	if len(errs) > 0 {
		return a, errs
	}
	evaluateAll(a.Workloads, rules, cat, a.Organization)
	return a, nil
}

func (aw *Assessed) evaluate(rules *Rules, cat *pricing.Catalog, org Organization) {
	aw.evaluateWith(rules, cat, org, org.Settings(), newQuoteCache())
}

// NeedOf is what the workload asks of the cost model: its allocation and
// measured utilisation, the SaaS tier its customisation and sensitivity need,
// the recommended strategy, and its current cost in the organisation's
// currency.
func NeedOf(w Workload, org Organization, s Strategy) pricing.Need {
	n := pricing.Need{Kind: w.Kind, Instances: w.Instances, VCPU: float64(w.VCPU), MemoryGiB: w.MemoryGiB,
		StorageGB: w.StorageGB, EgressGBMonth: w.EgressGBMonth, OS: w.OS, DatabaseEngine: w.DatabaseEngine,
		Users: w.Users, Tier: pricing.TierFor(w.Customization, w.DataSensitivity), Strategy: string(s)}
	if w.HasCPUUtilization {
		n.CPUUtilizationPct = &w.AvgCPUUtilizationPct
	}
	if w.HasMemoryUtilization {
		n.MemoryUtilizationPct = &w.AvgMemoryUtilizationPct
	}
	if c := w.CurrentMonthlyCost; c != nil {
		n.CurrentMonthly = &pricing.Money{Amount: *c, Currency: org.Currency}
	}
	return n
}

// NeedFor is NeedOf the recommended strategy, with what the fired rules ask
// of the pricing: performance sizing for a right-sized workload (flag
// rightsize), its GPUs, and spot GPU capacity (flag spot).
func NeedFor(w Workload, org Organization, rec Recommendation) pricing.Need {
	n := NeedOf(w, org, rec.Strategy)
	n.GPUCount, n.GPUKind = w.GPUCount, w.GPUKind
	n.RightSize = slices.Contains(rec.Flags, FlagRightSize)
	n.Spot = slices.Contains(rec.Flags, FlagSpot)
	return n
}

// Settings are the organisation's choices as the cost model takes them.
func (o Organization) Settings() pricing.Settings {
	return pricing.Settings{Geography: o.Geography, HorizonYears: o.HorizonYears, Sizing: o.Sizing,
		Comfort: o.ComfortFactor, Commitment: o.Commitment, Currency: o.Currency, Rates: o.Rates,
		HourlyRate: pricing.Money{Amount: o.EngineerHourlyCost, Currency: o.Currency},
		Labour:     o.Labour, Migration: o.Migration, VATRate: o.VATRate()}
}

// VATRate is the VAT added to provider charges: Korea's 10% when amounts
// are in KRW with VAT included, else zero.
func (o Organization) VATRate() decimal.Decimal {
	if o.VAT == "included" && o.Currency == "KRW" {
		return pricing.KoreanVAT
	}
	return decimal.Zero
}

// MarkRecommended marks the cheapest complete option of the recommended
// model over the horizon, migration and labour included.
func MarkRecommended(opts []pricing.Option, m pricing.Model) {
	best := -1
	for i, o := range opts {
		if o.Model != m || !o.Complete {
			continue
		}
		// An option a rule flags (data abroad, certification unknown) loses
		// to one with fewer flags, whatever their prices.
		if best < 0 || len(o.Flags) < len(opts[best].Flags) ||
			(len(o.Flags) == len(opts[best].Flags) && o.HorizonTotal.Amount.LessThan(opts[best].HorizonTotal.Amount)) {
			best = i
		}
	}
	if best >= 0 {
		opts[best].Recommended = true
	}
}

// MarkRuledOut records on each option the rules that ruled its model out.
func MarkRuledOut(opts []pricing.Option, excluded map[Model][]string) {
	for i := range opts {
		if ids := excluded[Model(opts[i].Model)]; len(ids) > 0 {
			opts[i].RuledOutBy = slices.Clone(ids)
		}
	}
}

// PricedAt is when the options were last priced in full: the recorded
// pricing's time, else the creation time. The age of the rate table is
// measured from it.
func (a Assessment) PricedAt() time.Time {
	if !a.Pricing.PricedAt.IsZero() {
		return a.Pricing.PricedAt
	}
	return a.CreatedAt
}
