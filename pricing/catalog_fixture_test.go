package pricing

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Sources of the hand-written test prices: the providers' public price
// pages and price lists (AWS Price List API, Azure Retail Prices API,
// Google Cloud SKUs, DigitalOcean /v2/sizes, Heroku and vendor pricing pages).
const (
	srcAWS    = "https://aws.amazon.com/ec2/pricing/on-demand/"
	srcAWSRI  = "AWS Price List API, AmazonEC2 m5.large us-east-1 (6C86BEPQVG73ZGGR)"
	srcRDS    = "https://aws.amazon.com/rds/postgresql/pricing/"
	srcAzure  = "https://prices.azure.com/api/retail/prices"
	srcGCP    = "https://cloud.google.com/compute/all-pricing"
	srcDO     = "https://www.digitalocean.com/pricing"
	srcHeroku = "https://www.heroku.com/pricing"
	srcSaaS   = "vendor pricing page"
)

var asOf = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// off is a compact constructor of a test offer: "provider service region name os vcpu mem term unit price upfront".
func off(spec, source string, attrs ...string) Offer {
	f := strings.Fields(spec)
	num := func(s string) float64 { d := decimal.RequireFromString(s); return d.InexactFloat64() }
	o := Offer{Provider: f[0], Service: Service(f[1]), Region: f[2], Name: strings.ReplaceAll(f[3], "_", " "),
		OS: strings.Trim(f[4], "-"), VCPU: num(f[5]), MemoryGiB: num(f[6]), Term: Term(f[7]), Unit: Unit(f[8]),
		Amount: decimal.RequireFromString(f[9]), Upfront: decimal.RequireFromString(f[10]), Currency: "USD",
		AsOf: asOf, Source: source, Unbounded: true, Attributes: map[string]string{}}
	o.SKU = o.Name + "/" + o.OS + "/" + string(o.Term)
	for _, a := range attrs {
		k, v, _ := strings.Cut(a, "=")
		switch k {
		case "currency":
			o.Currency = v
		case "sku":
			o.SKU = v
		case "family":
			o.Family = v
		default:
			o.Attributes[k] = v
		}
	}
	return o
}

// tiers returns the tiers of one SKU: bounds "0 100 10240" and prices "0 0.09 0.085" (last unbounded).
func tiers(base Offer, bounds, prices string) []Offer {
	b, p := strings.Fields(bounds), strings.Fields(prices)
	var out []Offer
	for i := range p {
		t := base
		t.Amount = decimal.RequireFromString(p[i])
		t.TierStart = decimal.RequireFromString(b[i])
		t.Unbounded = i == len(p)-1
		if !t.Unbounded {
			t.TierEnd = decimal.RequireFromString(b[i+1])
		}
		out = append(out, t)
	}
	return out
}

