package digitalocean

import (
	sharedsamples "cloudadvisor/internal/samples"
	"os"
	"path/filepath"
	"testing"

	"cloudadvisor/pricing"
)

// samples is the shared directory of real API captures (never copied here).
const samples = "../../../shared/pricing-samples/digitalocean/"

func sample(t *testing.T, name string) ([]pricing.Offer, pricing.ImportStats, Page) {
	t.Helper()
	path := filepath.Join(samples, name)
	if _, err := os.Stat(path); err != nil {
		sharedsamples.Missing(t, "real sample "+path+" not available: "+err.Error())
	}
	offers, stats, page, err := parseFile(t, path)
	if err != nil {
		t.Fatalf("Parse %s: %v", name, err)
	}
	return offers, stats, page
}

func TestRealSamplePages(t *testing.T) {
	tests := []struct {
		name, file  string
		wantSizes   int
		wantTotal   int
		wantNext    string
		wantS1Areas int // regions of s-1vcpu-1gb
	}{
		{"all sizes 2024-01-25", "v2-sizes-all-2024-01-25.json", 107, 107, "", 11},
		{"all sizes 2024-10-18", "v2-sizes-all-2024-10-18.json", 29, 29, "", 12},
		{"page 1 of 2", "v2-sizes-page1-per_page20-2024-11-17.json", 20, 29,
			"https://api.digitalocean.com/v2/sizes?page=2&per_page=20", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			offers, stats, page := sample(t, tt.file)
			if stats.Products != tt.wantSizes || stats.SkippedTotal() != 0 {
				t.Errorf("got %s, want %d sizes, none skipped", stats, tt.wantSizes)
			}
			if page.Total != tt.wantTotal || page.Next != tt.wantNext {
				t.Errorf("got page %+v, want total %d next %q", page, tt.wantTotal, tt.wantNext)
			}
			if tt.wantS1Areas >= 0 {
				if got := len(bySlug(offers, "s-1vcpu-1gb")); got != tt.wantS1Areas {
					t.Errorf("got s-1vcpu-1gb in %d regions, want %d", got, tt.wantS1Areas)
				}
			}
			if tt.file == "v2-sizes-page1-per_page20-2024-11-17.json" && offers[0].SKU != "s-1vcpu-512mb-10gb" {
				t.Errorf("got first size %s, want s-1vcpu-512mb-10gb", offers[0].SKU)
			}
		})
	}
}

func TestRealSamplePrices(t *testing.T) {
	tests := []struct {
		name, slug, wantMonthly, wantHourly, wantFamily string
		wantVCPU, wantGiB                               float64
	}{
		{"s-1vcpu-1gb", "s-1vcpu-1gb", "6", "0.00893", "basic", 1, 1},
		{"s-1vcpu-512mb-10gb", "s-1vcpu-512mb-10gb", "4", "0.00595", "basic", 1, 0.5},
		{"s-2vcpu-4gb", "s-2vcpu-4gb", "24", "0.03571", "basic", 2, 4},
		{"c-2", "c-2", "42", "0.0625", "compute_optimized", 2, 4},
		{"g-2vcpu-8gb", "g-2vcpu-8gb", "63", "0.09375", "general_purpose", 2, 8},
		{"m-2vcpu-16gb", "m-2vcpu-16gb", "84", "0.125", "memory_optimized", 2, 16},
		{"so-2vcpu-16gb", "so-2vcpu-16gb", "131", "0.19494", "storage_optimized", 2, 16},
	}
	offers, _, _ := sample(t, "v2-sizes-all-2024-01-25.json")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bySlug(offers, tt.slug)
			if len(got) == 0 {
				t.Fatalf("got no offers for %s", tt.slug)
			}
			o := got[0]
			if o.Amount.String() != tt.wantMonthly || o.Attributes["price_hourly"] != tt.wantHourly {
				t.Errorf("got %s a month, %s an hour, want %s, %s", o.Amount, o.Attributes["price_hourly"], tt.wantMonthly, tt.wantHourly)
			}
			if o.Family != tt.wantFamily || o.VCPU != tt.wantVCPU || o.MemoryGiB != tt.wantGiB {
				t.Errorf("got %s %v vCPU %v GiB, want %s %v %v", o.Family, o.VCPU, o.MemoryGiB, tt.wantFamily, tt.wantVCPU, tt.wantGiB)
			}
		})
	}
}

func bySlug(offers []pricing.Offer, slug string) []pricing.Offer {
	var out []pricing.Offer
	for _, o := range offers {
		if o.SKU == slug {
			out = append(out, o)
		}
	}
	return out
}
