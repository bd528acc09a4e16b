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
func Quote(n Need, c *Catalog, s Settings) []Option {
	s = s.withDefaults()
	typical := quoteAll(n, c, s)
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
	for _, p := range Providers {
		out = append(out, q.iaas(p))
	}
	out = append(out, q.paasAll()...)
	out = append(out, q.saasAll()...)
	for i := range out {
		noteEstimates(&out[i])
		q.finish(&out[i])
	}
	return out
}

// quoter prices the options of one need under one set of settings.
type quoter struct {
	n Need
	c *Catalog
	s Settings
}
