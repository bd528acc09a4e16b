package pricing

import (
	"slices"
	"strings"
	"time"
)

// VersionRef names a catalog version an assessment was priced on, with the
// range of its prices' as-of dates (YYYY-MM-DD).
type VersionRef struct {
	ID       int64  `json:"id"`
	Provider string `json:"provider"`
	Scope    string `json:"scope"`
	AsOfFrom string `json:"as_of_from"`
	AsOfTo   string `json:"as_of_to"`
}

// Snapshot records one pricing of an assessment: when, on which catalog
// versions, and the recommended plan's totals then (each workload on its
// recommended option).
type Snapshot struct {
	PricedAt     time.Time    `json:"priced_at"`
	Versions     []VersionRef `json:"versions"`
	Monthly      Money        `json:"monthly"`
	HorizonTotal Money        `json:"horizon_total"`
	Complete     bool         `json:"complete"`
}

// IsZero reports whether nothing was recorded.
func (s Snapshot) IsZero() bool { return s.PricedAt.IsZero() && len(s.Versions) == 0 }

// SameVersions reports whether two lists name the same catalog versions, in
// any order.
func SameVersions(a, b []VersionRef) bool {
	ids := func(vs []VersionRef) []int64 {
		out := make([]int64, len(vs))
		for i, v := range vs {
			out[i] = v.ID
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(ids(a), ids(b))
}

// RefsOf returns the active versions of the providers named in used, sorted
// by provider and scope.
func RefsOf(versions []CatalogVersion, used map[string]bool) []VersionRef {
	var out []VersionRef
	for _, v := range versions {
		if v.Status == "active" && used[v.Provider] {
			out = append(out, VersionRef{ID: v.ID, Provider: v.Provider, Scope: v.Scope, AsOfFrom: v.AsOfMin, AsOfTo: v.AsOfMax})
		}
	}
	slices.SortFunc(out, func(x, y VersionRef) int {
		if x.Provider != y.Provider {
			return strings.Compare(x.Provider, y.Provider)
		}
		return strings.Compare(x.Scope, y.Scope)
	})
	return out
}
