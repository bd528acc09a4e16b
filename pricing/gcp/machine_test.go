package gcp

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

func TestMachineTypes(t *testing.T) {
	components, _, _, err := parseFile(t, "testdata/skus.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	table := []MachineType{
		{"e2-medium", "E2", "burstable", 2, 4, 1},
		{"e2-standard-4", "E2", "general_purpose", 4, 16, 4},
		{"n2-standard-2", "N2", "general_purpose", 2, 8, 2},
	}
	var got []string
	var offers []pricing.Offer
	stats, err := MachineTypes(components, table, func(o pricing.Offer) error {
		offers = append(offers, o)
		got = append(got, o.Region+" "+string(o.Term)+" "+o.SKU+" "+o.Amount.String())
		return nil
	})
	if err != nil {
		t.Fatalf("MachineTypes: %v", err)
	}
	// e2-medium: 1 x 0.02 + 4 x 0.003; e2-standard-4: 4 x 0.02 + 16 x 0.003.
	want := []string{
		"us-central1 on_demand e2-medium 0.032", "us-central1 on_demand e2-standard-4 0.128",
		"us-east1 on_demand e2-medium 0.032", "us-east1 on_demand e2-standard-4 0.128",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("machine types (-want +got):\n%s", diff)
	}
	wantSkipped := map[string]int{"no ram price for series E2": 4, "no ram price for series N2": 1}
	if diff := cmp.Diff(wantSkipped, stats.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	o := offers[0]
	if o.Attributes["core_sku"] != "AAAA-0001" || o.Attributes["ram_sku"] != "AAAA-0002" {
		t.Errorf("got attributes %v, want core_sku AAAA-0001 and ram_sku AAAA-0002", o.Attributes)
	}
	if o.VCPU != 2 || o.MemoryGiB != 4 || o.Unit != pricing.PerHour || o.Service != pricing.Compute || o.Family != "burstable" {
		t.Errorf("got %v vCPU %v GiB %s %s %s, want 2, 4, hour, compute, burstable", o.VCPU, o.MemoryGiB, o.Unit, o.Service, o.Family)
	}
}

func TestMachineTypesTable(t *testing.T) {
	tests := []struct {
		name              string
		vcpu, gib, billed float64
		family            string
	}{
		{"e2-medium", 2, 4, 1, "burstable"},
		{"e2-standard-2", 2, 8, 2, "general_purpose"},
		{"e2-highmem-16", 16, 128, 16, "memory_optimized"},
		{"n1-standard-1", 1, 3.75, 1, "general_purpose"},
		{"n2-highcpu-8", 8, 8, 8, "compute_optimized"},
		{"n4-highcpu-4", 4, 8, 4, "compute_optimized"},
		{"c3-standard-22", 22, 88, 22, "general_purpose"},
		{"n4a-standard-4", 4, 16, 4, "general_purpose"},
	}
	byName := map[string]MachineType{}
	for _, mt := range MachineTypesTable {
		if _, dup := byName[mt.Name]; dup {
			t.Errorf("machine type %s is listed twice", mt.Name)
		}
		byName[mt.Name] = mt
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt, ok := byName[tt.name]
			if !ok {
				t.Fatalf("got no %s in the table", tt.name)
			}
			if mt.VCPU != tt.vcpu || mt.MemoryGiB != tt.gib || mt.BilledVCPU != tt.billed || mt.Family != tt.family {
				t.Errorf("got %+v, want %v vCPU %v GiB billed %v %s", mt, tt.vcpu, tt.gib, tt.billed, tt.family)
			}
		})
	}
	for _, absent := range []string{"e2-highmem-32", "n1-highcpu-1"} {
		if _, ok := byName[absent]; ok {
			t.Errorf("got %s in the table, want it absent (no such machine type)", absent)
		}
	}
}

func TestToUSD(t *testing.T) {
	offers, _, _, err := parseFile(t, "testdata/skus.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	tests := []struct {
		name, sku, want string
	}{
		{"USD unchanged", "AAAA-0001", "0.02"},
		{"IDR divided by the rate", "AAAA-0008", "0.0333415637859333"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, o := range offers {
				if o.SKU != tt.sku {
					continue
				}
				usd, err := ToUSD(o)
				if err != nil || usd.Amount.String() != tt.want || usd.Currency != "USD" {
					t.Errorf("got %s %s, %v, want %s USD", usd.Amount, usd.Currency, err, tt.want)
				}
				return
			}
			t.Fatalf("got no offer %s", tt.sku)
		})
	}
	bad := pricing.Offer{SKU: "x", Currency: "IDR", Attributes: map[string]string{}}
	if _, err := ToUSD(bad); err == nil {
		t.Errorf("got no error converting without a rate, want one")
	}
}
