package azure

import (
	sharedsamples "cloudadvisor/internal/samples"
	"os"
	"path/filepath"
	"testing"

	"cloudadvisor/pricing"
)

// samples is the shared directory of real API captures (never copied here).
const samples = "../../../shared/pricing-samples/azure/"

// sample parses one real capture, skipping the test when it is absent.
func sample(t *testing.T, name string) ([]pricing.Offer, pricing.ImportStats) {
	t.Helper()
	path := filepath.Join(samples, name)
	if _, err := os.Stat(path); err != nil {
		sharedsamples.Missing(t, "real sample "+path+" not available: "+err.Error())
	}
	offers, stats, err := parseFile(t, path)
	if err != nil {
		t.Fatalf("Parse %s: %v", name, err)
	}
	return offers, stats
}

// find returns the offers with the SKU (or the Azure skuId), term and tier start.
func find(offers []pricing.Offer, sku string, term pricing.Term, tierStart string) []pricing.Offer {
	var out []pricing.Offer
	for _, o := range offers {
		if (o.SKU == sku || o.Attributes["sku_id"] == sku) && o.Term == term && o.TierStart.String() == tierStart {
			out = append(out, o)
		}
	}
	return out
}

func TestRealSamples(t *testing.T) {
	const (
		d2s = "retail-prices-vm-standard_d2s_v3-eastus-allpricetypes.json"
		b1s = "retail-prices-vm-standard_b1s-eastus.json"
		bsp = "retail-prices-vm-standard_b1s-eastus-preview-savingsplan.json"
		sql = "retail-prices-sqldb-gp-gen5-compute-eastus-first25.json"
		blb = "retail-prices-storage-blockblob-v2-eastus-first29.json"
		app = "retail-prices-appservice-eastus-consumption-first27.json"
	)
	tests := []struct {
		name, file, sku  string
		term             pricing.Term
		tierStart        string
		wantAmount       string
		wantService      pricing.Service
		wantTierEnd      string // "" means unbounded
		wantVCPU, wantGB float64
	}{
		{"D2s v3 Linux", d2s, "Standard_D2s_v3/linux", pricing.OnDemand, "0", "0.096", pricing.Compute, "", 2, 8},
		{"D2s v3 Windows", d2s, "Standard_D2s_v3/windows", pricing.OnDemand, "0", "0.188", pricing.Compute, "", 2, 8},
		{"D2s v3 Windows dev/test", d2s, "Standard_D2s_v3/windows", pricing.DevTest, "0", "0.096", pricing.Compute, "", 2, 8},
		{"D2s v3 Spot Linux apart", d2s, "Standard_D2s_v3/linux", pricing.Spot, "0", "0.018816", pricing.Compute, "", 2, 8},
		{"D2s v3 Spot Windows apart", d2s, "Standard_D2s_v3/windows", pricing.Spot, "0", "0.036848", pricing.Compute, "", 2, 8},
		{"D2s v3 Low Priority Linux", d2s, "Standard_D2s_v3/linux", pricing.LowPriority, "0", "0.019", pricing.Compute, "", 2, 8},
		{"D2s v3 Low Priority Windows", d2s, "Standard_D2s_v3/windows", pricing.LowPriority, "0", "0.075", pricing.Compute, "", 2, 8},
		{"B1s Linux", b1s, "Standard_B1s/linux", pricing.OnDemand, "0", "0.0104", pricing.Compute, "", 1, 1},
		{"B1s Windows", b1s, "Standard_B1s/windows", pricing.OnDemand, "0", "0.014", pricing.Compute, "", 1, 1},
		{"B1s savings plan 1y", bsp, "Standard_B1s/linux", pricing.SavingsPlan1y, "0", "0.0070044", pricing.Compute, "", 1, 1},
		{"B1s savings plan 3y", bsp, "Standard_B1s/linux", pricing.SavingsPlan3y, "0", "0.00468624", pricing.Compute, "", 1, 1},
		{"B1s Windows dev/test", bsp, "Standard_B1s/windows", pricing.DevTest, "0", "0.0104", pricing.Compute, "", 1, 1},
		{"SQL DB 4 vCore", sql, "DZH318Z0BPXL/009M", pricing.OnDemand, "0", "0.608868", pricing.Database, "", 0, 0},
		{"blob hot tier 1", blb, "DZH318Z0BPH7/00QP", pricing.OnDemand, "0", "0.0585", pricing.ObjectStorage, "51200", 0, 0},
		{"blob hot tier 2", blb, "DZH318Z0BPH7/00QP", pricing.OnDemand, "51200", "0.05616", pricing.ObjectStorage, "512000", 0, 0},
		{"blob hot tier 3", blb, "DZH318Z0BPH7/00QP", pricing.OnDemand, "512000", "0.05382", pricing.ObjectStorage, "", 0, 0},
		{"blob Hot LRS writes: 0.05 per 10K", blb, "DZH318Z0BPH7/006M", pricing.OnDemand, "0", "0.000005", pricing.ObjectStorage, "", 0, 0},
		{"blob Archive priority reads: 50 per 10K", blb, "DZH318Z0BPH7/006J", pricing.OnDemand, "0", "0.005", pricing.ObjectStorage, "", 0, 0},
		{"App Service S1", app, "DZH318Z0BQJJ/0039", pricing.OnDemand, "0", "0.1", pricing.PaaS, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			offers, _ := sample(t, tt.file)
			got := find(offers, tt.sku, tt.term, tt.tierStart)
			if len(got) != 1 {
				t.Fatalf("got %d offers for %s %s, want 1", len(got), tt.sku, tt.term)
			}
			o := got[0]
			if o.Amount.String() != tt.wantAmount || o.Service != tt.wantService {
				t.Errorf("got %s %s, want %s %s", o.Amount, o.Service, tt.wantAmount, tt.wantService)
			}
			if tt.wantTierEnd == "" && !o.Unbounded || tt.wantTierEnd != "" && o.TierEnd.String() != tt.wantTierEnd {
				t.Errorf("got tier end %s unbounded %v, want %q", o.TierEnd, o.Unbounded, tt.wantTierEnd)
			}
			if o.VCPU != tt.wantVCPU || o.MemoryGiB != tt.wantGB {
				t.Errorf("got %v vCPU %v GiB, want %v, %v", o.VCPU, o.MemoryGiB, tt.wantVCPU, tt.wantGB)
			}
		})
	}
}

func TestRealSampleCounts(t *testing.T) {
	tests := []struct {
		name, file string
		wantPrices int
	}{
		{"B1s: two rows", "retail-prices-vm-standard_b1s-eastus.json", 2},
		{"B1s preview: three rows and two savings plans", "retail-prices-vm-standard_b1s-eastus-preview-savingsplan.json", 5},
		{"D2s v3: nine rows, none dropped for isPrimaryMeterRegion false", "retail-prices-vm-standard_d2s_v3-eastus-allpricetypes.json", 9},
		{"SQL DB: 25 rows", "retail-prices-sqldb-gp-gen5-compute-eastus-first25.json", 25},
		{"blob: 29 rows", "retail-prices-storage-blockblob-v2-eastus-first29.json", 29},
		{"App Service: 27 rows", "retail-prices-appservice-eastus-consumption-first27.json", 27},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stats := sample(t, tt.file)
			if stats.Prices != tt.wantPrices || stats.SkippedTotal() != 0 {
				t.Errorf("got %s, want %d prices and none skipped", stats, tt.wantPrices)
			}
		})
	}
}
