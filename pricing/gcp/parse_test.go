package gcp

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

var fallback = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

// row is the part of an Offer the tests compare, with decimals as strings.
type row struct {
	SKU, Region, Term, Service, Family, Unit string
	Amount, Currency, TierStart, TierEnd     string
	Unbounded                                bool
}

func toRow(o pricing.Offer) row {
	return row{o.SKU, o.Region, string(o.Term), string(o.Service), o.Family, string(o.Unit),
		o.Amount.String(), o.Currency, o.TierStart.String(), o.TierEnd.String(), o.Unbounded}
}

// collect returns a sink that appends to offers.
func collect(offers *[]pricing.Offer) pricing.Sink {
	return func(o pricing.Offer) error { *offers = append(*offers, o); return nil }
}

// parseFile parses a catalog page file.
func parseFile(tb testing.TB, path string) ([]pricing.Offer, pricing.ImportStats, string, error) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var got []pricing.Offer
	stats, next, err := ParsePage(f, path, fallback, collect(&got))
	return got, stats, next, err
}

func TestParseFixture(t *testing.T) {
	offers, stats, next, err := parseFile(t, "testdata/skus.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var got []row
	for _, o := range offers {
		got = append(got, toRow(o))
	}
	gp, u := "general_purpose", "USD"
	want := []row{
		{"AAAA-0001", "us-central1", "on_demand", "compute", gp, "hour", "0.02", u, "0", "0", true},
		{"AAAA-0001", "us-east1", "on_demand", "compute", gp, "hour", "0.02", u, "0", "0", true},
		{"AAAA-0002", "us-central1", "on_demand", "compute", gp, "hour", "0.003", u, "0", "0", true},
		{"AAAA-0002", "us-east1", "on_demand", "compute", gp, "hour", "0.003", u, "0", "0", true},
		{"AAAA-0003", "us-central1", "spot", "compute", gp, "hour", "0.006", u, "0", "0", true},
		{"AAAA-0003", "us-east1", "spot", "compute", gp, "hour", "0.006", u, "0", "0", true},
		{"AAAA-0004", "us-central1", "reserved_1y_no_upfront", "compute", gp, "hour", "0.0126", u, "0", "0", true},
		{"AAAA-0004", "us-east1", "reserved_1y_no_upfront", "compute", gp, "hour", "0.0126", u, "0", "0", true},
		{"AAAA-0005", "us-central1", "on_demand", "block_storage", "hdd", "gb_month", "0", u, "0", "30", false},
		{"AAAA-0005", "us-central1", "on_demand", "block_storage", "hdd", "gb_month", "0.04", u, "30", "0", true},
		{"AAAA-0006", "global", "on_demand", "egress", "", "gb", "0", u, "0", "1", false},
		{"AAAA-0006", "global", "on_demand", "egress", "", "gb", "0.12", u, "1", "1024", false},
		{"AAAA-0006", "global", "on_demand", "egress", "", "gb", "0.11", u, "1024", "0", true},
		{"AAAA-0007", "us-central1", "on_demand", "object_storage", "", "gb_month", "0.0012", u, "0", "0", true},
		{"AAAA-0008", "asia-southeast2", "on_demand", "compute", gp, "hour", "500.123456789", "IDR", "0", "0", true},
		{"AAAA-0010", "global", "on_demand", "license", "", "hour", "0.046", u, "0", "0", true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	wantSkipped := map[string]int{"capacity reservation sku": 1, "usage type Commit1Mo": 1}
	if diff := cmp.Diff(wantSkipped, stats.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if next != "tok-2" {
		t.Errorf("got next page token %q, want tok-2", next)
	}
	idr := offers[14]
	if !idr.AsOf.Equal(fallback) || idr.Attributes["currency_conversion_rate"] != "15000" {
		t.Errorf("got as-of %v rate %q, want the fallback date and 15000", idr.AsOf, idr.Attributes["currency_conversion_rate"])
	}
	if idr.Attributes["series"] != "N2" || idr.Attributes["component"] != "core" || idr.Attributes["unit"] != "h" {
		t.Errorf("got attributes %v, want series N2, component core, unit h", idr.Attributes)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		wantSKU int
		want    []string
	}{
		{"truncated JSON", "testdata/truncated.json", 1, []string{"sku 1", "byte ", "truncated JSON"}},
		{"wrong format", "testdata/wrong-format.json", -1, []string{"byte ", "no skus array"}},
		{"unknown unit", "testdata/unknown-unit.json", 1, []string{"sku 1", `unknown unit "GiBy.d"`}},
		{"negative price", "testdata/negative-price.json", 2, []string{"sku 2", "negative price -1.5"}},
		{"unknown currency", "testdata/unknown-currency.json", 0, []string{"sku 0", `unknown currency "XYZ"`}},
		{"nanos out of range", "testdata/bad-nanos.json", 0, []string{"sku 0", "nanos"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := parseFile(t, tt.file)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.SKU != tt.wantSKU {
				t.Errorf("got sku %d, want %d (%v)", pe.SKU, tt.wantSKU, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestMoneyAmount(t *testing.T) {
	tests := []struct {
		name, units, nanos, want string
	}{
		{"nanos only", "0", "26460000", "0.02646"},
		{"units and nanos", "2", "933908000", "2.933908"},
		{"idr", "327", "173848364", "327.173848364"},
		{"negative", "-1", "-500000000", "-1.5"},
		{"units omitted", "", "5", "0.000000005"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := money{Units: tt.units, Nanos: json.Number(tt.nanos)}.amount()
			if err != nil || got.String() != tt.want {
				t.Errorf("got %s, %v, want %s", got, err, tt.want)
			}
		})
	}
}
