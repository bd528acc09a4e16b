package gcp

import (
	"os"
	"testing"
	"time"

	"cloudadvisor/pricing"
)

// TestCombineRealCSV: the console export prices E2 cores and RAM "in
// Americas"; combined, e2-standard-2 in us-central1 is 2 x 0.02181159 + 8 x
// 0.00292353 = 0.06701142 USD an hour, and asia-northeast3 (Seoul, its own
// SKUs) 2 x 0.02802642 + 8 x its RAM price.
func TestCombineRealCSV(t *testing.T) {
	f, err := os.Open("../../../shared/pricing-samples/gcp/billing-pricing-export-compute-engine-2023-10-30.csv")
	if err != nil {
		t.Skipf("sample not available: %v", err)
	}
	defer f.Close()
	c := NewCombiner(nil)
	if _, err := ParseCSV(f, "export.csv", time.Date(2023, 10, 30, 0, 0, 0, 0, time.UTC), c.Sink(func(pricing.Offer) error { return nil })); err != nil {
		t.Fatal(err)
	}
	got := map[string]pricing.Offer{}
	if _, err := c.Flush(func(o pricing.Offer) error {
		if o.Term == pricing.OnDemand {
			got[o.Region+"/"+o.SKU] = o
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, key, want string
	}{
		{"americas multi-region", "us-central1/e2-standard-2", "0.06701142"},
		{"americas, south carolina", "us-east1/e2-standard-2", "0.06701142"},
		{"n2 in iowa", "us-central1/n2-standard-2", "0.097118"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, ok := got[tc.key]
			if !ok {
				t.Fatalf("no offer %s", tc.key)
			}
			if o.Amount.String() != tc.want || o.Unit != pricing.PerHour || o.Service != pricing.Compute {
				t.Errorf("got %s %s/%s, want %s per hour", o.Service, o.Amount, o.Unit, tc.want)
			}
		})
	}
	seoul, ok := got["asia-northeast3/e2-standard-2"]
	if !ok || seoul.Attributes["core_sku"] != "9304-94C4-2117" {
		t.Errorf("got seoul core sku %q, want its own 9304-94C4-2117", seoul.Attributes["core_sku"])
	}
}
