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
			published: "Retail Prices API meter vCore 0.123 USD/h x 2 vCores, mooncitizen/togen@8b82e558 internal/cost/prices/azure.json (2026-09-06)",
		},
		{
			name: "Azure PostgreSQL flexible storage koreacentral", provider: "azure", region: "koreacentral",
			sku:       "flexible-server/storage/postgresql",
			want:      "0.131",
			published: "Storage Data Stored 0.131 USD per GB-month, same file",
		},
		{
			name: "Azure MySQL flexible GP D16ds_v4 southeastasia", provider: "azure", region: "southeastasia",
			sku:       "flexible-server/GP_Standard_D16ds_v4/mysql",
			want:      "1.88",
			published: "Retail Prices API meter vCore 0.1175 USD/h x 16 vCores, same file",
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
