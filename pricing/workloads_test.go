package pricing_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/sheet"
)

// defaultCatalog is the embedded default catalog.
func defaultCatalog(tb testing.TB) *pricing.Catalog {
	tb.Helper()
	var offers []pricing.Offer
	for _, s := range defaults.Sheets() {
		if err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
			offers = append(offers, o)
			return nil
		}); err != nil {
			tb.Fatalf("%s: %v", s.Name, err)
		}
	}
	return pricing.NewCatalog(offers)
}

// issue12Workloads are the five everyday workloads of issue 12.
func issue12Workloads() []struct {
	name string
	need pricing.Need
} {
	return []struct {
		name string
		need pricing.Need
	}{
		{"email_calendar_40_users", pricing.Need{Kind: "email_collaboration", Instances: 1, VCPU: 2, MemoryGiB: 4,
			StorageGB: 100, OS: "linux", Users: 40, Tier: "standard", Strategy: "repurchase"}},
		{"windows_erp_sqlserver", pricing.Need{Kind: "erp", Instances: 1, VCPU: 4, MemoryGiB: 16, StorageGB: 500,
			EgressGBMonth: 50, OS: "windows", DatabaseEngine: "sqlserver", Users: 50, Tier: "premium", Strategy: "rehost"}},
		{"custom_web_app", pricing.Need{Kind: "web_app", Instances: 2, VCPU: 2, MemoryGiB: 4, StorageGB: 50,
			EgressGBMonth: 200, OS: "linux", Strategy: "replatform"}},
		{"postgresql_4vcpu_16gib_500gb", pricing.Need{Kind: "database", Instances: 1, VCPU: 4, MemoryGiB: 16,
			StorageGB: 500, OS: "linux", DatabaseEngine: "postgresql", Strategy: "replatform"}},
		{"server_monitoring", pricing.Need{Kind: "monitoring", Instances: 10, VCPU: 2, MemoryGiB: 4, StorageGB: 20,
			OS: "linux", Users: 5, Tier: "standard", Strategy: "repurchase"}},
	}
}

func issue12Settings(geo string, c pricing.Commitment) pricing.Settings {
	return pricing.Settings{Geography: geo, HorizonYears: 3, Commitment: c, Currency: "USD",
		HourlyRate: pricing.Money{Amount: decimal.NewFromInt(75), Currency: "USD"}}
}

// TestIssue12Workloads prices the five workloads in Seoul and us-east on
// demand and under the best commitment with the default catalog, and
// compares a one-line-per-option summary with testdata/golden (go test
// -update rewrites it).
func TestIssue12Workloads(t *testing.T) {
	c := defaultCatalog(t)
	for _, geo := range []string{"asia-seoul", "us-east"} {
		for _, cm := range []pricing.Commitment{pricing.CommitOnDemand, pricing.CommitBest} {
			t.Run(geo+"_"+string(cm), func(t *testing.T) {
				var b strings.Builder
				for _, w := range issue12Workloads() {
					fmt.Fprintf(&b, "## %s\n", w.name)
					for _, o := range pricing.Quote(w.need, c, issue12Settings(geo, cm)) {
						b.WriteString(summary(o))
					}
				}
				for _, ch := range issue12Checks[geo+"/"+string(cm)] {
					checkComponent(t, c, geo, cm, ch)
				}
				path := filepath.Join("testdata", "golden", "issue12_"+geo+"_"+string(cm)+".txt")
				compareText(t, path, b.String())
			})
		}
	}
}

// issue12Check is a component of one option recomputed by hand from the
// published price named beside it.
type issue12Check struct{ workload, option, component, want string }

