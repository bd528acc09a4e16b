package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Quote prices every option for the need: IaaS on each infrastructure
// provider, PaaS on each platform, and SaaS from each vendor whose product
// serves the workload's kind. Options with a missing price are kept, marked
// incomplete with what is missing, never priced as zero.
func Quote(n Need, c *Catalog, geography string, horizonYears int) []Option {
	var out []Option
	for _, p := range Providers {
		region, _ := Region(geography, p)
		out = append(out, quoteIaaS(n, c, p, region, horizonYears))
	}
	for _, p := range c.ProvidersOf(PaaS) {
		region, _ := Region(geography, p)
		if o, ok := quotePaaS(n, c, p, region, horizonYears); ok {
			out = append(out, o)
		}
	}
	if n.Users > 0 {
		for _, p := range c.ProvidersOf(SaaS) {
			if o, ok := quoteSaaS(n, c, p, horizonYears); ok {
				out = append(out, o)
			}
		}
	}
	return out
}

func quoteIaaS(n Need, c *Catalog, provider, region string, years int) Option {
	opt := Option{Model: ModelIaaS, Provider: provider, Region: region}
	vm, ok := c.Cheapest(Fit{Provider: provider, Region: region, Service: Compute, OS: n.OS, Term: OnDemand,
		MinVCPU: n.VCPU, MinMemory: n.MemoryGiB})
	if ok {
		opt.Product, opt.SKU = vm.Name, vm.SKU
		opt.Lines = append(opt.Lines, line(fmt.Sprintf("%s %s × %d", vm.Name, n.OS, n.Instances), "compute", usage(n.Instances, vm), vm))
	} else {
		opt.missing("compute: no %s instance with at least %g vCPU and %g GiB in %s", n.OS, n.VCPU, n.MemoryGiB, region)
	}
	opt.addUsage(c, Fit{Provider: provider, Region: region, Service: BlockStorage, Term: OnDemand},
		"block storage", "storage", n.StorageGB*max(n.Instances, 1))
	opt.addUsage(c, Fit{Provider: provider, Region: region, Service: Egress, Term: OnDemand},
		"data transfer out", "network", n.EgressGBMonth)
	opt.finish(years)
	return opt
}

// addUsage prices qty units of the cheapest SKU that fits, over its tiers.
func (opt *Option) addUsage(c *Catalog, f Fit, name, component string, qty int) {
	if qty <= 0 {
		return
	}
	first, ok := c.Cheapest(f)
	if !ok {
		opt.missing("%s: no price in %s", name, f.Region)
		return
	}
	f.Match = func(o Offer) bool { return o.SKU == first.SKU }
	opt.Lines = append(opt.Lines, tiered(name, component, decimal.NewFromInt(int64(qty)), c.All(f))...)
}

func quotePaaS(n Need, c *Catalog, provider, region string, years int) (Option, bool) {
	inRegion := c.All(Fit{Provider: provider, Region: region, Service: PaaS})
	if len(inRegion) == 0 {
		return Option{}, false
	}
	opt := Option{Model: ModelPaaS, Provider: provider, Region: region}
	plan, ok := c.Cheapest(Fit{Provider: provider, Region: region, Service: PaaS, OS: n.OS, Term: OnDemand,
		MinMemory: n.MemoryGiB, Match: func(o Offer) bool { return o.VCPU == 0 || o.VCPU >= n.VCPU }})
	if ok {
		opt.Product, opt.SKU = plan.Name, plan.SKU
		opt.Lines = append(opt.Lines, line(fmt.Sprintf("%s × %d", plan.Name, n.Instances), "compute", usage(n.Instances, plan), plan))
	} else {
		opt.missing("platform: no plan with at least %g GiB in %s", n.MemoryGiB, region)
	}
	if n.DatabaseEngine != "" {
		db, ok := c.Cheapest(Fit{Provider: provider, Region: region, Service: Database, Term: OnDemand,
			Match: func(o Offer) bool { return o.HasAttr("engine", n.DatabaseEngine) }})
		if ok {
			opt.Lines = append(opt.Lines, line("managed "+n.DatabaseEngine+" "+db.Name, "database", usage(1, db), db))
		} else {
			opt.missing("database: no managed %s price for %s in %s", n.DatabaseEngine, provider, region)
		}
	}
	opt.finish(years)
	return opt, true
}

func quoteSaaS(n Need, c *Catalog, vendor string, years int) (Option, bool) {
	plan, ok := c.Cheapest(Fit{Provider: vendor, Service: SaaS, Match: func(o Offer) bool {
		return o.HasAttr("kinds", n.Kind) && tierRank[o.Attributes["tier"]] >= tierRank[n.Tier]
	}})
	if !ok {
		return Option{}, false
	}
	opt := Option{Model: ModelSaaS, Provider: vendor, Region: plan.Region, Product: joinNonEmpty(plan.ProviderService, plan.Name), SKU: plan.SKU}
	opt.Lines = append(opt.Lines, line(fmt.Sprintf("%s seats", plan.Name), "seats", decimal.NewFromInt(int64(n.Users)), plan))
	opt.finish(years)
	return opt, true
}
