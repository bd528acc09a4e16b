package gcp

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

// parseCSVFile parses a pricing export file.
func parseCSVFile(tb testing.TB, path string) ([]pricing.Offer, pricing.ImportStats, error) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var got []pricing.Offer
	stats, err := ParseCSV(f, path, fallback, collect(&got))
	return got, stats, err
}

func TestParseCSVFixture(t *testing.T) {
	offers, stats, err := parseCSVFile(t, "testdata/pricing.csv")
	if err != nil {
		t.Fatalf("ParseCSV: %v", err)
	}
	var got []row
	for _, o := range offers {
		got = append(got, toRow(o))
	}
	gp, u := "general_purpose", "USD"
	want := []row{
		{"BBBB-0001", "global", "on_demand", "compute", gp, "hour", "0.02", u, "0", "0", true},
		{"BBBB-0002", "global", "on_demand", "compute", gp, "hour", "0.003", u, "0", "0", true},
		{"BBBB-0003", "asia-northeast1", "on_demand", "compute", gp, "hour", "0.04", u, "0", "0", true},
		{"BBBB-0004", "asia-northeast1", "on_demand", "compute", gp, "hour", "0.005", u, "0", "0", true},
		{"BBBB-0005", "asia-northeast1", "spot", "compute", gp, "hour", "0.01", u, "0", "0", true},
		{"BBBB-0006", "asia-northeast1", "reserved_3y_no_upfront", "compute", gp, "hour", "0.018", u, "0", "0", true},
		{"BBBB-0007", "global", "on_demand", "block_storage", "hdd", "gb_month", "0", u, "0", "30", false},
		{"BBBB-0007", "global", "on_demand", "block_storage", "hdd", "gb_month", "0.04", u, "30", "0", true},
		{"BBBB-0008", "global", "on_demand", "block_storage", "", "request", "0.0000005", u, "0", "0", true},
		{"BBBB-0011", "global", "on_demand", "egress", "", "gb", "0.12", u, "0", "1024", false},
		{"BBBB-0011", "global", "on_demand", "egress", "", "gb", "0.11", u, "1024", "0", true},
		{"BBBB-0013", "global", "on_demand", "license", "", "month", "3000", u, "0", "0", true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	wantSkipped := map[string]int{"capacity reservation sku": 1, "discount sku": 1, "no list price": 1}
	if diff := cmp.Diff(wantSkipped, stats.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if stats.Products != 10 || stats.Prices != 12 {
		t.Errorf("got %s, want 10 products, 12 prices", stats)
	}
	if got := offers[0].Attributes["location"]; got != "Americas" {
		t.Errorf("got location %q, want Americas", got)
	}
}

func TestParseCSVErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		wantLine int
		want     string
	}{
		{"wrong format", "testdata/wrong-header.csv", 1, "not a pricing export"},
		{"JSON instead of CSV", "testdata/skus.json", 1, "not a pricing export"},
		{"unknown unit", "testdata/unknown-unit.csv", 3, `unknown unit "fortnight"`},
		{"negative price", "testdata/negative-price.csv", 4, "negative price -0.5"},
		{"price not a number", "testdata/bad-price.csv", 2, `list price "cheap"`},
		{"short row", "testdata/short-row.csv", 2, "got 7 columns, want 10"},
		{"unterminated quote", "testdata/bad-quote.csv", 2, "quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseCSVFile(t, tt.file)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.Line != tt.wantLine || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q (line %d), want line %d and %q", err, pe.Line, tt.wantLine, tt.want)
			}
		})
	}
}

func TestRegionOf(t *testing.T) {
	tests := []struct{ name, description, wantRegion, wantLocation string }{
		{"city", "N2 Instance Core running in Tokyo", "asia-northeast1", "Tokyo"},
		{"two words", "N2 Instance Core running in Salt Lake City", "us-west3", "Salt Lake City"},
		{"commitment", "Commitment v1: E2 Cpu in Iowa for 1 Year", "us-central1", "Iowa"},
		{"commitment years", "Commitment v1: E2 Cpu in Seoul for 3 Years", "asia-northeast3", "Seoul"},
		{"multi-region", "E2 Instance Core running in Americas", "global", "Americas"},
		{"none", "Storage PD Capacity", "global", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			region, location := regionOf(tt.description)
			if region != tt.wantRegion || location != tt.wantLocation {
				t.Errorf("got %s, %q, want %s, %q", region, location, tt.wantRegion, tt.wantLocation)
			}
		})
	}
}
