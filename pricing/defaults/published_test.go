package defaults_test

import (
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
	}{
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
		t.Run(tt.name, func(t *testing.T) { checkFigure(t, all, tt.provider, tt.region, tt.sku, tt.want, tt.published) })
	}
}

// checkFigure checks that exactly one on-demand row has the SKU in the
// region and that its price is the published figure.
func checkFigure(t *testing.T, all []loaded, provider, region, sku, want, published string) {
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
}
