package gcp

import (
	sharedsamples "cloudadvisor/internal/samples"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// samples is the shared directory of real captures (never copied here).
const samples = "../../../shared/pricing-samples/gcp/"

func samplePath(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(samples, name)
	if _, err := os.Stat(path); err != nil {
		sharedsamples.Missing(t, "real sample "+path+" not available: "+err.Error())
	}
	return path
}

// first returns the first offer with the SKU (and tier start, when given).
func first(t *testing.T, offers []pricing.Offer, sku, tierStart string) pricing.Offer {
	t.Helper()
	for _, o := range offers {
		if o.SKU == sku && (tierStart == "" || o.TierStart.String() == tierStart) {
			return o
		}
	}
	t.Fatalf("got no offer %s tier %q", sku, tierStart)
	return pricing.Offer{}
}

func TestRealCatalogSamples(t *testing.T) {
	const a2 = "cloudbilling-skus-compute-gpu-a2-opencost.json"
	const n4 = "cloudbilling-skus-compute-n4a-n4d-us-central1-opencost.json"
	tests := []struct {
		name, file, sku, wantAmount, wantCurrency, wantTerm string
		wantRegions                                         int
	}{
		{"A100 GPU", a2, "039F-D0DA-4055", "2.933908", "USD", "on_demand", 3},
		{"A2 core", a2, "2922-40C5-B19F", "0.031611", "USD", "on_demand", 3},
		{"A2 RAM", a2, "2390-DCAF-DA38", "0.004237", "USD", "on_demand", 3},
		{"E2 core kept in IDR", a2, "CF4E-A0C7-E3BF", "327.173848364", "IDR", "on_demand", 3},
		{"E2 RAM kept in IDR", a2, "F449-33EC-A5EF", "43.85294978", "IDR", "on_demand", 3},
		{"N4A core", n4, "36AC-06EF-9B3D", "0.02646", "USD", "on_demand", 1},
		{"N4A RAM", n4, "2F59-FB4B-2285", "0.00301", "USD", "on_demand", 1},
		{"N4D core", n4, "FF75-7D01-4303", "0.02911", "USD", "on_demand", 1},
		{"N4D RAM", n4, "19B3-529B-52CC", "0.00331", "USD", "on_demand", 1},
		{"Spot N4A core", n4, "B5D7-38FA-2F64", "0.01055", "USD", "spot", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			offers, _, _, err := parseFile(t, samplePath(t, tt.file))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			o := first(t, offers, tt.sku, "")
			if o.Amount.String() != tt.wantAmount || o.Currency != tt.wantCurrency || string(o.Term) != tt.wantTerm {
				t.Errorf("got %s %s %s, want %s %s %s", o.Amount, o.Currency, o.Term, tt.wantAmount, tt.wantCurrency, tt.wantTerm)
			}
			n := 0
			for _, x := range offers {
				if x.SKU == tt.sku {
					n++
				}
			}
			if n != tt.wantRegions {
				t.Errorf("got %d offers of %s, want one per region: %d", n, tt.sku, tt.wantRegions)
			}
		})
	}
}

func TestRealCatalogPages(t *testing.T) {
	tests := []struct {
		name, file       string
		wantSKUs         int
		wantSkipped      int
		wantNextNonEmpty bool
	}{
		{"A2 page with IDR SKUs and a next page", "cloudbilling-skus-compute-gpu-a2-opencost.json", 7, 0, true},
		{"N4 page: two reservation SKUs skipped", "cloudbilling-skus-compute-n4a-n4d-us-central1-opencost.json", 14, 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stats, next, err := parseFile(t, samplePath(t, tt.file))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if stats.Products != tt.wantSKUs || stats.SkippedTotal() != tt.wantSkipped || (next != "") != tt.wantNextNonEmpty {
				t.Errorf("got %s, next %q, want %d SKUs, %d skipped, next token %v", stats, next, tt.wantSKUs, tt.wantSkipped, tt.wantNextNonEmpty)
			}
		})
	}
}

func TestRealIDRToUSDMatchesCSV(t *testing.T) {
	offers, _, _, err := parseFile(t, samplePath(t, "cloudbilling-skus-compute-gpu-a2-opencost.json"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for sku, want := range map[string]string{"CF4E-A0C7-E3BF": "0.02181159", "F449-33EC-A5EF": "0.00292353"} {
		usd, err := ToUSD(first(t, offers, sku, ""))
		if err != nil || usd.Amount.Round(8).String() != want {
			t.Errorf("%s: got %s USD, %v, want %s (the CSV's list price)", sku, usd.Amount, err, want)
		}
	}
}

func TestRealMachineTypes(t *testing.T) {
	offers, _, _, err := parseFile(t, samplePath(t, "cloudbilling-skus-compute-n4a-n4d-us-central1-opencost.json"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	got := map[string]string{}
	_, err = MachineTypes(offers, MachineTypesTable, func(o pricing.Offer) error {
		got[string(o.Term)+" "+o.SKU] = o.Amount.String()
		return nil
	})
	if err != nil {
		t.Fatalf("MachineTypes: %v", err)
	}
	// n4a-standard-2: 2 x 0.02646 + 8 x 0.00301; n4d-standard-4: 4 x 0.02911 + 16 x 0.00331.
	for key, want := range map[string]string{
		"on_demand n4a-standard-2": "0.07700", "on_demand n4d-standard-4": "0.1694",
		"spot n4a-standard-2": "0.030708",
	} {
		if got[key] == "" || !decimal.RequireFromString(got[key]).Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s: got %q, want %s", key, got[key], want)
		}
	}
}
