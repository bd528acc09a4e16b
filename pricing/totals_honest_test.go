package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

// A total that cannot price every workload says "N of M", names what each
// left-out workload lacks, and shows no saving.
func TestTotalsSayNOfMAndNameGaps(t *testing.T) {
	cur := &Money{decimal.NewFromInt(1000), "USD"}
	ok := func(m Model, amount int64) Option {
		return Option{Model: m, Complete: true, Recommended: true, Monthly: Money{decimal.NewFromInt(amount), "USD"},
			HorizonTotal: Money{decimal.NewFromInt(amount * 12), "USD"}, CurrentMonthly: cur}
	}
	gap := Option{Model: ModelPaaS, Missing: []Msg{M("price.missing.database", "postgresql", "aws", "ap-northeast-2")}}
	tests := []struct {
		name      string
		workloads [][]Option
		covered   int
		of        int
		gaps      int
		savings   string
	}{
		{"complete", [][]Option{{ok(ModelSaaS, 300)}, {ok(ModelPaaS, 200)}}, 2, 2, 0, "1500"},
		{"one_missing", [][]Option{{ok(ModelSaaS, 300)}, {gap}}, 1, 2, 1, ""},
		{"retired_not_counted", [][]Option{{ok(ModelSaaS, 300)}, {}}, 1, 1, 0, "700"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mix := Summarize(tt.workloads, "USD").Mix
			if mix.Workloads != tt.covered || mix.Of != tt.of || len(mix.Gaps) != tt.gaps {
				t.Errorf("got %d of %d with %d gaps, want %d of %d with %d", mix.Workloads, mix.Of, len(mix.Gaps), tt.covered, tt.of, tt.gaps)
			}
			if got := mix.Coverage(); got.Key != "price.total.coverage" {
				t.Errorf("got coverage %s, want price.total.coverage", got)
			}
			switch {
			case tt.savings == "" && mix.SavingsMonthly != nil:
				t.Errorf("got savings %s on a partial total, want none", mix.SavingsMonthly.Amount)
			case tt.savings != "" && (mix.SavingsMonthly == nil || mix.SavingsMonthly.Amount.String() != tt.savings):
				t.Errorf("got savings %v, want %s", mix.SavingsMonthly, tt.savings)
			}
			if tt.gaps > 0 && (mix.Gaps[0].Index != 1 || mix.Gaps[0].Missing[0].Key != "price.missing.database") {
				t.Errorf("got gap %+v, want workloads[1] missing its database price", mix.Gaps[0])
			}
		})
	}
}

// The 100 GB free egress is one allowance per account: a workload whose
// predecessors already send 100 GB pays from the first GB. AWS us-east-1:
// 0-100 GB free, then 0.09 USD/GB. 50 GB after 80 GB: 20 GB free + 30 GB × 0.09 = 2.70.
func TestTieredFromSharesTheFreeTier(t *testing.T) {
	tiers := []Offer{
		{SKU: "dto", TierStart: decimal.Zero, TierEnd: decimal.NewFromInt(100), Amount: decimal.Zero, Currency: "USD", Unit: PerGB},
		{SKU: "dto", TierStart: decimal.NewFromInt(100), TierEnd: decimal.NewFromInt(10240), Amount: decimal.RequireFromString("0.09"), Currency: "USD", Unit: PerGB},
	}
	tests := []struct {
		name      string
		from, use int64
		want      string
	}{
		{"first_workload", 0, 50, "0"},
		{"straddles", 80, 50, "2.7"},
		{"after_allowance", 100, 50, "4.5"},
		{"alone_over", 0, 200, "9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum := decimal.Zero
			for _, l := range tieredFrom(M("price.line.egress"), CompNetwork, decimal.NewFromInt(tt.from), decimal.NewFromInt(tt.use), tiers) {
				sum = sum.Add(l.Monthly)
			}
			if sum.String() != tt.want {
				t.Errorf("got %s USD, want %s", sum, tt.want)
			}
		})
	}
}
