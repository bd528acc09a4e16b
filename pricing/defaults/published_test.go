package defaults_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// TestPublishedFigures checks curated rows against the figure their source
// publishes, named beside each case, so a mistyped or recomputed price fails.
func TestPublishedFigures(t *testing.T) {
	all := loadAll(t)
	tests := []struct {
		name, provider, region, sku string
		want                        string
		published                   string
		attr                        string // an attribute checked as key=value, "" for none
	}{
		{
			provider: "aws", name: "ALB eu-west-1 hourly", region: "eu-west-1", sku: "alb/eu-west-1", attr: "lcu_hour=0.008", want: "0.0252",
			published: "'Application Load Balancer Hours' 0.0252000000 and LCU Hours 0.0080000000 for EU (Ireland), " +
				"meteredUnitMaps elb 2025-05-20, iann0036/aws-price-watcher@d65c44f0 raw/elb.json",
		},
		{
			provider: "aws", name: "ALB eu-central-1 hourly", region: "eu-central-1", sku: "alb/eu-central-1", attr: "lcu_hour=0.008", want: "0.027",
			published: "'Application Load Balancer Hours' 0.0270000000 for EU (Frankfurt), same file",
		},
		{
			provider: "aws", name: "ALB ap-northeast-1 hourly", region: "ap-northeast-1", sku: "alb/ap-northeast-1", attr: "lcu_hour=0.008", want: "0.0243",
			published: "'Application Load Balancer Hours' 0.0243000000 for Asia Pacific (Tokyo), same file",
		},
		{
			provider: "aws", name: "ALB us-west-2 hourly", region: "us-west-2", sku: "alb/us-west-2", attr: "lcu_hour=0.008", want: "0.0225",
			published: "'Application Load Balancer Hours' 0.0225000000 for US West (Oregon), same file",
		},
		{
			provider: "aws", name: "RDS SQL Server Standard db.m5.xlarge Single-AZ ap-northeast-2", region: "ap-northeast-2",
			sku: "rds/db.m5.xlarge/sqlserver-se/single-az", attr: "edition=standard", want: "1.314",
			published: "'Database Instance SQL Server Standard License included db m5.xlarge General purpose Single-AZ " +
				"Current Generation' for Asia Pacific (Seoul) 1.3140000000, meteredUnitMaps rds-sqlserver-ondemand, " +
				"iann0036/aws-price-watcher@d65c44f0 processed/rds-sqlserver-ondemand.json (RDS publication 2025-05-23)",
		},
		{
			provider: "aws", name: "RDS SQL Server Standard db.m5.xlarge Multi-AZ ap-northeast-2", region: "ap-northeast-2",
			sku: "rds/db.m5.xlarge/sqlserver-se/multi-az", attr: "deployment=multi-az", want: "2.628",
			published: "the same description with Multi-AZ, Asia Pacific (Seoul) 2.6280000000, same file",
		},
		{
			provider: "aws", name: "RDS SQL Server Web db.r6i.xlarge eu-west-1", region: "eu-west-1",
			sku: "rds/db.r6i.xlarge/sqlserver-web/single-az", attr: "edition=web", want: "0.895",
			published: "'Database Instance SQL Server Web License included db r6i.xlarge Memory optimized Single-AZ " +
				"Current Generation' for EU (Ireland) 0.8950000000, same file",
		},
		{
			provider: "aws", name: "RDS SQL Server gp3 storage ap-southeast-1", region: "ap-southeast-1",
			sku: "rds-storage/gp3/sqlserver/single-az", attr: "part=storage", want: "0.138",
			published: "'Database Storage Single AZ General Purpose-GP3' for Asia Pacific (Singapore) 0.1380000000, same file",
		},
		{
			provider: "aws", name: "RDS PostgreSQL db.m5.xlarge Multi-AZ ap-northeast-2", region: "ap-northeast-2",
			sku: "WTCTYC3S6B9U7W9N/postgresql", attr: "deployment=multi-az", want: "0.988",
			published: "OnDemand:PricePerUnit 0.9880000000 of the db.m5.xlarge Multi-AZ record, yeo/ec2.shop@74c9fd8a " +
				"data/rds/ap-northeast-2-rds-postgresql-reservedinstance-multi-az-1y.json (publication 2025-04-04)",
		},
		{
			name: "DigitalOcean PostgreSQL db-s-6vcpu-16gb sgp1", provider: "digitalocean", region: "sgp1",
			sku: "db-s-6vcpu-16gb/postgresql/1-node", attr: "storage_gb=290", want: "240",
			published: "'| 6 vCPUs | 16 GiB | 290 GiB | $240.00 |', astorDev/astorDev.github.io@56f03297 " +
				"articles/postgres-hosting-prices/index.md (2024-05-08), third-party copy of DigitalOcean's page",
		},
		{
			name: "Azure PostgreSQL flexible GP D2ds_v4 koreacentral", provider: "azure", region: "koreacentral",
			sku:       "flexible-server/GP_Standard_D2ds_v4/postgresql",
			want:      "0.246",
			published: "Retail Prices API meter vCore 0.123 USD/h x 2 vCores, tivec8740-lab/azure-price-my@0b6ed988 data/pricing_usd.json (2026-09-29); the same in mooncitizen/togen@8b82e558 internal/cost/prices/azure.json (2026-09-06)",
		},
		{
			name: "Azure PostgreSQL flexible storage koreacentral", provider: "azure", region: "koreacentral",
			sku:       "flexible-server/storage/postgresql",
			want:      "0.131",
			published: "Storage Data Stored 0.131 USD per GB-month, mooncitizen/togen@8b82e558 internal/cost/prices/azure.json (2026-09-06)",
		},
		{
			name: "Azure MySQL flexible GP D16ds_v4 southeastasia", provider: "azure", region: "southeastasia",
			sku:       "flexible-server/GP_Standard_D16ds_v4/mysql",
			want:      "1.88",
			published: "Retail Prices API meter vCore 0.1175 USD/h x 16 vCores, mooncitizen/togen@8b82e558 internal/cost/prices/azure.json (2026-09-06)",
		},
		{
			name: "Azure App Service P1 v3 Linux koreacentral", provider: "azure", region: "koreacentral",
			sku:       "appservice/P1v3/linux",
			want:      "0.181",
			published: "'Premium v3 P1 v3 Windows 0.341 / Linux 0.181' per hour, koreacentral live Retail Prices API quoted in WWhaleFe/azure-cost-estimator@00a24e7e CHANGELOG.md v69 (2026-06-22; third party)",
		},
		{
			name: "Azure App Service P1 v3 Linux eastus", provider: "azure", region: "eastus",
			sku:       "DZH318Z0DCR6/001P",
			want:      "0.155",
			published: "Retail Prices API item 'P1 v3 App', 'Azure App Service Premium v3 Plan - Linux', retailPrice 0.155, rshade/finfocus-plugin-azure-public@0d26960a appservice/eastus_consumption.json",
		},
		{
			name: "Azure App Service B1 Windows eastus", provider: "azure", region: "eastus",
			sku:       "DZH318Z0BQJK/003F",
			want:      "0.075",
			published: "Retail Prices API item 'B1 App', 'Azure App Service Basic Plan', retailPrice 0.075, same file",
		},
		{
			name: "Azure App Service P1 v3 Linux japaneast", provider: "azure", region: "japaneast",
			sku:       "DZH318Z0DCR6/000F",
			want:      "0.188",
			published: "Retail Prices API item 'P1 v3 App' (Linux) retailPrice 0.188, Arturo-Quiroga-MSFT/azure-architecture-diagram-builder@31f894ae src/data/pricing/regions/japaneast/azure_app_service.json (snapshot 2026-08-15)",
		},
		{
			name: "Azure SQL Database GP Gen5 4 vCore japaneast", provider: "azure", region: "japaneast",
			sku:       "DZH318Z0BPXL/007B",
			want:      "0.68802",
			published: "Retail Prices API 'SQL Database Single/Elastic Pool General Purpose - Compute Gen5' skuName '4 vCore' retailPrice 0.68802, same snapshot, japaneast/sql_database.json",
		},
		{
			name: "Azure SQL Database GP Gen5 2 vCore eastus", provider: "azure", region: "eastus",
			sku:       "DZH318Z0BPXL/00BT",
			want:      "0.304434",
			published: "Retail Prices API skuName '2 vCore' retailPrice 0.304434, rshade/finfocus-plugin-azure-public@3fada400 sqldb/gp_gen5_compute_eastus.json",
		},
		{
			name: "Azure PostgreSQL flexible MO E4ds_v5 southeastasia", provider: "azure", region: "southeastasia",
			sku:       "DZH318Z0KDX1/002P",
			want:      "0.6",
			published: "Retail Prices API 'Azure Database for PostgreSQL Flexible Server Memory Optimized Edsv5 Series Compute' skuName '4 vCore' retailPrice 0.6, Arturo-Quiroga-MSFT snapshot southeastasia/azure_database_for_postgresql.json",
		},
		{
			name: "Azure MySQL flexible MO E4ds_v5 westus2", provider: "azure", region: "westus2",
			sku:       "DZH318Z0H9TN/00KV",
			want:      "0.472",
			published: "Retail Prices API 'Azure Database for MySQL Flexible Server Memory Optimized Edsv5 Series Compute' meterName '4 vCore' retailPrice 0.472, same snapshot, westus2/azure_database_for_mysql.json",
		},
		{
			name: "AWS ALB ap-northeast-2 hourly", provider: "aws", region: "ap-northeast-2",
			sku:       "alb/ap-northeast-2",
			want:      "0.0225",
			published: "'$0.0225 per Application LoadBalancer-hour (or partial hour)', AWS Price List AWSELB ap-northeast-2 2026-09-11 as quoted in one-click-deploy-agent@987f45f5 09-network-lb-ingress.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := checkFigure(t, all, tt.provider, tt.region, tt.sku, tt.want, tt.published)
			if k, v, ok := strings.Cut(tt.attr, "="); ok && got.Attributes[k] != v {
				t.Errorf("attribute %s: got %q, want %q (%s)", k, got.Attributes[k], v, tt.published)
			}
		})
	}
}

