package advisor

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
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
)

// Geographies are the places an organisation can choose to run in; package
// pricing maps each to the nearest region of every provider.
var Geographies = []string{"us-east", "us-west", "eu-west", "eu-central", "asia-seoul", "asia-tokyo", "asia-singapore"}

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
var customCodeKinds = []string{"web_app", "api", "batch", "analytics"}

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

// Resolve validates the organisation and applies defaults.
func (in OrganizationInput) Resolve() (Organization, error) {
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
	v.enum("currency", in.Currency, "USD", Currencies, &o.Currency, &as)
	o.EngineerHourlyCost = decimal.NewFromInt(75)
	if c := in.EngineerHourlyCost; c != nil {
		if c.IsNegative() || c.GreaterThan(decimal.NewFromInt(1_000_000)) {
			v.add("engineer_hourly_cost", "range", "0", "1000000")
		}
		o.EngineerHourlyCost = *c
	}
	v.intRange("horizon_years", in.HorizonYears, 3, 1, MaxHorizonYears, &o.HorizonYears, &as)
	if len(v.errs) > 0 {
		return o, v.errs
	}
	return o, nil
}