// testOffers is the fixed catalog of the golden tests, with real published
// list prices (us-east geography plus global SaaS).
func testOffers() []Offer {
	o := []Offer{
		off("aws compute us-east-1 t3.medium linux 2 4 on_demand hour 0.0416 0", srcAWS),
		off("aws compute us-east-1 m5.large linux 2 8 on_demand hour 0.096 0", srcAWS),
		off("aws compute us-east-1 m5.large windows 2 8 on_demand hour 0.188 0", srcAWS),
		off("aws compute us-east-1 m5.xlarge linux 4 16 on_demand hour 0.192 0", srcAWS),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_1y_no_upfront hour 0.06 0", srcAWSRI),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_1y_partial_upfront hour 0.029 252", srcAWSRI),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_1y_all_upfront hour 0 494", srcAWSRI),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_3y_no_upfront hour 0.041 0", srcAWSRI),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_3y_partial_upfront hour 0.019 505", srcAWSRI),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_3y_all_upfront hour 0 949", srcAWSRI),
		off("aws block_storage us-east-1 EBS_gp3 - 0 0 on_demand gb_month 0.08 0", "https://aws.amazon.com/ebs/pricing/", "family=general_purpose_ssd"),
		off("aws database us-east-1 db.t3.medium - 2 4 on_demand hour 0.072 0", srcRDS, "engine=postgresql"),
		off("aws database us-east-1 db.m5.large - 2 8 on_demand hour 0.178 0", srcRDS, "engine=postgresql"),
		off("aws database us-east-1 RDS_gp2_storage - 0 0 on_demand gb_month 0.115 0", srcRDS, "engine=postgresql"),
		off("aws paas us-east-1 Elastic_Beanstalk_environment - 0 0 on_demand hour 0 0",
			"https://aws.amazon.com/elasticbeanstalk/pricing/", "runs_on=ec2", "kinds=web_app,api"),
		off("aws other us-east-1 Application_Load_Balancer - 0 0 on_demand hour 0.0225 0",
			"https://aws.amazon.com/elasticloadbalancing/pricing/", "kind=load_balancer", "lcu_hour=0.008"),
		off("azure compute eastus Standard_B1s linux 1 1 on_demand hour 0.0104 0", srcAzure),
		off("azure compute eastus Standard_B1s windows 1 1 on_demand hour 0.014 0", srcAzure),
		off("azure compute eastus Standard_B1s linux 1 1 savings_plan_1y hour 0.0070044 0", srcAzure),
		off("azure compute eastus Standard_B1s linux 1 1 savings_plan_3y hour 0.00468624 0", srcAzure),
		off("azure compute eastus Standard_B2s linux 2 4 on_demand hour 0.0416 0", srcAzure),
		off("azure compute eastus Standard_D2s_v3 linux 2 8 on_demand hour 0.096 0", srcAzure),
		off("azure compute eastus Standard_D2s_v3 windows 2 8 on_demand hour 0.188 0", srcAzure),
		off("azure compute eastus Standard_D4s_v3 linux 4 16 on_demand hour 0.192 0", srcAzure),
		off("azure database eastus GP_Gen5_4 - 4 0 on_demand hour 0.608868 0", srcAzure, "engine=sqlserver"),
		off("azure paas eastus B1 linux 1 1.75 on_demand hour 0.018 0", srcAzure, "kinds=web_app,api"),
		off("azure paas eastus S1 windows 1 1.75 on_demand hour 0.1 0", srcAzure, "kinds=web_app,api"),
		off("azure paas eastus P1_v3 windows 2 8 on_demand hour 0.315 0", srcAzure, "kinds=web_app,api"),
		off("azure paas eastus P1mv4 linux 2 16 on_demand hour 0.186 0", srcAzure, "kinds=web_app,api"),
		off("gcp compute us-east1 e2-medium linux 2 4 on_demand hour 0.03350571 0", srcGCP),
		off("gcp compute us-east1 e2-standard-2 linux 2 8 on_demand hour 0.06701142 0", srcGCP),
		off("gcp compute us-east1 e2-standard-2 windows 2 8 on_demand hour 0.15901142 0", srcGCP),
		off("gcp compute us-east1 e2-standard-4 linux 4 16 on_demand hour 0.13402284 0", srcGCP),
		off("gcp block_storage us-east1 Balanced_persistent_disk - 0 0 on_demand gb_month 0.1 0", srcGCP, "family=general_purpose_ssd"),
		off("digitalocean compute nyc3 s-1vcpu-1gb linux 1 1 on_demand month 6 0", srcDO),
		off("digitalocean compute nyc3 s-2vcpu-4gb linux 2 4 on_demand month 24 0", srcDO),
		off("digitalocean compute nyc3 s-4vcpu-8gb linux 4 8 on_demand month 48 0", srcDO),
		off("digitalocean block_storage nyc3 Volumes - 0 0 on_demand gb_month 0.10 0", srcDO, "family=general_purpose_ssd"),
		off("digitalocean egress nyc3 Bandwidth_overage - 0 0 on_demand gb 0.01 0", srcDO),
		off("digitalocean database nyc3 db-s-1vcpu-1gb - 1 1 on_demand month 15 0", srcDO, "engine=postgresql,mysql", "storage_gb=10"),
		off("heroku paas us Eco linux 0 0.5 on_demand month 5 0", srcHeroku, "per=account", "dyno_hours=1000"),
		off("heroku paas us Basic linux 0 0.5 on_demand month 7 0", srcHeroku, "per=dyno"),
		off("heroku paas us Standard-1X linux 0 0.5 on_demand month 25 0", srcHeroku, "per=dyno"),
		off("heroku paas us Standard-2X linux 0 1 on_demand month 50 0", srcHeroku, "per=dyno"),
		off("heroku paas us Performance-M linux 0 2.5 on_demand month 250 0", srcHeroku, "per=dyno"),
		off("heroku paas us Performance-L linux 0 14 on_demand month 500 0", srcHeroku, "per=dyno"),
		off("heroku database us Heroku_Postgres_Standard-0 - 0 4 on_demand month 50 0", srcHeroku, "engine=postgresql", "storage_gb=64"),
	}
	o = append(o, tiers(off("aws egress us-east-1 Data_transfer_out - 0 0 on_demand gb 0 0", srcAWS),
		"0 100 10240 51200", "0 0.09 0.085 0.07")...)
	o = append(o, tiers(off("azure egress eastus Internet_egress - 0 0 on_demand gb 0 0", srcAzure),
		"0 100 10240", "0 0.087 0.083")...)
	o = append(o, tiers(off("gcp egress us-east1 Internet_egress_Americas - 0 0 on_demand gb 0 0", srcGCP),
		"0 1 1024 10240", "0 0.12 0.11 0.08")...)
	return append(o, saasOffers()...)
}