// checkFigure checks that exactly one on-demand row has the SKU in the
// region and that its price is the published figure, and returns the row.
func checkFigure(t *testing.T, all []loaded, provider, region, sku, want, published string) loaded {
	t.Helper()
	var got []loaded
	for _, o := range all {
		if o.Provider == provider && o.Region == region && o.SKU == sku && o.Term == pricing.OnDemand {
			got = append(got, o)
		}
	}
	if len(got) != 1 {
		t.Fatalf("rows for %s %s: got %d, want 1", region, sku, len(got))
	}
	if w := decimal.RequireFromString(want); !got[0].Amount.Equal(w) {
		t.Errorf("price: got %s, want %s (%s)", got[0].Amount, w, published)
	}
	return got[0]
}

// TestAzureCommittedFigures checks Azure committed prices against what their
// source publishes: the App Service savings plan is the savingsPlan of the
// Retail Prices API item; a reserved VM instance or VM savings plan is the
// Retail Prices API's own price where tivec8740-lab/azure-price-my's rebuild
// holds it (D- and E-series v5 in koreacentral, japaneast, southeastasia), and
// elsewhere an estimate, the on-demand price times the ratio of the one
// captured reservation (Standard_D2als_v7 eastus: 0.0804 USD/h, 416 USD for 1
// year, 803 for 3).
func TestAzureCommittedFigures(t *testing.T) {
	all := loadAll(t)
	const tivec = "tivec8740-lab/azure-price-my@0b6ed988 data/pricing_usd.json (generatedAt 2026-09-29), D4s v5 koreacentral: "
	tests := []struct {
		name, region, sku   string
		term                pricing.Term
		price, upfront      string
		estimate, published string
	}{
		{"App Service P1 v3 Linux westus2 1-year savings plan", "westus2", "DZH318Z0DCR6/000V", pricing.SavingsPlan1y, "0.11625", "0", "",
			"savingsPlan term '1 Year' retailPrice 0.11625 of the item, Arturo-Quiroga-MSFT snapshot westus2/azure_app_service.json"},
		{"D4s_v5 koreacentral 1-year reservation, paid upfront", "koreacentral", "Standard_D4s_v5/linux", pricing.Reserved1yAllUpfront, "0", "1276", "",
			tivec + "Reservation '1 Year' unitPrice 0.145662 (the total / 8760 h) × 8760 = 1276.00 USD for the year"},
		{"D4s_v5 koreacentral 1-year reservation, paid monthly", "koreacentral", "Standard_D4s_v5/linux", pricing.Reserved1yNoUpfront, "0.145662", "0", "",
			tivec + "Reservation '1 Year' unitPrice 0.145662 USD/h"},
		{"D4s_v5 koreacentral 3-year reservation, paid upfront", "koreacentral", "Standard_D4s_v5/linux", pricing.Reserved3yAllUpfront, "0", "2450.01", "",
			tivec + "Reservation '3 Years' unitPrice 0.093227 × 26280 = 2450.01 USD for three years (to within 0.02: 6 decimal places kept)"},
		{"D4s_v5 koreacentral 1-year savings plan", "koreacentral", "Standard_D4s_v5/linux", pricing.SavingsPlan1y, "0.157766", "0", "",
			tivec + "SavingsPlan '1 Year' unitPrice 0.157766 USD/h"},
		{"PostgreSQL flexible D4ds_v4 koreacentral 3-year reservation, paid monthly", "koreacentral", "flexible-server/GP_Standard_D4ds_v4/postgresql",
			pricing.Reserved3yNoUpfront, "0.1965", "0", "", tivec[:strings.Index(tivec, "D4s")] +
				"'Azure Database for PostgreSQL Flexible Server General Purpose Ddsv4 Series Compute' koreacentral Reservation '3 Years' unitPrice 0.049125 per vCore-hour × 4 vCores"},
		{"PostgreSQL flexible D4ds_v4 koreacentral 1-year reservation, paid upfront", "koreacentral", "flexible-server/GP_Standard_D4ds_v4/postgresql",
			pricing.Reserved1yAllUpfront, "0", "2583.99", "", tivec[:strings.Index(tivec, "D4s")] +
				"Ddsv4 koreacentral Reservation '1 Year' 0.073744 per vCore-hour × 4 × 8760 = 2583.99 USD (to within 0.02)"},
		{"D4s_v5 eastus 1-year reservation, paid upfront (estimate)", "eastus", "Standard_D4s_v5/linux", pricing.Reserved1yAllUpfront, "0", "993.43", "azure_ri_d2als_v7",
			"on demand 0.192 (karpenter-provider-azure@0499866a zz_generated.pricing.go) × 416 / 0.0804 = 993.43 USD for the year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []loaded
			for _, o := range all {
				if o.Provider == "azure" && o.Region == tt.region && o.SKU == tt.sku && o.Term == tt.term {
					got = append(got, o)
				}
			}
			if len(got) != 1 {
				t.Fatalf("rows: got %d, want 1", len(got))
			}
			o := got[0]
			if !o.Amount.Equal(decimal.RequireFromString(tt.price)) || !o.Upfront.Equal(decimal.RequireFromString(tt.upfront)) {
				t.Errorf("got %s/h + %s upfront, want %s/h + %s upfront (%s)", o.Amount, o.Upfront, tt.price, tt.upfront, tt.published)
			}
			if b := o.Attributes["basis"]; o.Attributes["estimate"] == "true" && b != tt.estimate || o.Attributes["estimate"] != "true" && tt.estimate != "" {
				t.Errorf("got estimate=%s basis %q, want basis %q", o.Attributes["estimate"], b, tt.estimate)
			}
		})
	}
}
