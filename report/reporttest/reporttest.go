// Package reporttest provides a fixed catalog and assessment for the
// report's tests and the server's export tests: real published list prices
// (as in the pricing package's golden tests), a Korean organisation name,
// a workload with known current costs, one proposed for retirement, one
// whose name looks like a spreadsheet formula, and an option left
// incomplete by a missing price.
package reporttest

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// AsOf is the as-of date of every fixture price.
var AsOf = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// Created is the fixed creation time of the fixture assessment.
var Created = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// OrgName is the fixture organisation's name.
const OrgName = "한빛 Cloud 주식회사"

const (
	srcAWS    = "https://aws.amazon.com/ec2/pricing/on-demand/"
	srcRDS    = "https://aws.amazon.com/rds/postgresql/pricing/"
	srcAzure  = "https://prices.azure.com/api/retail/prices"
	srcGCP    = "https://cloud.google.com/compute/all-pricing"
	srcDO     = "https://www.digitalocean.com/pricing"
	srcHeroku = "https://www.heroku.com/pricing"
	srcSaaS   = "vendor pricing page"
)

// off builds an offer from "provider service region name os vcpu mem term unit price upfront".
func off(spec, source string, attrs ...string) pricing.Offer {
	f := strings.Fields(spec)
	num := func(s string) float64 { return decimal.RequireFromString(s).InexactFloat64() }
	o := pricing.Offer{Provider: f[0], Service: pricing.Service(f[1]), Region: f[2], Name: strings.ReplaceAll(f[3], "_", " "),
		OS: strings.Trim(f[4], "-"), VCPU: num(f[5]), MemoryGiB: num(f[6]), Term: pricing.Term(f[7]), Unit: pricing.Unit(f[8]),
		Amount: decimal.RequireFromString(f[9]), Upfront: decimal.RequireFromString(f[10]), Currency: "USD",
		AsOf: AsOf, Source: source, Unbounded: true, Attributes: map[string]string{}}
	o.SKU = o.Name + "/" + o.OS + "/" + string(o.Term)
	for _, a := range attrs {
		k, v, _ := strings.Cut(a, "=")
		switch k {
		case "currency":
			o.Currency = v
		case "family":
			o.Family = v
		case "sku":
			o.SKU = v
		default:
			o.Attributes[k] = v
		}
	}
	return o
}

// Offers is the fixture catalog (us-east geography and global SaaS). GCP has
// no block storage price, so its IaaS options are incomplete.
func Offers() []pricing.Offer {
	o := []pricing.Offer{
		off("aws compute us-east-1 m5.large linux 2 8 on_demand hour 0.096 0", srcAWS),
		off("aws compute us-east-1 m5.xlarge linux 4 16 on_demand hour 0.192 0", srcAWS),
		off("aws block_storage us-east-1 EBS_gp3 - 0 0 on_demand gb_month 0.08 0", "https://aws.amazon.com/ebs/pricing/", "family=general_purpose_ssd"),
		off("aws database us-east-1 db.m5.large - 2 8 on_demand hour 0.178 0", srcRDS, "engine=postgresql"),
		off("aws database us-east-1 RDS_gp2_storage - 0 0 on_demand gb_month 0.115 0", srcRDS, "engine=postgresql"),
		off("aws paas us-east-1 Elastic_Beanstalk_environment - 0 0 on_demand hour 0 0",
			"https://aws.amazon.com/elasticbeanstalk/pricing/", "runs_on=ec2", "kinds=web_app,api"),
		off("aws other us-east-1 Application_Load_Balancer - 0 0 on_demand hour 0.0225 0",
			"https://aws.amazon.com/elasticloadbalancing/pricing/", "kind=load_balancer", "lcu_hour=0.008"),
		off("aws egress us-east-1 Data_transfer_out - 0 0 on_demand gb 0.09 0", srcAWS),
		off("azure compute eastus Standard_D2s_v3 linux 2 8 on_demand hour 0.096 0", srcAzure),
		off("azure compute eastus Standard_D4s_v3 linux 4 16 on_demand hour 0.192 0", srcAzure),
		off("azure paas eastus P1mv4 linux 2 16 on_demand hour 0.186 0", srcAzure, "kinds=web_app,api"),
		off("azure egress eastus Internet_egress - 0 0 on_demand gb 0.087 0", srcAzure),
		off("gcp compute us-east1 e2-standard-2 linux 2 8 on_demand hour 0.06701142 0", srcGCP),
		off("gcp compute us-east1 e2-standard-4 linux 4 16 on_demand hour 0.13402284 0", srcGCP),
		off("digitalocean compute nyc3 s-2vcpu-8gb linux 2 8 on_demand month 42 0", srcDO),
		off("digitalocean compute nyc3 s-4vcpu-16gb linux 4 16 on_demand month 84 0", srcDO),
		off("digitalocean block_storage nyc3 Volumes - 0 0 on_demand gb_month 0.10 0", srcDO, "family=general_purpose_ssd"),
		off("digitalocean egress nyc3 Bandwidth_overage - 0 0 on_demand gb 0.01 0", srcDO),
		off("digitalocean database nyc3 db-s-2vcpu-4gb - 2 4 on_demand month 60 0", srcDO, "engine=postgresql,mysql", "storage_gb=38"),
		off("heroku paas us Standard-2X linux 0 1 on_demand month 50 0", srcHeroku, "per=dyno"),
		off("heroku paas us Performance-L linux 0 14 on_demand month 500 0", srcHeroku, "per=dyno"),
		off("heroku database us Heroku_Postgres_Standard-2 - 0 8 on_demand month 200 0", srcHeroku, "engine=postgresql", "storage_gb=256"),
	}
	mail := "kinds=email_collaboration,file_sharing"
	return append(o,
		off("google saas global Business_Standard - 0 0 on_demand user_month 14.40 0", srcSaaS, mail, "tier=standard", "storage_gb_per_user=2048", "billing=monthly"),
		off("google saas global Business_Plus - 0 0 on_demand user_month 21.60 0", srcSaaS, mail, "tier=premium", "storage_gb_per_user=5120", "billing=monthly"),
		off("microsoft saas global Business_Standard - 0 0 on_demand user_month 11.70 0", srcSaaS, mail, "tier=standard", "storage_gb_per_user=1024", "billing=annual", "currency=EUR", "sku=standard/annual/eur"),
		off("microsoft saas global Business_Premium - 0 0 on_demand user_month 26.40 0", srcSaaS, mail, "tier=premium", "storage_gb_per_user=1024", "billing=monthly"),
	)
}