func saasOffers() []Offer {
	mail := "kinds=email_collaboration,file_sharing"
	return []Offer{
		off("google saas global Business_Starter - 0 0 on_demand user_month 7.20 0", srcSaaS, mail, "tier=basic", "storage_gb_per_user=30", "billing=monthly"),
		off("google saas global Business_Starter - 0 0 on_demand user_month 6 0", srcSaaS, mail, "tier=basic", "storage_gb_per_user=30", "billing=annual", "sku=starter/annual"),
		off("google saas global Business_Standard - 0 0 on_demand user_month 14.40 0", srcSaaS, mail, "tier=standard", "storage_gb_per_user=2048", "billing=monthly"),
		off("google saas global Business_Plus - 0 0 on_demand user_month 21.60 0", srcSaaS, mail, "tier=premium", "storage_gb_per_user=5120", "billing=monthly"),
		off("microsoft saas global Business_Basic - 0 0 on_demand user_month 7.20 0", srcSaaS, mail, "tier=basic", "storage_gb_per_user=1024", "billing=monthly"),
		off("microsoft saas global Business_Basic - 0 0 on_demand user_month 5.20 0", srcSaaS, mail, "tier=basic", "storage_gb_per_user=1024", "billing=annual", "currency=EUR", "sku=basic/annual/eur"),
		off("microsoft saas global Business_Premium - 0 0 on_demand user_month 26.40 0", srcSaaS, mail, "tier=premium", "storage_gb_per_user=1024", "billing=monthly"),
		off("microsoft saas global E3 - 0 0 on_demand user_month 36 0", srcSaaS, mail, "tier=enterprise", "billing=annual"),
		off("microsoft saas global Office_365_Extra_File_Storage - 0 0 on_demand gb_month 0.20 0", srcSaaS, "addon=storage"),
		off("salesforce saas global Enterprise - 0 0 on_demand user_month 165 0", srcSaaS, "kinds=crm", "tier=enterprise", "billing=annual"),
		off("datadog saas global Infrastructure_Pro - 0 0 on_demand month 18 0", srcSaaS, "kinds=monitoring", "tier=standard", "per=host", "billing=monthly"),
		off("datadog saas global Infrastructure_Pro - 0 0 on_demand month 15 0", srcSaaS, "kinds=monitoring", "tier=standard", "per=host", "billing=annual", "sku=pro/annual"),
	}
}

// testRates is a fixed rate table (ECB, 2024-06-28) so golden files do not follow the embedded default.
func testRates() Rates {
	d := decimal.RequireFromString
	return Rates{Base: "EUR", AsOf: "2024-06-28", Source: "ECB reference rates (test copy)",
		Per: map[string]decimal.Decimal{"EUR": d("1"), "USD": d("1.0705"), "JPY": d("171.94"), "GBP": d("0.84638"), "KRW": d("1474.86")}}
}

func testSettings() Settings {
	return Settings{Geography: "us-east", HorizonYears: 3, Currency: "USD", Rates: testRates(),
		HourlyRate: Money{decimal.NewFromInt(75), "USD"}}
}

func testCatalog(tb testing.TB) *Catalog {
	tb.Helper()
	offers := testOffers()
	for _, o := range offers {
		if err := o.Validate(); err != nil {
			tb.Fatalf("test offer: %v", err)
		}
	}
	return NewCatalog(offers)
}
