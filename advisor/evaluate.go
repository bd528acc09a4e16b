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
// pure function of the need, catalog and settings.
type quoteCache struct {
	mu sync.Mutex
	m  map[string][]pricing.Option
}

func (c *quoteCache) quote(n pricing.Need, cat *pricing.Catalog, s pricing.Settings) ([]pricing.Option, string) {
	b, err := json.Marshal(n)
	if err != nil {
		return pricing.Quote(n, cat, s), "" // a Need always marshals; never cache what cannot be keyed
	}
	key := string(b)
	c.mu.Lock()
	opts, ok := c.m[key]
	c.mu.Unlock()
	if !ok {
		opts = pricing.Quote(n, cat, s)
		c.mu.Lock()
		c.m[key] = opts
		c.mu.Unlock()
	}
	sum := sha256.Sum256(b)
	return slices.Clone(opts), "need:" + hex.EncodeToString(sum[:16]) // each workload marks its own recommended option
}

// evaluateAll recommends and prices the workloads from index from on, in
// parallel on every core, sharing quotes between workloads of the same shape.
func evaluateAll(ws []Assessed, rules *Rules, cat *pricing.Catalog, org Organization) {
	cache := &quoteCache{m: map[string][]pricing.Option{}}
	settings := org.Settings()
	workers := min(runtime.GOMAXPROCS(0), max(len(ws)/64, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ws); i += workers {
				ws[i].evaluateWith(rules, cat, org, settings, cache)
			}
		}()
	}
	wg.Wait()
}

func (aw *Assessed) evaluateWith(rules *Rules, cat *pricing.Catalog, org Organization, s pricing.Settings, c *quoteCache) {
	w := aw.Workload
	aw.Recommendation = rules.Recommend(org, w)
	if aw.Recommendation.Model == Retire {
		aw.Options, aw.QuoteKey = []pricing.Option{}, ""
		return
	}
	aw.Options, aw.QuoteKey = c.quote(NeedFor(w, org, aw.Recommendation), cat, s)
	applyWarnings(aw.Options, aw.Recommendation, pricing.GeographyCountry(org.Geography))
	MarkRecommended(aw.Options, pricing.Model(aw.Recommendation.Model))
	MarkRuledOut(aw.Options, aw.Recommendation.Excluded)
}
