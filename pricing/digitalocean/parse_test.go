package digitalocean

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

var asOf = time.Date(2024, 11, 17, 0, 0, 0, 0, time.UTC)

// parseFile parses a sizes page file and returns its offers.
func parseFile(tb testing.TB, path string) ([]pricing.Offer, pricing.ImportStats, Page, error) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var got []pricing.Offer
	stats, page, err := ParsePage(f, path, asOf, func(o pricing.Offer) error {
		got = append(got, o)
		return nil
	})
	return got, stats, page, err
}

// row is the part of an Offer the tests compare.
type row struct {
	SKU, Region, Family string
	VCPU, MemoryGiB     float64
	Amount, Hourly      string
}

func TestParseFixture(t *testing.T) {
	offers, stats, page, err := parseFile(t, "testdata/sizes.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var got []row
	for _, o := range offers {
		got = append(got, row{o.SKU, o.Region, o.Family, o.VCPU, o.MemoryGiB, o.Amount.String(), o.Attributes["price_hourly"]})
		if o.Unit != pricing.PerMonth || o.Term != pricing.OnDemand || o.Currency != "USD" || !o.AsOf.Equal(asOf) {
			t.Errorf("%s: got %s %s %s %v, want month on_demand USD %v", o.SKU, o.Unit, o.Term, o.Currency, o.AsOf, asOf)
		}
	}
	want := []row{
		{"s-1vcpu-512mb-10gb", "nyc1", "basic", 1, 0.5, "4", "0.00595"},
		{"s-1vcpu-512mb-10gb", "sgp1", "basic", 1, 0.5, "4", "0.00595"},
		{"c-2", "fra1", "compute_optimized", 2, 4, "42", "0.0625"},
		{"so1_5-2vcpu-16gb", "lon1", "storage_optimized", 2, 16, "163", "0.24256"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	wantSkipped := map[string]int{"size not available": 1, "size sold in no region": 1}
	if diff := cmp.Diff(wantSkipped, stats.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	wantPage := Page{Next: "https://api.digitalocean.com/v2/sizes?page=2&per_page=5", Total: 7}
	if page != wantPage {
		t.Errorf("got page %+v, want %+v", page, wantPage)
	}
}

func TestFamily(t *testing.T) {
	tests := []struct{ name, slug, description, want string }{
		{"basic", "s-2vcpu-4gb", "Basic", "basic"},
		{"general purpose", "g-2vcpu-8gb", "General Purpose", "general_purpose"},
		{"general purpose ssd", "gd-2vcpu-8gb", "General Purpose 2x SSD", "general_purpose"},
		{"cpu optimized premium", "c-4-intel", "Premium Intel", "compute_optimized"},
		{"cpu optimized 2x", "c2-8vcpu-16gb", "CPU-Optimized 2x SSD", "compute_optimized"},
		{"memory", "m3-8vcpu-64gb", "Memory-Optimized 3x SSD", "memory_optimized"},
		{"storage", "so-2vcpu-16gb", "Storage-Optimized", "storage_optimized"},
		{"gpu", "gpu-h100x1-80gb", "GPU", "gpu"},
		{"by description", "new-size", "Memory-Optimized", "memory_optimized"},
		{"unknown", "zz-1", "Something", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := family(tt.slug, tt.description); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		wantSize int
		want     []string
	}{
		{"truncated JSON", "testdata/truncated.json", 1, []string{"size 1", "byte ", "truncated JSON"}},
		{"wrong format", "testdata/wrong-format.json", -1, []string{"byte ", "no sizes array"}},
		{"negative price", "testdata/negative-price.json", 1, []string{"size 1", "negative price -12"}},
		{"price not a number", "testdata/bad-price.json", 0, []string{"size 0", "six"}},
		{"no slug", "testdata/no-slug.json", 0, []string{"size 0", "slug is missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := parseFile(t, tt.file)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.Size != tt.wantSize {
				t.Errorf("got size %d, want %d (%v)", pe.Size, tt.wantSize, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
}
