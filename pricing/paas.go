package pricing

import (
	"fmt"
	"slices"
	"strconv"
)

// paasAll prices the platforms: each provider's smallest plan that fits, or
// for a database workload each provider's managed database alone.
func (q quoter) paasAll() []Option {
	var out []Option
	if q.n.Kind == "database" {
		if q.n.DatabaseEngine == "" {
			return nil
		}
		for _, p := range q.c.ProvidersOf(Database) {
			if o, ok := q.managedOnly(p); ok {
				out = append(out, o)
			}
		}
		return out
	}
	for _, p := range q.c.ProvidersOf(PaaS) {
		if o, ok := q.paas(p); ok {
			out = append(out, o)
		}
	}
	return out
}

// managedOnly prices a database workload on the provider's managed service.
func (q quoter) managedOnly(provider string) (Option, bool) {
	region, _ := Region(q.s.Geography, provider)
	if len(q.c.All(Fit{Provider: provider, Region: region, Service: Database})) == 0 {
		return Option{}, false
	}
	opt := Option{Model: ModelPaaS, Provider: provider, Region: region, Strategy: strategyFor(ModelPaaS, q.n.Strategy)}
	sz := RightSize(q.n, q.s.Sizing, q.s.Comfort)
	opt.Sizing = &sz
	q.addManagedDB(&opt, provider, region)
	opt.Product = "managed " + q.n.DatabaseEngine
	if len(opt.Lines) > 0 {
		opt.Product, opt.SKU = opt.Lines[0].Name, opt.Lines[0].SKU
	}
	q.addEgress(&opt, provider, region)
	q.addLabour(&opt, "managed_only")
	q.addMigration(&opt)
	return opt, true
}

// paas prices the workload on the provider's platform, false when the
// provider has no plan in the region. A plan that runs on the provider's
// VMs (runs_on=ec2: Elastic Beanstalk) costs those VMs; otherwise the
// smallest plan that fits, or, when none does, the platform's per-resource
// meters (App Engine flexible, see addMetered).
func (q quoter) paas(provider string) (Option, bool) {
	region, _ := Region(q.s.Geography, provider)
	plans := q.c.All(Fit{Provider: provider, Region: region, Service: PaaS})
	if len(plans) == 0 {
		return Option{}, false
	}
	opt := Option{Model: ModelPaaS, Provider: provider, Region: region, Strategy: strategyFor(ModelPaaS, q.n.Strategy)}
	sz := RightSize(q.n, q.s.Sizing, q.s.Comfort)
	opt.Sizing = &sz
	hosted := slices.IndexFunc(plans, func(o Offer) bool { return o.Attributes["runs_on"] != "" })
	metered := false
	switch {
	case hosted >= 0:
		q.addHostedPlatform(&opt, plans[hosted], sz)
	case q.addPlan(&opt, sz):
	case q.addMetered(&opt, sz):
		metered = true
	default:
		opt.missing("platform", OSRef(q.n.OS), sz.MemoryGiB, RegionRef(opt.Region))
	}
	db := ""
	if q.n.DatabaseEngine != "" {
		db = "managed"
		q.addManagedDB(&opt, provider, region)
	} else if q.n.StorageGB > 0 && hosted < 0 && !metered {
		opt.note("paas_storage")
	}
	q.addEgress(&opt, provider, region)
	q.addLabour(&opt, db)
	q.addMigration(&opt)
	return opt, true
}

// addHostedPlatform prices a platform with no charge of its own on what it
// runs: the VMs, their disks (the application's storage; a database workload
// keeps its data in the managed database) and the load balancer of a
// load-balanced environment.
func (q quoter) addHostedPlatform(opt *Option, plan Offer, sz Sizing) {
	opt.Lines = append(opt.Lines, line(M("price.line.paas_free", plan.Name), CompCompute, usage(1, plan), 1, plan))
	vm, ok := q.addVM(opt, plan.Provider, plan.Region, sz)
	opt.Product, opt.SKU = plan.Name, plan.SKU
	if ok {
		opt.Product = fmt.Sprintf("%s on %s", plan.Name, vm.Name)
	}
	if q.n.DatabaseEngine == "" {
		q.addBlockStorage(opt, plan.Provider, plan.Region)
	}
	q.addLoadBalancer(opt, plan.Provider, plan.Region)
}

// addLoadBalancer adds one load balancer running all month (kind
// load_balancer); its capacity units depend on traffic and are noted with
// their price, not priced.
func (q quoter) addLoadBalancer(opt *Option, provider, region string) {
	lb, ok := q.c.Cheapest(Fit{Provider: provider, Region: region, Service: Other, Term: OnDemand,
		Match: func(o Offer) bool { return o.Attributes["kind"] == "load_balancer" }})
	if !ok {
		opt.missing("load_balancer", ProviderRef(provider), RegionRef(region))
		return
	}
	opt.Lines = append(opt.Lines, line(M("price.line.load_balancer", lb.Name), CompNetwork, usage(1, lb), 1, lb))
	if lcu := lb.Attributes["lcu_hour"]; lcu != "" {
		opt.note("lb_capacity_units", lb.Name, lcu, lb.Currency)
	}
}

// addPlan adds the cheapest plan with at least the sizing's memory (and vCPU
// where the plan states it), one per instance; false when none fits. A plan
// billed per account with a cap of dyno hours fits only when the instances
// stay under the cap. A plan whose CPU is stated as a clock rate (App Engine
// standard F classes, attribute cpu_ghz: a share of one core) fits at most
// one vCPU. Per-resource meters (attribute metered) are no plan.
func (q quoter) addPlan(opt *Option, sz Sizing) bool {
	vcpu, mem := sz.floats()
	n := q.n.Instances
	fits := func(o Offer) bool {
		if o.Attributes["runs_on"] != "" || o.Attributes["metered"] != "" || (o.VCPU != 0 && o.VCPU < vcpu) {
			return false
		}
		if o.Attributes["cpu_ghz"] != "" && vcpu > 1 {
			return false
		}
		if capHours, err := strconv.Atoi(o.Attributes["dyno_hours"]); err == nil && n*HoursPerMonth > capHours {
			return false
		}
		return true
	}
	od, ok := q.c.Cheapest(Fit{Provider: opt.Provider, Region: opt.Region, Service: PaaS, OS: q.n.OS, Term: OnDemand,
		MinMemory: mem, Match: fits})
	if !ok {
		return false
	}
	plan := q.commit(opt, od)
	opt.Product, opt.SKU = joinNonEmpty(plan.ProviderService, plan.Name), plan.SKU
	units := n
	if plan.Attributes["per"] == "account" {
		units = 1
	}
	opt.Lines = append(opt.Lines, line(M("price.line.paas", plan.Name, units), CompCompute, usage(units, plan), units, plan))
	return true
}

// addEgress prices data transfer out where the provider bills it apart, and
// notes it as included in the plan where the catalog has no egress for the
// provider at all (Heroku).
func (q quoter) addEgress(opt *Option, provider, region string) {
	if q.n.EgressGBMonth <= 0 {
		return
	}
	if !slices.Contains(q.c.ProvidersOf(Egress), provider) {
		opt.note("paas_egress", ProviderRef(provider))
		return
	}
	q.addUsage(opt, Fit{Provider: provider, Region: region, Service: Egress, Term: OnDemand},
		M("price.line.egress"), CompNetwork, q.n.EgressGBMonth)
}
