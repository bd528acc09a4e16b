package advisor

import (
	"errors"
	"strings"
	"testing"

	"cloudadvisor/pricing"
)

func ptr[T any](v T) *T { return &v }

func TestImportMergesByKey(t *testing.T) {
	cat := defaultCatalog(t)
	a, err := NewDraft(DefaultRules(), pricing.DefaultRates(), OrganizationInput{Name: ptr("Estate")})
	if err != nil {
		t.Fatal(err)
	}
	rows := []ImportRow{
		{Line: 2, Source: Source{Key: "uuid-1", Group: "prod"}, Input: WorkloadInput{Name: ptr("vm-1"), VCPU: ptr(2), MemoryGiB: ptr(4.0)}},
		{Line: 3, Source: Source{Key: "uuid-2"}, Input: WorkloadInput{Name: ptr("vm-2"), VCPU: ptr(4)}},
		{Line: 4, Source: Source{Key: "uuid-3"}, Input: WorkloadInput{Name: ptr(""), VCPU: ptr(4)}},
	}
	sum, err := a.Import(DefaultRules(), cat, rows)
	if err != nil || sum.Added != 2 || len(sum.Refused) != 1 || sum.Refused[0].Line != 4 {
		t.Fatalf("first import: got %+v, %v; want 2 added and line 4 refused", sum, err)
	}
	// The user sets a kind by hand; the file is imported again with vm-1 resized.
	if err := a.SetField(DefaultRules(), cat, []string{a.Workloads[0].ID}, "data_sensitivity", "regulated"); err != nil {
		t.Fatal(err)
	}
	rows[0].Input.VCPU = ptr(8)
	sum, err = a.Import(DefaultRules(), cat, rows[:2])
	if err != nil || sum.Added != 0 || sum.Updated != 1 || sum.Unchanged != 1 {
		t.Fatalf("re-import: got %+v, %v; want 1 updated, 1 unchanged, none added", sum, err)
	}
	if len(a.Workloads) != 2 || a.Workloads[0].Workload.VCPU != 8 || a.Workloads[0].Workload.DataSensitivity != "regulated" {
		t.Errorf("got %d workloads, vm-1 %d vCPU %s; want 2, 8 vCPU, the hand-set sensitivity kept",
			len(a.Workloads), a.Workloads[0].Workload.VCPU, a.Workloads[0].Workload.DataSensitivity)
	}
}

func TestSetFieldAllOrNothing(t *testing.T) {
	cat := defaultCatalog(t)
	a, _ := NewDraft(DefaultRules(), pricing.DefaultRates(), OrganizationInput{Name: ptr("Estate")})
	a.Import(DefaultRules(), cat, []ImportRow{{Input: WorkloadInput{Name: ptr("a")}}, {Input: WorkloadInput{Name: ptr("b")}}})
	ids := []string{a.Workloads[0].ID, a.Workloads[1].ID}
	tests := []struct {
		name, field, value string
		wantErr            bool
	}{
		{"unknown enum", "kind", "mainframe", true},
		{"not a number", "vcpu", "many", true},
		{"unknown field", "colour", "red", true},
		{"good", "kind", "crm", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := a.SetField(DefaultRules(), cat, ids, tc.field, tc.value)
			if (err != nil) != tc.wantErr || (err != nil && !errors.Is(err, ErrInvalid)) {
				t.Fatalf("got %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr && a.Workloads[0].Workload.Kind != "other" {
				t.Errorf("a refused bulk edit changed a workload")
			}
		})
	}
	if a.Workloads[0].Workload.Kind != "crm" || a.Workloads[1].Recommendation.Model != SaaS {
		t.Errorf("got kind %s model %s, want crm re-evaluated to saas; reasons %+v", a.Workloads[0].Workload.Kind, a.Workloads[1].Recommendation.Model, a.Workloads[1].Recommendation.Reasons)
	}
}

// TestSetFieldNumberTooLong checks a huge figure is refused by its length,
// before it is parsed, with a too_long error naming the field.
func TestSetFieldNumberTooLong(t *testing.T) {
	cat := defaultCatalog(t)
	a, _ := NewDraft(DefaultRules(), pricing.DefaultRates(), OrganizationInput{Name: ptr("Estate")})
	a.Import(DefaultRules(), cat, []ImportRow{{Input: WorkloadInput{Name: ptr("a")}}})
	tests := []struct{ name, field, value string }{
		{"million-digit decimal", "current_monthly_cost", strings.Repeat("9", 1_000_000)},
		{"long integer", "vcpu", strings.Repeat("1", MaxNumberLen+1)},
		{"long float", "memory_gib", "1." + strings.Repeat("0", MaxNumberLen)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := a.SetField(DefaultRules(), cat, []string{a.Workloads[0].ID}, tc.field, tc.value)
			var fe FieldErrors
			if !errors.As(err, &fe) || fe[0].Field != tc.field || fe[0].Code != "too_long" || fe[0].Args[0] != "64" {
				t.Fatalf("got %v, want %s too_long 64", err, tc.field)
			}
		})
	}
	if err := a.SetField(DefaultRules(), cat, []string{a.Workloads[0].ID}, "vcpu", strings.Repeat("0", MaxNumberLen-1)+"8"); err != nil {
		t.Errorf("a number of exactly %d characters: got %v, want it accepted", MaxNumberLen, err)
	}
}
