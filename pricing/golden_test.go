package pricing

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func ptr[T any](v T) *T { return &v }

// check is a total computed by hand: the value of what (a component, or
// monthly, first_year, horizon_total, migration, labour, upfront) of the
// option "model/provider".
type check struct {
	option, what, want string
}

type goldenCase struct {
	name   string
	need   Need
	edit   func(*Settings)
	checks []check
}

func webNeed() Need {
	return Need{Kind: "web_app", Instances: 1, VCPU: 2, MemoryGiB: 4, StorageGB: 50, EgressGBMonth: 10, OS: "linux", Strategy: "rehost"}
}

func with(n Need, f func(*Need)) Need { f(&n); return n }

func goldenCases() []goldenCase {
	return []goldenCase{
		{name: "small_web_app_linux", need: webNeed(), checks: []check{
			{"iaas/aws", "compute", "30.368"},      // 730 × 0.0416
			{"iaas/aws", "storage", "4"},           // 50 × 0.08
			{"iaas/aws", "network", "0"},           // 10 GB within the free 100 GB
			{"iaas/aws", "labour", "600"},          // (4 + 4) h × 75
			{"iaas/aws", "migration", "1804.5"},    // (16 + 8) h × 75 + 50 GB × 0.09
			{"iaas/digitalocean", "compute", "24"}, // s-2vcpu-4gb per month
			{"iaas/gcp", "network", "1.08"},        // 9 GB × 0.12 after the free GB
			{"paas/heroku", "compute", "500"},      // Performance-L: Performance-M has 2.5 GiB < 4
			{"paas/aws", "storage", "4"},           // Beanstalk's EBS: 50 × 0.08
			{"paas/aws", "network", "16.425"},      // Beanstalk's load balancer: 730 × 0.0225
		}},
		{name: "two_m5_large_on_demand", need: with(webNeed(), func(n *Need) { n.Instances, n.MemoryGiB, n.StorageGB, n.EgressGBMonth = 2, 8, 100, 500 }),
			checks: []check{
				{"iaas/aws", "compute", "140.16"}, // 2 × 730 × 0.096
				{"iaas/aws", "storage", "16"},     // 2 × 100 × 0.08
				{"iaas/aws", "network", "36"},     // (500 − 100) × 0.09
				{"iaas/azure", "network", "34.8"}, // 400 × 0.087
			}},
		{name: "windows_app_licence_share", need: with(webNeed(), func(n *Need) { n.OS, n.MemoryGiB, n.Instances = "windows", 8, 2 }),
			checks: []check{
				{"iaas/aws", "compute", "140.16"},    // 1460 h × 0.096 (Linux rate)
				{"iaas/aws", "licences", "134.32"},   // 1460 h × (0.188 − 0.096)
				{"iaas/azure", "licences", "134.32"}, // same split on D2s v3
			}},
		{name: "performance_sizing", need: with(webNeed(), func(n *Need) {
			n.VCPU, n.MemoryGiB, n.CPUUtilizationPct, n.MemoryUtilizationPct = 4, 16, ptr(20.0), ptr(30.0)
		}), edit: func(s *Settings) { s.Sizing = SizingPerformance },
			checks: []check{{"iaas/aws", "compute", "70.08"}}}, // 1.04 vCPU, 6.24 GiB → m5.large 730 × 0.096
		{name: "as_is_sizing_of_same_workload", need: with(webNeed(), func(n *Need) {
			n.VCPU, n.MemoryGiB, n.CPUUtilizationPct, n.MemoryUtilizationPct = 4, 16, ptr(20.0), ptr(30.0)
		}), checks: []check{{"iaas/aws", "compute", "140.16"}}}, // m5.xlarge 730 × 0.192
		{name: "reserved_3y_all_upfront_1y_horizon", need: with(webNeed(), func(n *Need) { n.MemoryGiB = 8 }),
			edit: func(s *Settings) { s.Commitment, s.HorizonYears = Commitment(Reserved3yAllUpfront), 1 },
			checks: []check{
				{"iaas/aws", "compute", "26.3611111111111111"}, // 949 / 36
				{"iaas/aws", "upfront", "949"},                 // paid in month 1, within the 1-year horizon
			}},
		{name: "reserved_1y_all_upfront_3y_horizon", need: with(webNeed(), func(n *Need) { n.MemoryGiB, n.Instances = 8, 2 }),
			edit:   func(s *Settings) { s.Commitment = Commitment(Reserved1yAllUpfront) },
			checks: []check{{"iaas/aws", "upfront", "2964"}}}, // 2 × 494 in months 1, 13, 25
		{name: "savings_plan_3y_azure_b1s", need: with(webNeed(), func(n *Need) { n.VCPU, n.MemoryGiB = 1, 1 }),
			edit:   func(s *Settings) { s.Commitment = Commitment(SavingsPlan3y) },
			checks: []check{{"iaas/azure", "compute", "3.4209552"}}}, // 730 × 0.00468624
		{name: "best_commitment", need: with(webNeed(), func(n *Need) { n.MemoryGiB = 8 }),
			edit:   func(s *Settings) { s.Commitment = CommitBest },
			checks: []check{{"iaas/aws", "compute", "26.3611111111111111"}}}, // 3y all upfront is cheapest
		{name: "database_replatform_postgres", need: Need{Kind: "database", Instances: 1, VCPU: 2, MemoryGiB: 8,
			StorageGB: 100, OS: "linux", DatabaseEngine: "postgresql", Strategy: "replatform"},
			checks: []check{
				{"paas/aws", "database", "141.44"}, // 730 × 0.178 + 100 × 0.115
				{"iaas/aws", "compute", "70.08"},   // engine self-run on an m5.large
				{"paas/aws", "labour", "375"},      // (4 + 1) h × 75
			}},
		{name: "web_app_with_postgres_rehost_self_run", need: with(webNeed(), func(n *Need) { n.DatabaseEngine = "postgresql" }),
			checks: []check{{"iaas/aws", "labour", "900"}, {"paas/heroku", "database", "50"}}}, // (4+4+4) h × 75
		{name: "sqlserver_rehost_missing_licence", need: with(webNeed(), func(n *Need) { n.OS, n.MemoryGiB, n.DatabaseEngine = "windows", 8, "sqlserver" })},
		{name: "email_saas_25_users_basic", need: Need{Kind: "email_collaboration", Instances: 1, VCPU: 2, MemoryGiB: 4,
			StorageGB: 100, OS: "linux", Users: 25, Tier: "basic", Strategy: "repurchase"},
			checks: []check{
				{"saas/google", "seats", "180"},         // 25 × 7.20 (monthly billing, on demand)
				{"saas/google", "labour", "243.75"},     // (2 + 25 × 0.05) h × 75
				{"saas/google", "migration", "5352.75"}, // (40 + 25 × 0.25 + 25 × 1) h × 75 + 100 GB × 0.09
			}},
		{name: "email_saas_annual_commitment", need: Need{Kind: "email_collaboration", Instances: 1, VCPU: 2, MemoryGiB: 4,
			StorageGB: 100, OS: "linux", Users: 25, Tier: "basic", Strategy: "repurchase"},
			edit:   func(s *Settings) { s.Commitment = CommitBest },
			checks: []check{{"saas/google", "seats", "150"}}}, // 25 × 6 annual
		{name: "file_sharing_storage_add_on", need: Need{Kind: "file_sharing", Instances: 1, VCPU: 2, MemoryGiB: 4,
			StorageGB: 30000, OS: "linux", Users: 10, Tier: "standard", Strategy: "repurchase"},
			checks: []check{{"saas/microsoft", "storage", "3952"}}}, // (30000 − 10 × 1024) × 0.20
		{name: "crm_regulated_enterprise", need: Need{Kind: "crm", Instances: 2, VCPU: 4, MemoryGiB: 16, StorageGB: 200,
			EgressGBMonth: 50, OS: "linux", Users: 50, Tier: "enterprise", Strategy: "repurchase"},
			checks: []check{{"saas/salesforce", "seats", "8250"}}}, // 50 × 165
		{name: "monitoring_per_host", need: Need{Kind: "monitoring", Instances: 10, VCPU: 2, MemoryGiB: 4, StorageGB: 20,
			OS: "linux", Users: 5, Tier: "standard", Strategy: "repurchase"},
			checks: []check{{"saas/datadog", "seats", "180"}}}, // 10 hosts × 18
		{name: "eur_display_currency", need: webNeed(), edit: func(s *Settings) {
			s.Currency, s.HourlyRate = "EUR", Money{decimal.NewFromInt(70), "EUR"}
		}, checks: []check{{"iaas/digitalocean", "compute", "22.4194301728164408"}}}, // 24 × (1 / 1.0705 to 16 places)
		{name: "current_cost_break_even", need: with(webNeed(), func(n *Need) { n.CurrentMonthly = &Money{decimal.NewFromInt(1500), "USD"} }),
			checks: []check{{"iaas/aws", "break_even", "4"}}}, // 1804.5 + 1500 dual run + 634.368 m < 1500 m from m = 4
		{name: "heroku_eco_for_tiny_app", need: with(webNeed(), func(n *Need) { n.VCPU, n.MemoryGiB, n.StorageGB = 1, 0.5, 0 }),
			checks: []check{{"paas/heroku", "compute", "5"}}},
		{name: "too_large_for_any_instance", need: with(webNeed(), func(n *Need) { n.VCPU, n.MemoryGiB = 64, 512 })},
		{name: "eu_west_has_no_prices", need: webNeed(), edit: func(s *Settings) { s.Geography = "eu-west" }},
	}
}

