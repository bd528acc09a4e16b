package advisor

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// Limits on workload answers. They refuse absurd values (10^9 vCPU) while
// allowing the largest real machines.
const (
	MaxNameLen      = 120
	MaxInstances    = 10000
	MaxVCPU         = 896
	MaxMemoryGiB    = 32768
	MaxStorageGB    = 10_000_000
	MaxEgressGB     = 100_000_000
	MaxUsers        = 10_000_000
	MaxDevelopers   = 100_000
	MaxLifetime     = 600
	MaxHorizonYears = 5
	MaxGPUs         = 16
)

// Geographies are the places an organisation can choose to run in, those
// of pricing.Geographies; each registered provider maps them to its regions.
var Geographies = func() []string {
	var out []string
	for _, g := range pricing.Geographies {
		out = append(out, g.ID)
	}
	return out
}()

// Currencies an organisation can display its costs in.
var Currencies = []string{"USD", "EUR", "KRW", "JPY", "GBP"}

// validator collects field errors.
type validator struct{ errs FieldErrors }

func (v *validator) add(field, code string, args ...string) {
	v.errs = append(v.errs, FieldError{Field: field, Code: code, Args: args})
}

func (v *validator) intRange(field string, p *int, def, lo, hi int, out *int, as *[]Assumption) {
	if p == nil {
		*out = def
		*as = append(*as, Assumption{field, strconv.Itoa(def)})
		return
	}
	if *p < lo || *p > hi {
		v.add(field, "range", strconv.Itoa(lo), strconv.Itoa(hi))
	}
	*out = *p
}

func (v *validator) floatRange(field string, p *float64, def, lo, hi float64, out *float64, as *[]Assumption) {
	if p == nil {
		*out = def
		*as = append(*as, Assumption{field, strconv.FormatFloat(def, 'f', -1, 64)})
		return
	}
	if !(*p >= lo && *p <= hi) { // also refuses NaN
		v.add(field, "range", strconv.FormatFloat(lo, 'f', -1, 64), strconv.FormatFloat(hi, 'f', -1, 64))
	}
	*out = *p
}

func (v *validator) enum(field string, p *string, def string, allowed []string, out *string, as *[]Assumption) {
	if p == nil {
		*out = def
		*as = append(*as, Assumption{field, def})
		return
	}
	if !slices.Contains(allowed, *p) {
		v.add(field, "one_of", allowed...)
	}
	*out = *p
}

func (v *validator) boolean(field string, p *bool, def bool, out *bool, as *[]Assumption) {
	if p == nil {
		*out = def
		*as = append(*as, Assumption{field, strconv.FormatBool(def)})
		return
	}
	*out = *p
}

// customCodeKinds are the kinds that are usually software the organisation writes.
var customCodeKinds = []string{"web_app", "api", "batch", "analytics", "gpu_compute", "static_site"}

