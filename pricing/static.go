package pricing

import "strings"

// staticAll prices a static site on each infrastructure provider's object
// storage, served to the internet: the site's files per GB-month (storage of
// every instance added up) and the data sent out per GB at the provider's
// internet egress price. A CDN in front is advised but not priced: no CDN
// price with a source is in the default catalog. Where no object storage
// price is known the option is kept, marked incomplete.
func (q quoter) staticAll() []Option {
	var out []Option
	for _, p := range []string{"aws", "azure", "gcp", "digitalocean"} {
		region, _ := Region(q.s.Geography, p)
		opt := Option{Model: ModelPaaS, Provider: p, Region: region, Strategy: strategyFor(ModelPaaS, q.n.Strategy),
			Product: "object storage static website"}
		gb := max(q.n.StorageGB, 1) * max(q.n.Instances, 1)
		f := Fit{Provider: p, Region: region, Service: ObjectStorage, Term: OnDemand, Match: hotStorage}
		if ls, ok := q.usageLines(f, M("price.line.site_files"), CompStorage, gb); ok {
			opt.Lines = append(opt.Lines, ls...)
			opt.Product, opt.SKU = ls[0].Name, ls[0].SKU
			if o, ok := q.c.Cheapest(f); ok {
				opt.Product = o.Name + " static website"
			}
		} else {
			opt.missing("object_storage", ProviderRef(p), RegionRef(region))
		}
		q.addUsage(&opt, Fit{Provider: p, Region: region, Service: Egress, Term: OnDemand},
			M("price.line.site_egress"), CompNetwork, q.n.EgressGBMonth)
		opt.note("static_cdn")
		q.addLabour(&opt, "")
		q.addMigration(&opt)
		out = append(out, opt)
	}
	return out
}

// hotStorage keeps object storage for frequently read data: no cool,
// cold or archive tier, and the stored-data meter only.
func hotStorage(o Offer) bool {
	if o.Unit != PerGBMonth {
		return false
	}
	t := strings.ToLower(o.Attributes["tier"] + " " + o.Name)
	return !strings.Contains(t, "cool") && !strings.Contains(t, "cold") && !strings.Contains(t, "archive")
}