func ptr[T any](v T) *T { return &v }

// Organization is the fixture organisation's answers.
func Organization() advisor.OrganizationInput {
	return advisor.OrganizationInput{Name: ptr(OrgName), Geography: ptr("us-east"), Currency: ptr("USD"),
		HorizonYears: ptr(3)}
}

// Workloads are the fixture workloads, in order.
func Workloads() []advisor.WorkloadInput {
	return []advisor.WorkloadInput{
		{Name: ptr("Customer portal"), Kind: ptr("web_app"), Instances: ptr(2), VCPU: ptr(2), MemoryGiB: ptr(8.0),
			StorageGB: ptr(100), EgressGBMonth: ptr(500), OS: ptr("linux"), DatabaseEngine: ptr("postgresql"),
			Users: ptr(400), Developers: ptr(4), CustomCode: ptr(true), Customization: ptr("high"),
			CurrentMonthlyCost: ptr(decimal.RequireFromString("2400"))},
		{Name: ptr("사내 메일"), Kind: ptr("email_collaboration"), Instances: ptr(1), VCPU: ptr(4), MemoryGiB: ptr(16.0),
			StorageGB: ptr(500), OS: ptr("linux"), Users: ptr(120), Customization: ptr("none"),
			CustomCode: ptr(false), CurrentMonthlyCost: ptr(decimal.RequireFromString("1850.50"))},
		{Name: ptr("=HYPERLINK(\"http://example.com\")"), Kind: ptr("batch"), Instances: ptr(1), VCPU: ptr(4),
			MemoryGiB: ptr(16.0), StorageGB: ptr(200), OS: ptr("linux"), NeedsOSControl: ptr(true)},
		{Name: ptr("Old intranet"), Kind: ptr("web_app"), InUse: ptr(false), Instances: ptr(1), VCPU: ptr(2),
			MemoryGiB: ptr(4.0)},
	}
}

// Assessment assesses the fixture with the default rules, with a fixed id
// and clock so that golden files are stable.
func Assessment(tb testing.TB) advisor.Assessment {
	tb.Helper()
	a, err := advisor.Assess(advisor.DefaultRules(), pricing.NewCatalog(Offers()), Organization(), Workloads())
	if err != nil {
		tb.Fatalf("assess fixture: %v", err)
	}
	a.ID, a.CreatedAt, a.UpdatedAt = "fixture0000000000000000000", Created, Created
	for i := range a.Workloads {
		a.Workloads[i].ID = "w" + string(rune('0'+i))
	}
	return a
}
