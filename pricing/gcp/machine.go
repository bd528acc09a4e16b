package gcp

import (
	"fmt"
	"maps"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// MachineType is a predefined machine type priced from its series' per-core
// and per-GiB SKUs. BilledVCPU is the vCPUs billed at the core price: the
// shared-core E2 types bill a fraction of their two vCPUs (e2-medium bills 1).
type MachineType struct {
	Name       string
	Series     string // as in Attributes["series"]: E2, N2, N2D, ...
	Family     string
	VCPU       float64
	MemoryGiB  float64
	BilledVCPU float64
}

// MachineTypesTable lists predefined machine types whose shapes are published
// by Google: standard (general_purpose), highmem (memory_optimized), highcpu
// (compute_optimized) and the shared-core E2 types (burstable).
var MachineTypesTable = buildTable()

func buildTable() []MachineType {
	t := []MachineType{
		{"e2-micro", "E2", "burstable", 2, 1, 0.25},
		{"e2-small", "E2", "burstable", 2, 2, 0.5},
		{"e2-medium", "E2", "burstable", 2, 4, 1},
	}
	shapes := []struct {
		prefix, series string
		vcpus          []int
		standard       float64 // GiB per vCPU; 0 when the shape does not exist
		highmem        float64
		highcpu        float64
	}{
		{"e2", "E2", []int{2, 4, 8, 16, 32}, 4, 8, 1},
		{"n1", "N1", []int{1, 2, 4, 8, 16, 32}, 3.75, 6.5, 0.9},
		{"n2", "N2", []int{2, 4, 8, 16, 32}, 4, 8, 1},
		{"n2d", "N2D", []int{2, 4, 8, 16, 32}, 4, 8, 1},
		{"n4", "N4", []int{2, 4, 8, 16, 32}, 4, 8, 2},
		{"n4d", "N4D", []int{2, 4, 8, 16}, 4, 0, 0},
		{"n4a", "N4A", []int{2, 4, 8, 16}, 4, 0, 0},
		{"c3", "C3", []int{4, 8, 22, 44}, 4, 8, 2},
		{"c3d", "C3D", []int{4, 8, 16, 30}, 4, 8, 2},
		{"t2d", "T2D", []int{1, 2, 4, 8, 16}, 4, 0, 0},
		{"c2", "C2", []int{4, 8, 16, 30, 60}, 4, 0, 0},
	}
	for _, s := range shapes {
		for _, kind := range []struct {
			name, family string
			ratio        float64
		}{{"standard", "general_purpose", s.standard}, {"highmem", "memory_optimized", s.highmem}, {"highcpu", "compute_optimized", s.highcpu}} {
			for _, n := range s.vcpus {
				// N1 has no 1-vCPU highmem/highcpu; E2 highmem stops at 16 vCPUs.
				if kind.ratio == 0 || kind.name != "standard" && n == 1 || s.series == "E2" && kind.name == "highmem" && n > 16 {
					continue
				}
				t = append(t, MachineType{fmt.Sprintf("%s-%s-%d", s.prefix, kind.name, n), s.series,
					kind.family, float64(n), float64(n) * kind.ratio, float64(n)})
			}
		}
	}
	return t
}

// priceKey groups component offers that combine into one machine price.
type priceKey struct{ region, term, currency, series string }

// MachineTypes combines per-core and per-GiB component offers (from Parse or
// ParseCSV, first tier only) into one hourly compute offer per machine type
// of table, region, term and currency where both components are known:
// BilledVCPU x core price + MemoryGiB x RAM price. Both SKU ids are kept in
// Attributes "core_sku" and "ram_sku"; SKU and Name are the machine type.
func MachineTypes(components []pricing.Offer, table []MachineType, sink pricing.Sink) (pricing.ImportStats, error) {
	var stats pricing.ImportStats
	cores, rams := map[priceKey]pricing.Offer{}, map[priceKey]pricing.Offer{}
	var order []priceKey
	for _, o := range components {
		if !o.TierStart.IsZero() {
			continue
		}
		k := priceKey{o.Region, string(o.Term), o.Currency, o.Attributes["series"]}
		switch o.Attributes["component"] {
		case "core":
			if _, ok := cores[k]; !ok {
				cores[k] = o
				order = append(order, k)
			}
		case "ram":
			if _, ok := rams[k]; !ok {
				rams[k] = o
			}
		}
	}
	for _, k := range order {
		ram, ok := rams[k]
		if !ok {
			stats.Skip("no ram price for series " + k.series)
			continue
		}
		for _, mt := range table {
			if mt.Series != k.series {
				continue
			}
			o := machineOffer(mt, cores[k], ram)
			if err := o.Validate(); err != nil {
				return stats, fmt.Errorf("machine type %s in %s: %w", mt.Name, k.region, err)
			}
			if err := sink(o); err != nil {
				return stats, fmt.Errorf("machine type %s in %s: %w", mt.Name, k.region, err)
			}
			stats.Products++
			stats.Prices++
		}
	}
	return stats, nil
}

// machineOffer prices one machine type from its core and RAM offers.
func machineOffer(mt MachineType, core, ram pricing.Offer) pricing.Offer {
	amount := decimal.NewFromFloat(mt.BilledVCPU).Mul(core.Amount).
		Add(decimal.NewFromFloat(mt.MemoryGiB).Mul(ram.Amount))
	attrs := maps.Clone(core.Attributes)
	delete(attrs, "component")
	delete(attrs, "description")
	attrs["core_sku"], attrs["ram_sku"] = core.SKU, ram.SKU
	attrs["core_price"], attrs["ram_price"] = core.Amount.String(), ram.Amount.String()
	asOf := core.AsOf
	if ram.AsOf.After(asOf) {
		asOf = ram.AsOf
	}
	return pricing.Offer{
		Provider: Provider, Service: pricing.Compute, ProviderService: core.ProviderService,
		Family: mt.Family, Region: core.Region, SKU: mt.Name, Name: mt.Name, OS: "linux",
		VCPU: mt.VCPU, MemoryGiB: mt.MemoryGiB, Attributes: attrs, Term: core.Term,
		Unit: pricing.PerHour, Amount: amount, Currency: core.Currency, Unbounded: true,
		AsOf: asOf, Source: core.Source,
	}
}
