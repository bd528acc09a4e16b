package advisor

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"slices"
	"sync"

	"cloudadvisor/pricing"
)

// quoteCache remembers the options of a need within one evaluation run:
// estates hold many workloads of the same shape, and the cost model is a
// pure function of the need, catalog and settings. The estate's earlier
// egress counts only by the egress tier it puts the workload in (see
// pricing.Catalog.EgressClass): otherwise each workload of an estate
// would be a need of its own.
type quoteCache struct {
	mu sync.Mutex
	m  map[string]quoted
}

// quoted is the options of a need, quoted for a workload after from GB of
// the estate's egress.
type quoted struct {
	opts []pricing.Option
	from int
}

func newQuoteCache() *quoteCache { return &quoteCache{m: map[string]quoted{}} }

func (c *quoteCache) quote(n pricing.Need, cat *pricing.Catalog, s pricing.Settings) ([]pricing.Option, string) {
	from := n.Estate.EgressBeforeGB
	k := n
	k.Estate.EgressBeforeGB = 0
	b, err := json.Marshal(k)
	if err != nil {
		return pricing.Quote(n, cat, s), "" // a Need always marshals; never cache what cannot be keyed
	}
	key := string(b) + "\x00" + cat.EgressClass(from, n.EgressGBMonth)
	c.mu.Lock()
	q, ok := c.m[key]
	c.mu.Unlock()
	if !ok {
		q = quoted{pricing.Quote(n, cat, s), from}
		c.mu.Lock()
		c.m[key] = q
		c.mu.Unlock()
	}
	opts := slices.Clone(q.opts) // each workload marks its own recommended option
	if from != q.from {
		pricing.WithEgressFrom(opts, from)
	}
	sum := sha256.Sum256([]byte(key))
	return opts, "need:" + hex.EncodeToString(sum[:16])
}

// evaluateAll recommends and prices the workloads, in parallel on every
// core, sharing quotes between workloads of the same shape. Recommendations
// come first: the estate facts (shared egress allowances, hosts to monitor)
// depend on which workloads are retired.
func evaluateAll(ws []Assessed, rules *Rules, cat *pricing.Catalog, org Organization) {
	for i := range ws {
		ws[i].Recommendation = rules.Recommend(org, ws[i].Workload)
	}
	for i, e := range estateFacts(ws) {
		ws[i].Estate = e
	}
	cache := newQuoteCache()
	settings := org.Settings()
	workers := min(runtime.GOMAXPROCS(0), max(len(ws)/64, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ws); i += workers {
				ws[i].price(cat, org, settings, cache)
			}
		}()
	}
	wg.Wait()
}

func (aw *Assessed) evaluateWith(rules *Rules, cat *pricing.Catalog, org Organization, s pricing.Settings, c *quoteCache) {
	aw.Recommendation = rules.Recommend(org, aw.Workload)
	aw.price(cat, org, s, c)
}

// price quotes the workload's options with its estate facts and marks the
// recommended one.
func (aw *Assessed) price(cat *pricing.Catalog, org Organization, s pricing.Settings, c *quoteCache) {
	if aw.Recommendation.Model == Retire {
		aw.Options, aw.QuoteKey = []pricing.Option{}, ""
		return
	}
	n := NeedFor(aw.Workload, org, aw.Recommendation)
	n.Estate = aw.Estate
	aw.Options, aw.QuoteKey = c.quote(n, cat, s)
	applyWarnings(aw.Options, aw.Recommendation, pricing.GeographyCountry(org.Geography))
	MarkRecommended(aw.Options, pricing.Model(aw.Recommendation.Model))
	MarkRuledOut(aw.Options, aw.Recommendation.Excluded)
}

// estateFacts returns, for each workload, the egress of the IaaS and PaaS
// workloads before it and the hosts the other workloads run; SaaS and
// retired workloads count for nothing.
func estateFacts(ws []Assessed) []pricing.Estate {
	out := make([]pricing.Estate, len(ws))
	hosts, egress := 0, 0
	for i, aw := range ws {
		out[i].EgressBeforeGB = egress
		if h := hostsOf(aw); h > 0 {
			// only workloads on provider servers send the account's egress;
			// a SaaS product's traffic is the vendor's
			egress += aw.Workload.EgressGBMonth
			hosts += h
		}
	}
	for i, aw := range ws {
		out[i].Hosts = hosts - hostsOf(aw)
	}
	return out
}

// hostsOf is the servers a workload runs: its instances on IaaS or PaaS,
// none on SaaS or retired.
func hostsOf(aw Assessed) int {
	switch aw.Recommendation.Model {
	case IaaS, PaaS:
		return aw.Workload.Instances
	}
	return 0
}

// settleEstate re-prices the workloads whose estate facts changed after an
// edit (a workload added, changed, copied or removed).
func (a *Assessment) settleEstate(cat *pricing.Catalog) {
	facts := estateFacts(a.Workloads)
	c := newQuoteCache()
	s := a.Organization.Settings()
	for i := range a.Workloads {
		if a.Workloads[i].Estate != facts[i] {
			a.Workloads[i].Estate = facts[i]
			a.Workloads[i].price(cat, a.Organization, s, c)
		}
	}
}
