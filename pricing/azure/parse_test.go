package azure

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

// row is the part of an Offer the tests compare, with decimals as strings.
type row struct {
	SKU, Term, Service, OS, Family, Region string
	VCPU, MemoryGiB                        float64
	Unit, Amount, Upfront                  string
	TierStart, TierEnd                     string
	Unbounded                              bool
}

func toRow(o pricing.Offer) row {
	return row{SKU: o.SKU, Term: string(o.Term), Service: string(o.Service), OS: o.OS, Family: o.Family,
		Region: o.Region, VCPU: o.VCPU, MemoryGiB: o.MemoryGiB, Unit: string(o.Unit),
		Amount: o.Amount.String(), Upfront: o.Upfront.String(), TierStart: o.TierStart.String(),
		TierEnd: o.TierEnd.String(), Unbounded: o.Unbounded}
}

// parseFile parses a page file and returns its offers.
func parseFile(tb testing.TB, path string) ([]pricing.Offer, pricing.ImportStats, error) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var got []pricing.Offer
	stats, err := Parse(f, path, func(o pricing.Offer) error {
		got = append(got, o)
		return nil
	})
	return got, stats, err
}

func TestParseFixtures(t *testing.T) {
	vm := func(sku, term, os, family string, vcpu, mem float64, amount, upfront string) row {
		return row{SKU: sku, Term: term, Service: "compute", OS: os, Family: family, Region: "eastus",
			VCPU: vcpu, MemoryGiB: mem, Unit: "hour", Amount: amount, Upfront: upfront,
			TierStart: "0", TierEnd: "0", Unbounded: true}
	}
	d2 := func(sku, term, os, amount, upfront string) row {
		return vm("Standard_D2s_v3/"+sku, term, os, "general_purpose", 2, 8, amount, upfront)
	}
	store := func(sku, service, region, unit, amount, start, end string, unbounded bool) row {
		return row{SKU: sku, Term: "on_demand", Service: service, Region: region, Unit: unit, Amount: amount,
			Upfront: "0", TierStart: start, TierEnd: end, Unbounded: unbounded}
	}
	disk := func(r row) row { r.Family = pricing.VolumeGeneralSSD; return r }
	tests := []struct {
		name        string
		file        string
		want        []row
		wantSkipped map[string]int
		wantProds   int
	}{
		{
			name: "virtual machines: terms, spot and low priority apart, savings plans, units",
			file: "testdata/vm-eastus.json",
			want: []row{
				d2("linux", "on_demand", "linux", "0.096", "0"),
				d2("windows", "on_demand", "windows", "0.188", "0"),
				d2("windows", "dev_test", "windows", "0.096", "0"),
				d2("linux", "spot", "linux", "0.02", "0"),
				d2("windows/spot", "dev_test", "windows", "0.03", "0"),
				d2("linux", "low_priority", "linux", "0.019", "0"),
				d2("linux", "reserved_1y_all_upfront", "linux", "0", "500"),
				d2("linux", "reserved_3y_all_upfront", "linux", "0", "1000"),
				vm("Standard_B1s/linux", "on_demand", "linux", "burstable", 1, 1, "0.0104", "0"),
				vm("Standard_B1s/linux", "savings_plan_3y", "linux", "burstable", 1, 1, "0.0047", "0"),
				vm("Standard_B1s/linux", "savings_plan_1y", "linux", "burstable", 1, 1, "0.007", "0"),
				vm("Standard_X1/linux", "on_demand", "linux", "", 0, 0, "0.096", "0"),
			},
			wantSkipped: map[string]int{"reservation term 5 Years": 1, "savings plan term 5 Years": 1},
			wantProds:   10,
		},
		{
			name: "storage and bandwidth: tiers out of order, 10K, 1M, disks, global egress",
			file: "testdata/storage-eastus.json",
			want: []row{
				store("B/0001/m-hot", "object_storage", "eastus", "gb_month", "0.05616", "51200", "0", true),
				store("B/0001/m-hot", "object_storage", "eastus", "gb_month", "0.0585", "0", "51200", false),
				store("B/0001/m-write", "object_storage", "eastus", "request", "0.000005", "0", "0", true),
				store("B/0001/m-inv", "object_storage", "eastus", "request", "0.0000000025", "0", "0", true),
				disk(store("D/0001/m-p10", "block_storage", "eastus", "month", "19.71", "0", "0", true)),
				store("E/0001/m-egress", "egress", "global", "gb", "0.087", "5", "0", true),
				store("E/0001/m-egress", "egress", "global", "gb", "0", "0", "5", false),
			},
			wantProds: 7,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			offers, stats, err := parseFile(t, tt.file)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got []row
			for _, o := range offers {
				got = append(got, toRow(o))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("offers (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantSkipped, stats.Skipped); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
			if stats.Products != tt.wantProds || stats.Prices != len(tt.want) {
				t.Errorf("got %d products %d prices, want %d, %d", stats.Products, stats.Prices, tt.wantProds, len(tt.want))
			}
		})
	}
}

func TestParseKeepsProvenance(t *testing.T) {
	offers, _, err := parseFile(t, "testdata/vm-eastus.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	o := offers[0]
	if o.Provider != "azure" || o.ProviderService != "Virtual Machines" || o.Name != "Standard_D2s_v3" {
		t.Errorf("got provider %q service %q name %q, want azure, Virtual Machines, Standard_D2s_v3", o.Provider, o.ProviderService, o.Name)
	}
	if got, want := o.AsOf.Format("2006-01-02"), "2017-12-15"; got != want {
		t.Errorf("got as-of %s, want %s", got, want)
	}
	if o.Source != "testdata/vm-eastus.json" || o.Currency != "USD" {
		t.Errorf("got source %q currency %q, want the file name and USD", o.Source, o.Currency)
	}
	if o.Attributes["unit"] != "1 Hour" || o.Attributes["is_primary_meter_region"] != "false" {
		t.Errorf("got attributes %v, want unit 1 Hour and is_primary_meter_region false", o.Attributes)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		wantItem int
		want     []string // substrings of the message
	}{
		{name: "truncated JSON", file: "testdata/truncated.json", wantItem: 1, want: []string{"item 1", "byte ", "truncated JSON"}},
		{name: "wrong format", file: "testdata/wrong-format.json", wantItem: -1, want: []string{"byte ", "no Items array"}},
		{name: "not an object", file: "testdata/not-an-object.json", wantItem: -1, want: []string{"byte 0", "not a retail prices page"}},
		{name: "unknown unit", file: "testdata/unknown-unit.json", wantItem: 1, want: []string{"item 1", `unknown unit "1 Fortnight"`}},
		{name: "negative price", file: "testdata/negative-price.json", wantItem: 2, want: []string{"item 2", "negative price -0.1"}},
		{name: "unknown currency", file: "testdata/unknown-currency.json", wantItem: 0, want: []string{"item 0", `unknown currency "XYZ"`}},
		{name: "price not a number", file: "testdata/bad-price.json", wantItem: 0, want: []string{"item 0", "cheap"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseFile(t, tt.file)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.Item != tt.wantItem {
				t.Errorf("got item %d, want %d (%v)", pe.Item, tt.wantItem, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestParseSinkError(t *testing.T) {
	f, err := os.Open("testdata/vm-eastus.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stop := errors.New("stop")
	_, err = Parse(f, "x", func(pricing.Offer) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("got %v, want the sink's error", err)
	}
}
