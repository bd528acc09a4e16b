package sqlstore

import (
	"slices"
	"sync"

	"cloudadvisor/advisor"
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
