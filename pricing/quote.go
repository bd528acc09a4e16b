package pricing

import (
	"github.com/shopspring/decimal"
)

// Need is what a workload asks of an option, in the units of the catalog.
type Need struct {
	Kind      string  // workload kind: web_app, crm, ...
	Instances int     // servers the workload runs on today
	VCPU      float64 // allocated per instance
	MemoryGiB float64 // allocated per instance
	// CPUUtilizationPct and MemoryUtilizationPct are measured averages in
	// percent of the allocation, nil when not measured.
	CPUUtilizationPct    *float64
	MemoryUtilizationPct *float64
	StorageGB            int // per instance
	EgressGBMonth        int
	OS                   string
	DatabaseEngine       string
	Users                int
	// Tier is the least SaaS plan tier that meets the customisation and data
	// sensitivity needs: basic, standard, premium or enterprise (see TierFor).
	Tier string
	// Strategy is the recommended migration strategy: rehost, replatform,
	// refactor, repurchase, retain (see strategyFor).
	Strategy string
	// CurrentMonthly is what the workload costs today, nil when unknown.
	CurrentMonthly *Money
	// RightSize prices the need on its measured use (performance sizing)
	// whatever the organisation's sizing: it is in use but oversized.
	RightSize bool
	// GPUCount and GPUKind ("" any) ask for GPU machines; Spot prices them
	// on interruptible capacity where a spot price exists.
	GPUCount int
	GPUKind  string
	Spot     bool
	// Estate is what the rest of the estate contributes (see Estate).
	Estate Estate
}

// Settings are the organisation-wide choices that price every workload.
type Settings struct {
	Geography    string
	HorizonYears int
	Sizing       SizingMode      // "" is as is
	Comfort      decimal.Decimal // zero is DefaultComfortFactor
	Commitment   Commitment      // "" is on demand
	Currency     string          // display currency; "" is USD
	Rates        Rates           // empty is DefaultRates
	HourlyRate   Money           // engineer cost of one hour
	Labour       LabourDefaults  // zero is DefaultLabour
	Migration    MigrationDefaults
	// VATRate is added to taxable lines (KoreanVAT when the organisation
	// shows amounts with VAT); zero shows them without.
	VATRate decimal.Decimal
}

// withDefaults fills the settings left empty.
func (s Settings) withDefaults() Settings {
	if s.Sizing == "" {
		s.Sizing = SizingAsIs
	}
	if s.Commitment == "" {
		s.Commitment = CommitOnDemand
	}
	if s.Currency == "" {
		s.Currency = "USD"
	}
	if s.Rates.Per == nil {
		s.Rates = DefaultRates()
	}
	if s.HorizonYears <= 0 {
		s.HorizonYears = 1
	}
	if s.Labour.IaaSPerInstance.Reason == "" {
		s.Labour = DefaultLabour()
	}
	if s.Migration.Rehost.PerWorkload.Reason == "" {
		s.Migration = DefaultMigration()
	}
	if s.HourlyRate.Currency == "" {
		s.HourlyRate.Currency = s.Currency
	}
	return s
}

// Quote prices every option for the need: IaaS on each infrastructure
// provider, PaaS on each platform (managed databases alone for a database
// workload), and SaaS from each vendor whose product serves the workload's
// kind. Options with a missing price are kept, marked incomplete with what
// is missing, never priced as zero.
//
// Each option carries a Range of its monthly cost: Typical is the option as
// priced with the settings; Low re-prices it with the cheapest commitment
// each price offers (CommitBest) and performance-based sizing; High with on
// demand, sizing as is, and labour hours +25%. Low is never above Typical and
// High never below it (performance sizing of a busy machine can ask for more
// than its allocation).
//
// A need flagged RightSize is priced with performance sizing in Typical and
// Low whatever the settings say, and says so in a note; High stays as is.
func Quote(n Need, c *Catalog, s Settings) []Option {
	s = s.withDefaults()
	if n.RightSize {
		s.Sizing = SizingPerformance
	}
	typical := quoteAll(n, c, s)
	if n.RightSize {
		for i := range typical {
			if typical[i].Sizing != nil {
				typical[i].note("right-sized: it is in use but its measured use is low, so it is priced on a smaller machine (measured use × comfort factor); check month-end and seasonal peaks before buying")
			}
		}
	}
	low := s
	low.Commitment, low.Sizing = CommitBest, SizingPerformance
	high := s
	high.Commitment, high.Sizing, high.Labour = CommitOnDemand, SizingAsIs, s.Labour.Scaled(decimal.RequireFromString("1.25"))
	lows, highs := quoteAll(n, c, low), quoteAll(n, c, high)
	for i := range typical {
		t := typical[i].Monthly
		r := Range{Low: t, Typical: t, High: t}
		if l, ok := find(lows, typical[i]); ok && l.Complete && l.Monthly.Amount.LessThan(t.Amount) {
			r.Low = l.Monthly
		}
		if h, ok := find(highs, typical[i]); ok && h.Complete && h.Monthly.Amount.GreaterThan(t.Amount) {
			r.High = h.Monthly
		}
		typical[i].Range = &r
	}
	return typical
}

func find(opts []Option, o Option) (Option, bool) {
	for _, x := range opts {
		if x.Model == o.Model && x.Provider == o.Provider {
			return x, true
		}
	}
	return Option{}, false
}

// quoteAll prices every option with one set of settings.
func quoteAll(n Need, c *Catalog, s Settings) []Option {
	var out []Option
	q := quoter{n: n, c: c, s: s}
	for _, p := range Providers() {
		if !Offered(s.Geography, p) {
			continue // listed apart by NotOffered, never as an incomplete option
		}
		if o, ok := q.notPriced(p); ok {
			out = append(out, o)
			continue
		}
		out = append(out, q.iaas(p))
	}
	switch {
	case n.GPUCount > 0:
		// No application platform or product priced here sells GPUs.
	case n.Kind == "static_site":
		out = append(out, q.staticAll()...)
	case n.Kind == "data_warehouse":
		out = append(out, q.warehouseAll()...)
	default:
		out = append(out, q.paasAll()...)
		out = append(out, q.saasAll()...)
	}
	for i := range out {
		noteEstimates(&out[i])
		q.finish(&out[i])
		out[i].Country = Country(out[i].Provider, out[i].Region)
		out[i].noteLatency(s.Geography)
	}
	return out
}

// notPriced is the option of a provider whose prices the catalog does not
// hold at all in the region, when its registry entry says why (no price API,
// no catalog imported): one missing reason instead of a missing line each.
func (q quoter) notPriced(provider string) (Option, bool) {
	p, _ := Lookup(provider)
	region, _ := Region(q.s.Geography, provider)
	if p.NotPriced == "" || q.c.Holds(provider, region) {
		return Option{}, false
	}
	opt := Option{Model: ModelIaaS, Provider: provider, Region: region, Availability: NotPriced,
		Strategy: strategyFor(ModelIaaS, q.n.Strategy)}
	opt.missing(p.NotPriced, Ref("provider."+provider), RegionRef(region))
	return opt, true
}

// quoter prices the options of one need under one set of settings.
type quoter struct {
	n Need
	c *Catalog
	s Settings
}