func TestQuoteGolden(t *testing.T) {
	c := testCatalog(t)
	for _, tc := range goldenCases() {
		t.Run(tc.name, func(t *testing.T) {
			s := testSettings()
			if tc.edit != nil {
				tc.edit(&s)
			}
			opts := Quote(tc.need, c, s)
			for _, ch := range tc.checks {
				if got := value(t, opts, ch.option, ch.what); !got.Equal(decimal.RequireFromString(ch.want)) {
					t.Errorf("%s %s: got %s, want %s", ch.option, ch.what, got, ch.want)
				}
			}
			compareGolden(t, filepath.Join("testdata", "golden", tc.name+".json"), opts)
		})
	}
}

// value returns the hand-checked quantity of an option.
func value(tb testing.TB, opts []Option, key, what string) decimal.Decimal {
	tb.Helper()
	for _, o := range opts {
		if string(o.Model)+"/"+o.Provider != key {
			continue
		}
		switch what {
		case "monthly":
			return o.Monthly.Amount
		case "migration":
			return o.MigrationOneTime.Amount
		case "break_even":
			return decimal.NewFromInt(int64(o.BreakEvenMonth))
		case "upfront":
			sum := decimal.Zero
			for _, p := range o.Upfronts {
				sum = sum.Add(p.Amount.Amount)
			}
			return sum
		case "licences":
			return o.Components.Licences
		}
		return o.Components.Get(what)
	}
	tb.Fatalf("no option %s", key)
	return decimal.Zero
}

func compareGolden(tb testing.TB, path string, v any) {
	tb.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}