// Resolve validates the input and applies defaults for the fields left empty.
// It returns FieldErrors (matching ErrInvalid) naming every bad field.
func (in WorkloadInput) Resolve() (Workload, error) {
	var v validator
	var w Workload
	as := &w.Assumptions
	if in.Name == nil || strings.TrimSpace(*in.Name) == "" {
		v.add("name", "required")
	} else {
		w.Name = strings.TrimSpace(*in.Name)
		if n := utf8.RuneCountInString(w.Name); n > MaxNameLen || !utf8.ValidString(w.Name) {
			v.add("name", "too_long", strconv.Itoa(MaxNameLen))
		}
	}
	v.enum("kind", in.Kind, "other", Kinds, &w.Kind, as)
	v.boolean("in_use", in.InUse, true, &w.InUse, as)
	v.intRange("instances", in.Instances, 1, 1, MaxInstances, &w.Instances, as)
	v.intRange("vcpu", in.VCPU, 2, 1, MaxVCPU, &w.VCPU, as)
	v.floatRange("memory_gib", in.MemoryGiB, 4, 0.5, MaxMemoryGiB, &w.MemoryGiB, as)
	v.intRange("storage_gb", in.StorageGB, 50, 0, MaxStorageGB, &w.StorageGB, as)
	v.intRange("egress_gb_month", in.EgressGBMonth, 10, 0, MaxEgressGB, &w.EgressGBMonth, as)
	if in.AvgCPUUtilizationPct != nil {
		w.HasCPUUtilization = true
		v.floatRange("avg_cpu_utilization_pct", in.AvgCPUUtilizationPct, 0, 0, 100, &w.AvgCPUUtilizationPct, as)
	}
	if in.AvgMemoryUtilizationPct != nil {
		w.HasMemoryUtilization = true
		v.floatRange("avg_memory_utilization_pct", in.AvgMemoryUtilizationPct, 0, 0, 100, &w.AvgMemoryUtilizationPct, as)
	}
	v.enum("os", in.OS, "linux", OSes, &w.OS, as)
	dbDefault := ""
	if w.Kind == "database" {
		dbDefault = "postgresql"
	}
	v.enum("database_engine", in.DatabaseEngine, dbDefault, DatabaseEngines, &w.DatabaseEngine, as)
	v.intRange("users", in.Users, 25, 0, MaxUsers, &w.Users, as)
	custom := slices.Contains(customCodeKinds, w.Kind)
	v.boolean("custom_code", in.CustomCode, custom, &w.CustomCode, as)
	devs := 0
	if w.CustomCode {
		devs = 2
	}
	v.intRange("developers", in.Developers, devs, 0, MaxDevelopers, &w.Developers, as)
	v.enum("customization", in.Customization, "low", CustomizationLevel, &w.Customization, as)
	v.boolean("needs_os_control", in.NeedsOSControl, false, &w.NeedsOSControl, as)
	v.enum("data_sensitivity", in.DataSensitivity, "internal", Sensitivities, &w.DataSensitivity, as)
	v.enum("time_to_market", in.TimeToMarket, "normal", TimesToMarket, &w.TimeToMarket, as)
	v.enum("growth", in.Growth, "stable", Growths, &w.Growth, as)
	v.intRange("lifetime_months", in.LifetimeMonths, 36, 1, MaxLifetime, &w.LifetimeMonths, as)
	v.boolean("mobile_access", in.MobileAccess, false, &w.MobileAccess, as)
	collab := w.Kind == "email_collaboration" || w.Kind == "file_sharing"
	v.boolean("collaboration", in.Collaboration, collab, &w.Collaboration, as)
	v.enum("lock_in_tolerance", in.LockInTolerance, "medium", LockInTolerances, &w.LockInTolerance, as)
	// An unanswered sector is general and not counted as an assumption: most
	// workloads are in no regulated sector, and confidence should not drop
	// for a question added after they were answered.
	var none []Assumption
	v.enum("sector", in.Sector, "general", Sectors, &w.Sector, &none)
	v.boolean("end_of_life", in.EndOfLife, false, &w.EndOfLife, as)
	// Answers that only matter for some workloads are defaulted without
	// counting as assumptions elsewhere: they cannot move those verdicts.
	quiet := func(relevant bool) *[]Assumption {
		if relevant {
			return as
		}
		return new([]Assumption)
	}
	v.boolean("code_ownership", in.CodeOwnership, w.CustomCode && w.Developers > 0, &w.CodeOwnership, quiet(w.CustomCode))
	gpu := w.Kind == "gpu_compute"
	gpus := 0
	if gpu {
		gpus = 1
	}
	v.intRange("gpu_count", in.GPUCount, gpus, 0, MaxGPUs, &w.GPUCount, quiet(gpu))
	v.enum("gpu_kind", in.GPUKind, "", GPUKinds, &w.GPUKind, quiet(gpu))
	v.boolean("interruptible", in.Interruptible, false, &w.Interruptible, quiet(gpu || w.Kind == "batch"))
	if c := in.CurrentMonthlyCost; c != nil {
		if c.IsNegative() || c.GreaterThan(decimal.New(1, 12)) {
			v.add("current_monthly_cost", "range", "0", "1000000000000")
		}
		w.CurrentMonthlyCost = c
	}
	if len(v.errs) > 0 {
		return w, v.errs
	}
	return w, nil
}

// Resolve validates the organisation and applies defaults; rates is the
// exchange-rate table used unless the user gave their own (the catalog's,
// pricing.Catalog.Rates).
func (in OrganizationInput) Resolve(rates pricing.Rates) (Organization, error) {
	var v validator
	var o Organization
	var as []Assumption
	if in.Name == nil || strings.TrimSpace(*in.Name) == "" {
		v.add("name", "required")
	} else {
		o.Name = strings.TrimSpace(*in.Name)
		if utf8.RuneCountInString(o.Name) > MaxNameLen || !utf8.ValidString(o.Name) {
			v.add("name", "too_long", strconv.Itoa(MaxNameLen))
		}
	}
	v.enum("geography", in.Geography, "us-east", Geographies, &o.Geography, &as)
	v.enum("currency", in.Currency, DefaultCurrency(o.Geography), Currencies, &o.Currency, &as)
	v.intRange("horizon_years", in.HorizonYears, 3, 1, MaxHorizonYears, &o.HorizonYears, &as)
	v.costSettings(in, rates, &o, &as)
	v.hourlyCost(in.EngineerHourlyCost, &o)
	var none []Assumption // not an answer about the workloads: never an assumption
	v.enum("vat", in.VAT, "none", VATModes, &o.VAT, &none)
	if o.VAT != "none" && o.Currency != "KRW" {
		v.add("vat", "krw_only")
	}
	if len(v.errs) > 0 {
		return o, v.errs
	}
	return o, nil
}

