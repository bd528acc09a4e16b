package advisor

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

func TestWorkloadResolveRecordsDefaults(t *testing.T) {
	w, err := WorkloadInput{Name: new(" CRM "), Kind: new("web_app"), VCPU: new(8)}.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if w.Name != "CRM" {
		t.Errorf("got name %q, want %q", w.Name, "CRM")
	}
	if w.Assumed("kind") || w.Assumed("vcpu") {
		t.Errorf("got kind or vcpu assumed, want both given: %v", w.Assumptions)
	}
	want := map[string]string{"instances": "1", "memory_gib": "4", "custom_code": "true",
		"developers": "2", "data_sensitivity": "internal", "lock_in_tolerance": "medium", "in_use": "true"}
	got := map[string]string{}
	for _, a := range w.Assumptions {
		if _, ok := want[a.Field]; ok {
			got[a.Field] = a.Value
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("assumptions mismatch (-want +got):\n%s", diff)
	}
	if w.HasCPUUtilization || w.Assumed("avg_cpu_utilization_pct") {
		t.Errorf("got utilisation known or assumed, want it unknown and not assumed")
	}
}

func TestWorkloadResolveDefaultsFollowKind(t *testing.T) {
	w, err := WorkloadInput{Name: new("db"), Kind: new("database")}.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	if w.DatabaseEngine != "postgresql" || w.CustomCode || w.Developers != 0 {
		t.Errorf("got engine %q, custom code %v, developers %d; want postgresql, false, 0",
			w.DatabaseEngine, w.CustomCode, w.Developers)
	}
}

func TestWorkloadResolveErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    WorkloadInput
		field string
		code  string
		args  []string
	}{
		{"empty_name", WorkloadInput{Name: new("  ")}, "name", "required", nil},
		{"missing_name", WorkloadInput{}, "name", "required", nil},
		{"name_too_long", WorkloadInput{Name: new(strings.Repeat("a", 121))}, "name", "too_long", []string{"120"}},
		{"billion_vcpu", WorkloadInput{Name: new("x"), VCPU: new(1_000_000_000)}, "vcpu", "range", []string{"1", "896"}},
		{"zero_instances", WorkloadInput{Name: new("x"), Instances: new(0)}, "instances", "range", []string{"1", "10000"}},
		{"negative_storage", WorkloadInput{Name: new("x"), StorageGB: new(-1)}, "storage_gb", "range", []string{"0", "10000000"}},
		{"nan_memory", WorkloadInput{Name: new("x"), MemoryGiB: new(math.NaN())}, "memory_gib", "range", []string{"0.5", "32768"}},
		{"cpu_over_100pct", WorkloadInput{Name: new("x"), AvgCPUUtilizationPct: new(150.0)},
			"avg_cpu_utilization_pct", "range", []string{"0", "100"}},
		{"unknown_kind", WorkloadInput{Name: new("x"), Kind: new("mainframe")}, "kind", "one_of", Kinds},
		{"unknown_sensitivity", WorkloadInput{Name: new("x"), DataSensitivity: new("secret")},
			"data_sensitivity", "one_of", Sensitivities},
		{"negative_cost", WorkloadInput{Name: new("x"), CurrentMonthlyCost: new(decimal.NewFromInt(-1))},
			"current_monthly_cost", "range", []string{"0", "1000000000000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.in.Resolve()
			checkFieldError(t, err, tc.field, tc.code, tc.args)
		})
	}
}

func TestWorkloadResolveReportsEveryBadField(t *testing.T) {
	_, err := WorkloadInput{Kind: new("mainframe"), VCPU: new(0)}.Resolve()
	var fe FieldErrors
	if !errors.As(err, &fe) || len(fe) != 3 {
		t.Fatalf("got %v, want 3 field errors (name, kind, vcpu)", err)
	}
}

func TestOrganizationResolve(t *testing.T) {
	o, err := OrganizationInput{Name: new("Acme")}.Resolve(pricing.DefaultRates())
	if err != nil {
		t.Fatal(err)
	}
	if o.Geography != "us-east" || o.Currency != "USD" || o.HorizonYears != 3 || !o.EngineerHourlyCost.Equal(decimal.RequireFromString("69.50")) {
		t.Errorf("got %s %s %d years %s an hour, want us-east, USD, 3 years, 69.50 an hour", o.Geography, o.Currency, o.HorizonYears, o.EngineerHourlyCost)
	}
}

func TestOrganizationResolveErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    OrganizationInput
		field string
		code  string
		args  []string
	}{
		{"empty_name", OrganizationInput{Name: new("")}, "name", "required", nil},
		{"unknown_currency", OrganizationInput{Name: new("a"), Currency: new("BTC")}, "currency", "one_of", Currencies},
		{"unknown_geography", OrganizationInput{Name: new("a"), Geography: new("mars")}, "geography", "one_of", Geographies},
		{"horizon_too_long", OrganizationInput{Name: new("a"), HorizonYears: new(9)}, "horizon_years", "range", []string{"1", "5"}},
		{"negative_engineer_cost", OrganizationInput{Name: new("a"), EngineerHourlyCost: new(decimal.NewFromInt(-5))},
			"engineer_hourly_cost", "range", []string{"0", "1000000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.in.Resolve(pricing.DefaultRates())
			checkFieldError(t, err, tc.field, tc.code, tc.args)
		})
	}
}

// checkFieldError asserts that err is FieldErrors matching ErrInvalid with the
// given error for the field.
func checkFieldError(tb testing.TB, err error, field, code string, args []string) {
	tb.Helper()
	if !errors.Is(err, ErrInvalid) {
		tb.Fatalf("got %v, want an error matching ErrInvalid", err)
	}
	var fe FieldErrors
	if !errors.As(err, &fe) {
		tb.Fatalf("got %T, want FieldErrors", err)
	}
	got := fe.For(field)
	if got == nil {
		tb.Fatalf("got %v, want an error for %s", fe, field)
	}
	want := FieldError{Field: field, Code: code, Args: args}
	if diff := cmp.Diff(want, *got); diff != "" {
		tb.Errorf("field error mismatch (-want +got):\n%s", diff)
	}
}
