package report

import (
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

func money(s string) pricing.Money {
	return pricing.Money{Amount: decimal.RequireFromString(s), Currency: "USD"}
}

// opt is a complete option of 100 a month over 12 months with no migration.
func opt(model pricing.Model, provider, monthly string, recommended bool, current *pricing.Money) pricing.Option {
	m := money(monthly)
	year := pricing.Money{Amount: m.Amount.Mul(decimal.NewFromInt(12)), Currency: "USD"}
	return pricing.Option{Model: model, Provider: provider, Monthly: m, RecurringMonthly: m, FirstYear: year,
		HorizonTotal: year, HorizonMonths: 12, MigrationOneTime: money("0"), Complete: true,
		Recommended: recommended, CurrentMonthly: current}
}

func TestScenarios(t *testing.T) {
	cur := money("300")
	incomplete := opt(pricing.ModelIaaS, "azure", "1", false, &cur)
	incomplete.Complete, incomplete.Missing = false, []pricing.Msg{pricing.M("price.missing.block_storage", "aws", "us-east-1")}
	ws := []Workload{
		{Name: "web", Recommendation: advisor.Recommendation{Model: advisor.PaaS},
			Options: []pricing.Option{opt(pricing.ModelIaaS, "aws", "200", false, &cur), incomplete,
				opt(pricing.ModelPaaS, "aws", "150", true, &cur)}},
		{Name: "mail", Recommendation: advisor.Recommendation{Model: advisor.SaaS},
			Options: []pricing.Option{opt(pricing.ModelIaaS, "aws", "50", false, nil), opt(pricing.ModelSaaS, "slack", "80", true, nil)}},
		{Name: "old", Recommendation: advisor.Recommendation{Model: advisor.Retire}},
	}
	s := scenarios(ws, "USD")
	tests := []struct {
		key             string
		priced, in      int
		monthly         string
		saving          bool
		breakEven       int
		unpricedMissing string
	}{
		{key: "recommended", priced: 2, in: 2, monthly: "230", saving: true, breakEven: 1},
		{key: "cheapest", priced: 2, in: 2, monthly: "200", saving: true, breakEven: 1},
		{key: "iaas-aws", priced: 2, in: 2, monthly: "250", saving: true, breakEven: 1},
		{key: "iaas-azure", priced: 0, in: 2, monthly: "0", unpricedMissing: "price.missing.block_storage(aws, us-east-1)"},
	}
	if len(s) != len(tests) {
		t.Fatalf("got %d scenarios, want %d", len(s), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			got := s[i]
			if got.Key != tt.key || got.Priced != tt.priced || got.Workloads != tt.in {
				t.Fatalf("got %s %d of %d, want %s %d of %d", got.Key, got.Priced, got.Workloads, tt.key, tt.priced, tt.in)
			}
			if !got.Monthly.Amount.Equal(decimal.RequireFromString(tt.monthly)) {
				t.Errorf("got monthly %s, want %s", got.Monthly.Amount, tt.monthly)
			}
			if (got.Saving != nil) != tt.saving {
				t.Fatalf("got saving %v, want present %v", got.Saving, tt.saving)
			}
			if got.Saving != nil && got.Saving.BreakEvenMonth != tt.breakEven {
				t.Errorf("got break-even %d, want %d", got.Saving.BreakEvenMonth, tt.breakEven)
			}
			if tt.unpricedMissing != "" && (len(got.Unpriced) != 2 || got.Unpriced[0].Missing[0].String() != tt.unpricedMissing) {
				t.Errorf("got unpriced %+v, want both with %q first", got.Unpriced, tt.unpricedMissing)
			}
		})
	}
	// Only the web workload has a current cost: the saving compares it alone.
	if sv := s[0].Saving; sv.Workloads != 1 || !sv.Monthly.Amount.Equal(decimal.NewFromInt(150)) {
		t.Errorf("got saving over %d workloads of %s, want 1 of 150", sv.Workloads, sv.Monthly.Amount)
	}
}

func TestWaves(t *testing.T) {
	ws := []Workload{
		{Name: "db", Recommendation: advisor.Recommendation{Model: advisor.PaaS, Strategy: advisor.Replatform}},
		{Name: "vm", Recommendation: advisor.Recommendation{Model: advisor.IaaS, Strategy: advisor.Rehost}},
		{Name: "mail", Recommendation: advisor.Recommendation{Model: advisor.SaaS, Strategy: advisor.Repurchase}},
	}
	got := Waves(ws)
	want := []string{"quick_win:mail", "rehost:vm", "rework:db"}
	if len(got) != len(want) {
		t.Fatalf("got %d waves, want %d", len(got), len(want))
	}
	for i, w := range got {
		if s := w.Reason + ":" + w.Workloads[0]; s != want[i] || w.Number != i+1 {
			t.Errorf("wave %d: got %d %s, want %s", i, w.Number, s, want[i])
		}
	}
}
