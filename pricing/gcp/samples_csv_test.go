package gcp

import (
	"maps"
	"os"
	"testing"

	"cloudadvisor/pricing"
)

func TestRealPricingExport(t *testing.T) {
	path := samplePath(t, "billing-pricing-export-compute-engine-2023-10-30.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Keep only the SKUs asserted below: the export is streamed, not held.
	wanted := map[string]bool{"CF4E-A0C7-E3BF": true, "F449-33EC-A5EF": true, "2E27-4F75-95CD": true,
		"039F-D0DA-4055": true, "D973-5D65-BAB2": true, "F274-1692-F213": true, "9597-C24E-C305": true,
		"FE0B-E0C0-0034": true}
	var offers []pricing.Offer
	rows := 0
	stats, err := ParseCSV(f, path, fallback, func(o pricing.Offer) error {
		rows++
		if wanted[o.SKU] {
			offers = append(offers, o)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("ParseCSV: %v", err)
	}
	// 20269 rows: 20088 priced (17885 SKU ids, tiers apart), 181 rows of 179
	// SKU ids skipped.
	want := map[string]int{"capacity reservation sku": 154, "discount sku": 21, "no list price": 4}
	if stats.Products != 17885 || stats.Prices != 20088 || rows != 20088 || !maps.Equal(stats.Skipped, want) {
		t.Errorf("got %s, want 17885 products, 20088 prices, skipped %v", stats, want)
	}
	tests := []struct {
		name, sku, tierStart, wantAmount, wantUnit, wantRegion string
		wantService                                            pricing.Service
		wantUnbounded                                          bool
	}{
		{"E2 core Americas", "CF4E-A0C7-E3BF", "0", "0.02181159", "hour", "global", pricing.Compute, true},
		{"E2 RAM Americas", "F449-33EC-A5EF", "0", "0.00292353", "hour", "global", pricing.Compute, true},
		{"N1 core Americas", "2E27-4F75-95CD", "0", "0.031611", "hour", "global", pricing.Compute, true},
		{"N1 core Johannesburg", "FE0B-E0C0-0034", "0", "0.04134719", "hour", "africa-south1", pricing.Compute, true},
		{"A100 Americas", "039F-D0DA-4055", "0", "2.933908", "hour", "global", pricing.Compute, true},
		{"PD capacity free tier", "D973-5D65-BAB2", "0", "0", "gb_month", "global", pricing.BlockStorage, false},
		{"PD capacity from 30", "D973-5D65-BAB2", "30", "0.04", "gb_month", "global", pricing.BlockStorage, true},
		{"egress first GiB", "F274-1692-F213", "0", "0", "gb", "global", pricing.Egress, false},
		{"egress from 1 GiB", "F274-1692-F213", "1", "0.12", "gb", "global", pricing.Egress, false},
		{"egress from 1 TiB", "F274-1692-F213", "1024", "0.11", "gb", "global", pricing.Egress, false},
		{"egress from 10 TiB", "F274-1692-F213", "10240", "0.08", "gb", "global", pricing.Egress, true},
		{"Windows Server 2019 licence per CPU", "9597-C24E-C305", "0", "0.046", "hour", "global", pricing.License, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := first(t, offers, tt.sku, tt.tierStart)
			if o.Amount.String() != tt.wantAmount || string(o.Unit) != tt.wantUnit || o.Region != tt.wantRegion {
				t.Errorf("got %s per %s in %s, want %s per %s in %s", o.Amount, o.Unit, o.Region, tt.wantAmount, tt.wantUnit, tt.wantRegion)
			}
			if o.Service != tt.wantService || o.Unbounded != tt.wantUnbounded {
				t.Errorf("got %s unbounded %v, want %s %v", o.Service, o.Unbounded, tt.wantService, tt.wantUnbounded)
			}
		})
	}
}
