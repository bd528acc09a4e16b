package sqlstore

import (
	"slices"
	"sync"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Bounds of the decoded-assessment cache: result pages are read far more
// often than assessments change, and decoding the stored JSON is most of a
// page's cost. Big estates are not cached: their pages read an overview.
const (
	cacheEntries      = 64
	cacheMaxWorkloads = 500
)

// assessmentCache keeps recently read assessments, each valid for exactly
// the update time it was read at.
type assessmentCache struct {
	mu    sync.Mutex
	m     map[string]cached
	order []string // least recently stored first
}

type cached struct {
	updated string
	a       advisor.Assessment
}

func (c *assessmentCache) get(id, updated string) (advisor.Assessment, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok || e.updated != updated {
		return advisor.Assessment{}, false
	}
	return copyAssessment(e.a), true
}

func (c *assessmentCache) put(id, updated string, a advisor.Assessment) {
	if len(a.Workloads) > cacheMaxWorkloads {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]cached{}
	}
	if _, ok := c.m[id]; !ok {
		c.order = append(c.order, id)
		if len(c.order) > cacheEntries {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.m[id] = cached{updated, copyAssessment(a)}
}

// copyAssessment copies what callers change in place (the workload list and
// each workload's options), so no caller can alter the cached value.
func copyAssessment(a advisor.Assessment) advisor.Assessment {
	a.Workloads = slices.Clone(a.Workloads)
	for i := range a.Workloads {
		a.Workloads[i].Options = slices.Clone(a.Workloads[i].Options)
	}
	return a
}

// quoteCacheBytes bounds the decoded-quote cache by the stored JSON size of
// its entries: 32 MB of JSON holds the quotes of some 2,000 workloads.
const quoteCacheBytes = 32 << 20

// quoteCache keeps decoded sets of options by their content hash, so a
// result page does not decode the stored JSON of quotes written or read
// before (decoding was a third of a 20-workload page's cost). A hash names
// its content, so an entry never goes stale; entries are shared, and
// callers change options copy-on-write as they do for options shared by
// workloads of one quote.
type quoteCache struct {
	mu    sync.Mutex
	m     map[string]quoteEntry
	order []string // least recently stored first
	bytes int
}

type quoteEntry struct {
	opts []pricing.Option
	size int
}

func (c *quoteCache) get(hash string) ([]pricing.Option, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[hash]
	return e.opts, ok
}

// put keeps opts, decoded from size bytes of JSON, under hash, evicting the
// oldest entries beyond quoteCacheBytes.
func (c *quoteCache) put(hash string, opts []pricing.Option, size int) {
	if size > quoteCacheBytes/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]quoteEntry{}
	}
	if _, ok := c.m[hash]; ok {
		return
	}
	c.m[hash] = quoteEntry{opts, size}
	c.order = append(c.order, hash)
	c.bytes += size
	for c.bytes > quoteCacheBytes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= c.m[old].size
		delete(c.m, old)
	}
}
