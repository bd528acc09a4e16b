package provenance

import (
	"testing"
	"time"

	"cloudadvisor/pricing"
)

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		name, provider, source string
		attrs                  map[string]string
		want                   Kind
	}{
		{"aws bulk file", "aws", "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/x/us-east-1/index.json", nil, ProviderAPI},
		{"aws query api", "aws", "aws-pricing-api:GetProducts?ServiceCode=AmazonEC2", nil, ProviderAPI},
		{"azure api", "azure", "https://prices.azure.com/api/retail/prices?$filter=x", nil, ProviderAPI},
		{"imported file", "gcp", "/tmp/export.csv", nil, ProviderAPI},
		{"refresh through a mirror", "aws", "http://127.0.0.1:8080/offers/x.json", map[string]string{Attribute: "provider_api"}, ProviderAPI},
		{"aws page", "aws", "https://aws.amazon.com/elasticbeanstalk/pricing/", nil, ProviderPage},
		{"heroku devcenter", "heroku", "https://devcenter.heroku.com/articles/usage-and-billing", nil, ProviderPage},
		{"skypilot", "aws", "https://github.com/skypilot-org/skypilot-catalog/blob/001/catalogs/v7/aws/vms.csv", nil, DerivedDataset},
		{"blog", "aws", "https://cloud-cost-557.pages.dev/blog/estimate-aws-data-transfer-bill", nil, ThirdParty},
		{"other project's fixture", "aws", "https://github.com/opencost/opencost/blob/x/pkg/cloud/aws/testdata/a.json", nil, ThirdParty},
		{"sheet says vendor", "slack", "https://example.com/x", map[string]string{Attribute: "vendor help page"}, ProviderPage},
		{"sheet says partner", "m365", "https://aws.amazon.com/x", map[string]string{Attribute: "third-party (partner)"}, ThirdParty},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Of(pricing.Offer{Provider: tc.provider, Source: tc.source, Attributes: tc.attrs}); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestFlagged(t *testing.T) {
	now := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	api := "https://prices.azure.com/api/retail/prices"
	for _, tc := range []struct {
		name   string
		o      pricing.Offer
		stale  bool
		flagge bool
	}{
		{"fresh api", pricing.Offer{Provider: "azure", Source: api, AsOf: now.AddDate(0, -2, 0)}, false, false},
		{"13 months", pricing.Offer{Provider: "azure", Source: api, AsOf: now.AddDate(0, -13, 0)}, true, true},
		{"fresh blog", pricing.Offer{Provider: "aws", Source: "https://www.saisci.com/aws/x", AsOf: now}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Stale(tc.o, now); got != tc.stale {
				t.Errorf("stale: got %v, want %v", got, tc.stale)
			}
			if got := Flagged(tc.o, now); got != tc.flagge {
				t.Errorf("flagged: got %v, want %v", got, tc.flagge)
			}
		})
	}
}