var issue12Checks = map[string][]issue12Check{
	"asia-seoul/on_demand": {
		// RDS for PostgreSQL db.m6g.xlarge Seoul on demand 0.441/h (AWS RDS pricing data 2025-04-04) + gp3 500 GB × 0.131
		{"postgresql_4vcpu_16gib_500gb", "paas/aws", "database", "387.43"}, // 730 × 0.441 + 65.5
		// t3a.xlarge Seoul Windows 0.2608 vs Linux 0.1872 (AWS EC2 pricing data 2025-04-04): licence shown apart like Azure and GCP
		{"windows_erp_sqlserver", "iaas/aws", "licence", "53.728"}, // 730 × 0.0736
		// GCP: SQL Server 2022 Standard 0.48/h per VM up to 4 vCPU (D971-A939-5735) + Windows licence 4 × 0.046 (e2-standard-4 Windows − Linux)
		{"windows_erp_sqlserver", "iaas/gcp", "licence", "484.72"}, // 730 × (0.48 + 0.184)
		// Azure PostgreSQL flexible GP Ddsv4 koreacentral: Retail Prices API vCore 0.123/h × 4 + Storage Data Stored 500 GB × 0.131
		// (mooncitizen/togen internal/cost/prices/azure.json, 2026-09-06)
		{"postgresql_4vcpu_16gib_500gb", "paas/azure", "database", "424.66"}, // 730 × 0.492 + 65.5
		// Elastic Beanstalk Seoul: ALB 0.0225 per ALB-hour (AWS Price List AWSELB ap-northeast-2, 2026-09-11, as quoted in
		// Softbank-hackathon2026-peony/one-click-deploy-agent docs/research/capabilities/09-network-lb-ingress.md)
		// + egress 100 GB free + 100 GB × 0.126
		{"custom_web_app", "paas/aws", "network", "29.025"}, // 730 × 0.0225 + 12.6
		// RDS for SQL Server Standard, licence included, db.m5.large Single-AZ Seoul 1.004/h + gp3 500 GB × 0.131 (AWS RDS
		// pricing-page data 2025-05-23, iann0036/aws-price-watcher processed/rds-sqlserver-ondemand.json): the ERP's
		// database, smallest class (the ERP is not a database workload), no longer missing
		{"windows_erp_sqlserver", "paas/aws", "database", "798.42"}, // 732.92 + 65.5
	},
	"asia-seoul/best": {
		// 3y partial upfront: 0.1147/h + 3015 upfront over 36 months, storage on demand
		{"postgresql_4vcpu_16gib_500gb", "paas/aws", "database", "232.98100000000000"}, // 83.731 + 83.75 + 65.5
		// GCP e2-standard-2 3y CUD Seoul: 2 × 0.012611889 (E2 Cpu CC4C-59D1-F956) + 8 × 0.001682599 (E2 Ram 71E2-B296-0B74)
		{"custom_web_app", "iaas/gcp", "compute", "56.4794722"}, // 2 instances × 730 h × 0.03868457
		// c5.large Seoul 3y all upfront, ESTIMATE: on demand 0.096 × 949/0.096 = 949 upfront, over 36 months
		{"custom_web_app", "iaas/aws", "compute", "52.7222222222222222"}, // 2 × 949 / 36
	},
	"us-east/on_demand": {
		// db.m6g.xlarge us-east-1 on demand 0.318/h + RDS gp3 500 GB × 0.115
		{"postgresql_4vcpu_16gib_500gb", "paas/aws", "database", "289.64"}, // 232.14 + 57.5
		// RDS for SQL Server Standard db.m5.large Single-AZ us-east-1 0.977/h + gp3 500 GB × 0.115 (same data); was the
		// infracost golden's db.m5.xlarge 1.224, the only SQL Server class the catalog had
		{"windows_erp_sqlserver", "paas/aws", "database", "770.71"}, // 713.21 + 57.5
		// DigitalOcean managed PostgreSQL db-s-6vcpu-16gb 240 a month with 290 GiB included (astorDev blog 2024-05-08,
		// third-party copy of DO's table), the rest of 500 GB as additional storage at 0.21 (DO docs, 17 Jun 2025)
		{"postgresql_4vcpu_16gib_500gb", "paas/digitalocean", "database", "284.1"}, // 240 + 210 × 0.21
		// Azure PostgreSQL flexible Standard_D4ds_v5 eastus, ESTIMATE 2 × the 2-vCore 0.178, + 500 GB × 0.115
		{"postgresql_4vcpu_16gib_500gb", "paas/azure", "database", "317.38"}, // 730 × 0.356 + 57.5
		// 500 GB on one E20 (512 GiB) Standard SSD, ESTIMATE from northeurope 38.4: not a P30 1 TiB at 135.17
		{"postgresql_4vcpu_16gib_500gb", "iaas/azure", "storage", "38.4"},
	},
}

func checkComponent(tb testing.TB, c *pricing.Catalog, geo string, cm pricing.Commitment, ch issue12Check) {
	tb.Helper()
	for _, w := range issue12Workloads() {
		if w.name != ch.workload {
			continue
		}
		for _, o := range pricing.Quote(w.need, c, issue12Settings(geo, cm)) {
			if string(o.Model)+"/"+o.Provider == ch.option {
				if got := o.Components.Get(ch.component); !got.Equal(decimal.RequireFromString(ch.want)) {
					tb.Errorf("%s %s %s: got %s, want %s", ch.workload, ch.option, ch.component, got, ch.want)
				}
				return
			}
		}
	}
	tb.Errorf("%s %s: no such option", ch.workload, ch.option)
}

// summary is one option in a line: what it is, its monthly cost, the terms
// applied, the estimate lines and what is missing.
func summary(o pricing.Option) string {
	status := "complete"
	if !o.Complete {
		var keys []string
		for _, m := range o.Missing {
			keys = append(keys, m.String())
		}
		status = "INCOMPLETE " + strings.Join(keys, "; ")
	}
	var terms []string
	if o.Commitment != nil {
		for _, t := range o.Commitment.Applied {
			terms = append(terms, string(t))
		}
	}
	est := 0
	for _, l := range o.Lines {
		if l.Estimate {
			est++
		}
	}
	return fmt.Sprintf("%s/%s %s | monthly %s | terms %s | estimate lines %d | %s\n", o.Model, o.Provider, o.Product,
		o.Monthly.Amount.StringFixed(2), strings.Join(terms, ","), est, status)
}

func compareText(tb testing.TB, path, got string) {
	tb.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		tb.Errorf("%s differs (-want +got):\n%s", path, d)
	}
}

// TestIssue12CommitmentChangesOrSaysWhy checks the issue's acceptance rule:
// under the best commitment every priced IaaS option of the five workloads
// costs less than on demand, or carries a note saying why it does not.
func TestIssue12CommitmentChangesOrSaysWhy(t *testing.T) {
	c := defaultCatalog(t)
	why := []string{"price.note.commitment_no_price", "price.note.commitment_no_payback", "price.note.commitment_none_cheaper"}
	for _, geo := range []string{"asia-seoul", "us-east"} {
		for _, w := range issue12Workloads() {
			od := pricing.Quote(w.need, c, issue12Settings(geo, pricing.CommitOnDemand))
			best := pricing.Quote(w.need, c, issue12Settings(geo, pricing.CommitBest))
			for i, o := range best {
				if o.Model != pricing.ModelIaaS || o.Commitment == nil {
					continue
				}
				if o.Monthly.Amount.LessThan(od[i].Monthly.Amount) {
					continue
				}
				explained := false
				for _, n := range o.Notes {
					explained = explained || slices.Contains(why, n.Key)
				}
				if !explained {
					t.Errorf("%s %s %s: best %s, on demand %s, and no note says why", geo, w.name, o.Provider,
						o.Monthly.Amount, od[i].Monthly.Amount)
				}
			}
		}
	}
}
