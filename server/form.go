package server

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// form decodes submitted values into inputs: an empty value is nil (the field
// was left empty and gets a default); a value that is not of the field's type
// is a field error.
type form struct {
	values url.Values
	errs   advisor.FieldErrors
}

func (f *form) get(name string) string {
	vs := f.values[name]
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[len(vs)-1]) // checkboxes post a hidden "false" first, then "true"
}

func (f *form) str(name string) *string {
	if v := f.get(name); v != "" {
		return &v
	}
	return nil
}

// number is the value of a numeric field, "" when it is empty or too long
// to parse (a too_long error is then recorded).
func (f *form) number(name string) string {
	v := f.get(name)
	if fe := advisor.CheckNumberLen(name, v); fe != nil {
		f.errs = append(f.errs, *fe)
		return ""
	}
	return v
}

func (f *form) int(name string) *int {
	v := f.number(name)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.errs = append(f.errs, advisor.FieldError{Field: name, Code: "integer"})
		return nil
	}
	return &n
}

func (f *form) float(name string) *float64 {
	v := f.number(name)
	if v == "" {
		return nil
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		f.errs = append(f.errs, advisor.FieldError{Field: name, Code: "number"})
		return nil
	}
	return &n
}

func (f *form) decimal(name string) *decimal.Decimal {
	v := f.number(name)
	if v == "" {
		return nil
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		f.errs = append(f.errs, advisor.FieldError{Field: name, Code: "number"})
		return nil
	}
	return &d
}

func (f *form) bool(name string) *bool {
	switch f.get(name) {
	case "":
		return nil
	case "true", "on", "yes":
		b := true
		return &b
	}
	b := false
	return &b
}

// organization decodes the organisation fields named prefix + field; rates
// typed by the user override those of the table given.
func (f *form) organization(prefix string, rates pricing.Rates) advisor.OrganizationInput {
	in := advisor.OrganizationInput{
		Name: f.str(prefix + "name"), Geography: f.str(prefix + "geography"), Currency: f.str(prefix + "currency"),
		EngineerHourlyCost: f.decimal(prefix + "engineer_hourly_cost"), HorizonYears: f.int(prefix + "horizon_years"),
	}
	f.costSettings(&in, rates)
	return in
}

// workload decodes the workload fields named prefix + field.
func (f *form) workload(prefix string) advisor.WorkloadInput {
	p := func(s string) string { return prefix + s }
	return advisor.WorkloadInput{
		Name: f.str(p("name")), Kind: f.str(p("kind")), InUse: f.bool(p("in_use")), Instances: f.int(p("instances")),
		VCPU: f.int(p("vcpu")), MemoryGiB: f.float(p("memory_gib")), StorageGB: f.int(p("storage_gb")),
		EgressGBMonth: f.int(p("egress_gb_month")), AvgCPUUtilizationPct: f.float(p("avg_cpu_utilization_pct")),
		AvgMemoryUtilizationPct: f.float(p("avg_memory_utilization_pct")), OS: f.str(p("os")),
		DatabaseEngine: noneToEmpty(f.str(p("database_engine"))), Users: f.int(p("users")), Developers: f.int(p("developers")),
		CustomCode: f.bool(p("custom_code")), Customization: f.str(p("customization")),
		NeedsOSControl: f.bool(p("needs_os_control")), DataSensitivity: f.str(p("data_sensitivity")),
		TimeToMarket: f.str(p("time_to_market")), Growth: f.str(p("growth")), LifetimeMonths: f.int(p("lifetime_months")),
		MobileAccess: f.bool(p("mobile_access")), Collaboration: f.bool(p("collaboration")),
		LockInTolerance: f.str(p("lock_in_tolerance")), Sector: f.str(p("sector")), CurrentMonthlyCost: f.decimal(p("current_monthly_cost")),
		EndOfLife: f.bool(p("end_of_life")), CodeOwnership: f.bool(p("code_ownership")), GPUCount: f.int(p("gpu_count")),
		GPUKind: f.str(p("gpu_kind")), Interruptible: f.bool(p("interruptible")),
	}
}

// database_engine "none" in a form means no database.
func noneToEmpty(p *string) *string {
	if p != nil && *p == "none" {
		e := ""
		return &e
	}
	return p
}

var indexRE = regexp.MustCompile(`\[\d+\]`)

// fieldMessage is the user's text for a field error: the field's label and
// what is allowed.
func fieldMessage(ctx context.Context, fe advisor.FieldError) string {
	base := fe.Field
	if i := strings.LastIndex(base, "."); i >= 0 {
		base = base[i+1:]
	}
	base = indexRE.ReplaceAllString(base, "")
	if strings.HasPrefix(fe.Field, "organization.") && base == "name" {
		base = "org_name"
	}
	if group := orgGroup(fe.Field); group != "" {
		_, sub, _ := strings.Cut(fe.Field, "."+group+".")
		label := i18n.Tc(ctx, "field."+group+".label")
		if i18n.Has("est." + group + "." + sub) {
			label += " — " + i18n.Tc(ctx, "est."+group+"."+sub)
		}
		return label + ": " + i18n.Tc(ctx, "error.field."+fe.Code, argsOf(fe)...)
	}
	label := i18n.Tc(ctx, "field."+base+".label")
	if !i18n.Has("field." + base + ".label") {
		label = base
	}
	return label + ": " + i18n.Tc(ctx, "error.field."+fe.Code, argsOf(fe)...)
}

// argsOf formats a field error's arguments for its message.
func argsOf(fe advisor.FieldError) []any {
	args := fe.Args
	if fe.Code == "one_of" {
		shown := make([]string, len(args))
		for i, a := range args {
			shown[i] = strconv.Quote(a)
		}
		args = []string{strings.Join(shown, ", ")}
	}
	anys := make([]any, len(args))
	for i, a := range args {
		anys[i] = a
	}
	return anys
}

// fieldMessages maps each bad field to its message (the first per field).
func fieldMessages(ctx context.Context, errs advisor.FieldErrors) map[string]string {
	m := map[string]string{}
	for _, fe := range errs {
		if _, ok := m[fe.Field]; !ok {
			m[fe.Field] = fieldMessage(ctx, fe)
		}
	}
	return m
}

// orgGroup is the label key of a field inside a group of the organisation's
// estimates (labour, migration, rates), or "".
func orgGroup(field string) string {
	for _, g := range []string{"labour", "migration", "rates"} {
		if strings.Contains(field, "."+g+".") {
			return g
		}
	}
	return ""
}