// GeographyCurrency maps the geographies whose readers count in their own
// currency to it; the questionnaire proposes it when one is picked.
var GeographyCurrency = map[string]string{"asia-seoul": "KRW", "asia-tokyo": "JPY"}

// DefaultCurrency is the currency used when none is given: the
// geography's own (GeographyCurrency), else USD.
func DefaultCurrency(geography string) string { return cmp.Or(GeographyCurrency[geography], "USD") }

// hourlyCost sets the engineer hour: the user's figure, or the default of
// the organisation's currency (pricing.DefaultHourlyCost at its rate table),
// so that the default follows the currency chosen.
func (v *validator) hourlyCost(c *decimal.Decimal, o *Organization) {
	if c != nil {
		if c.IsNegative() || c.GreaterThan(decimal.NewFromInt(1_000_000)) {
			v.add("engineer_hourly_cost", "range", "0", "1000000")
		}
		o.EngineerHourlyCost = *c
		o.EngineerHourlyCostBasis = pricing.HourlyCost{Money: pricing.Money{Amount: *c, Currency: o.Currency},
			Basis: pricing.M("price.labour.basis.user")}
		return
	}
	h, ok := pricing.DefaultHourlyCost(o.Currency, o.Rates)
	if !ok {
		v.add("engineer_hourly_cost", "required")
		return
	}
	o.EngineerHourlyCost, o.EngineerHourlyCostBasis = h.Amount, h
}

// Sizings are the right-sizing modes an organisation can choose.
var Sizings = []string{string(pricing.SizingAsIs), string(pricing.SizingPerformance)}

// Bounds of the comfort factor of performance-based sizing.
var (
	MinComfortFactor = decimal.NewFromInt(1)
	MaxComfortFactor = decimal.NewFromInt(3)
)

// costSettings resolves the sizing, comfort factor, commitment, rate table,
// labour and migration estimates (defaults: as is, 1.3, on demand, the
// rates given, pricing.DefaultLabour and pricing.DefaultMigration).
func (v *validator) costSettings(in OrganizationInput, rates pricing.Rates, o *Organization, as *[]Assumption) {
	var sizing, commit string
	v.enum("sizing", in.Sizing, string(pricing.SizingAsIs), Sizings, &sizing, as)
	o.Sizing = pricing.SizingMode(sizing)
	o.ComfortFactor = pricing.DefaultComfortFactor
	if c := in.ComfortFactor; c != nil {
		if c.LessThan(MinComfortFactor) || c.GreaterThan(MaxComfortFactor) {
			v.add("comfort_factor", "range", "1", "3")
		}
		o.ComfortFactor = *c
	}
	v.enum("commitment", in.Commitment, string(pricing.CommitOnDemand), pricing.CommitmentNames(), &commit, as)
	o.Commitment = pricing.Commitment(commit)
	o.Rates = rates
	if in.Rates != nil {
		o.Rates = *in.Rates
		v.rates(o.Rates, o.Currency)
	}
	o.Labour, o.Migration = pricing.DefaultLabour(), pricing.DefaultMigration()
	if in.Labour != nil {
		o.Labour = *in.Labour
	}
	if in.Migration != nil {
		o.Migration = *in.Migration
	}
	lh, mh := o.Labour.Hours(), o.Migration.Hours()
	for _, name := range slices.Sorted(maps.Keys(lh)) {
		v.hours("labour."+name, lh[name])
	}
	for _, name := range slices.Sorted(maps.Keys(mh)) {
		v.hours("migration."+name, mh[name])
	}
}

// MaxHours bounds every editable number of hours or months of an estimate.
var MaxHours = decimal.NewFromInt(10000)

func (v *validator) hours(field string, h decimal.Decimal) {
	if h.IsNegative() || h.GreaterThan(MaxHours) {
		v.add(field, "range", "0", MaxHours.String())
	}
}

// rates checks an edited rate table: a date, a source, the base at 1, the
// display currency and USD present, and every rate positive.
func (v *validator) rates(r pricing.Rates, display string) {
	if _, err := time.Parse("2006-01-02", r.AsOf); err != nil {
		v.add("rates.as_of", "required")
	}
	if strings.TrimSpace(r.Source) == "" {
		v.add("rates.source", "required")
	}
	for _, c := range []string{r.Base, "USD", display} {
		if _, ok := r.Per[c]; !ok {
			v.add("rates.rates."+c, "required")
		}
	}
	for _, c := range slices.Sorted(maps.Keys(r.Per)) {
		x := r.Per[c]
		if !pricing.ValidCurrency(c) {
			v.add("rates.rates", "one_of", Currencies...)
		} else if !x.IsPositive() || x.GreaterThan(decimal.New(1, 9)) || (c == r.Base && !x.Equal(decimal.NewFromInt(1))) {
			v.add("rates.rates."+c, "range", "0", "1000000000")
		}
	}
}
