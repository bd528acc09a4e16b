package pricing

import (
	"github.com/shopspring/decimal"
)

// addMetered prices the workload on a platform billed per resource rather
// than per plan (App Engine flexible environment): vCPU-hours, GiB-hours of
// memory and GB-months of disk, one set per instance, from the provider's
// PaaS offers with attribute metered=vcpu, memory or disk. It is false when
// the provider has no vCPU and memory meters in the region.
//
// The shape follows the meters' rules, which are data on the offers: whole
// vCPUs, an even count above one where the vCPU meter says even_vcpu=true,
// memory between min_gib_per_vcpu and max_gib_per_vcpu per vCPU (more vCPUs
// when the sizing's memory needs them), and at least the disk meter's
// min_gb per instance. The application's data belongs in a managed
// database, so the disk is the platform's minimum.
func (q quoter) addMetered(opt *Option, sz Sizing) bool {
	meter := func(kind string) (Offer, bool) {
		return q.c.Cheapest(Fit{Provider: opt.Provider, Region: opt.Region, Service: PaaS, Term: OnDemand,
			Match: func(o Offer) bool { return o.Attributes["metered"] == kind }})
	}
	cpu, okCPU := meter("vcpu")
	ram, okRAM := meter("memory")
	if !okCPU || !okRAM {
		return false
	}
	vcpu, mem := meteredShape(sz, cpu, ram)
	n := max(q.n.Instances, 1)
	cpu, ram = q.commit(opt, cpu), q.commit(opt, ram)
	opt.Product, opt.SKU = cpu.ProviderService, cpu.SKU
	hours := usage(n, cpu)
	opt.Lines = append(opt.Lines,
		line(M("price.line.paas_vcpu", cpu.Name, n, vcpu), CompCompute, hours.Mul(vcpu), n, cpu),
		line(M("price.line.paas_memory", ram.Name, n, mem), CompCompute, usage(n, ram).Mul(mem), n, ram))
	opt.note("paas_metered", vcpu, mem, sz.VCPU, sz.MemoryGiB)
	disk, ok := meter("disk")
	if !ok {
		opt.missing("paas_disk", ProviderRef(opt.Provider), RegionRef(opt.Region))
		return true
	}
	gb := attrDecimal(disk, "min_gb")
	label := M("price.line.paas_disk", disk.Name, n, gb)
	opt.Lines = append(opt.Lines, line(label, CompStorage, gb.Mul(decimal.NewFromInt(int64(n))), n, disk))
	opt.note("paas_metered_disk", gb)
	return true
}

// meteredShape is the vCPU count and memory a metered platform runs the
// sizing on (see addMetered for the rules).
func meteredShape(sz Sizing, cpu, ram Offer) (vcpu, mem decimal.Decimal) {
	one := decimal.NewFromInt(1)
	even := cpu.Attributes["even_vcpu"] == "true"
	whole := func(v decimal.Decimal) decimal.Decimal {
		v = decimal.Max(v.Ceil(), one)
		if even && v.GreaterThan(one) && !v.Mod(decimal.NewFromInt(2)).IsZero() {
			v = v.Add(one)
		}
		return v
	}
	vcpu, mem = whole(sz.VCPU), sz.MemoryGiB
	if hi := attrDecimal(ram, "max_gib_per_vcpu"); hi.IsPositive() && mem.GreaterThan(vcpu.Mul(hi)) {
		vcpu = whole(mem.Div(hi))
	}
	return vcpu, decimal.Max(mem, vcpu.Mul(attrDecimal(ram, "min_gib_per_vcpu")))
}

// attrDecimal is the offer's attribute as a number, zero when absent.
func attrDecimal(o Offer, key string) decimal.Decimal {
	d, err := decimal.NewFromString(o.Attributes[key])
	if err != nil {
		return decimal.Zero
	}
	return d
}
