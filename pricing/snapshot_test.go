package pricing

import "testing"

func TestSameVersions(t *testing.T) {
	v := func(ids ...int64) []VersionRef {
		var out []VersionRef
		for _, id := range ids {
			out = append(out, VersionRef{ID: id})
		}
		return out
	}
	tests := []struct {
		name string
		a, b []VersionRef
		want bool
	}{
		{"both empty", nil, nil, true},
		{"same order", v(1, 2), v(1, 2), true},
		{"any order", v(2, 1), v(1, 2), true},
		{"one replaced", v(1, 2), v(1, 3), false},
		{"one more", v(1), v(1, 2), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SameVersions(tc.a, tc.b); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRefsOfKeepsActiveVersionsOfUsedProviders(t *testing.T) {
	versions := []CatalogVersion{
		{ID: 5, Provider: "azure", Scope: "refresh:azure", Status: "active", AsOfMin: "2026-11-01", AsOfMax: "2026-12-01"},
		{ID: 4, Provider: "aws", Scope: "refresh:aws", Status: "active"},
		{ID: 3, Provider: "aws", Scope: "refresh:aws", Status: "retired"},
		{ID: 2, Provider: "gcp", Scope: "refresh:gcp", Status: "active"},
	}
	got := RefsOf(versions, map[string]bool{"aws": true, "azure": true})
	if len(got) != 2 || got[0].ID != 4 || got[1].ID != 5 || got[1].AsOfFrom != "2026-11-01" || got[1].AsOfTo != "2026-12-01" {
		t.Errorf("got %+v, want the active aws (4) then azure (5) versions with their as-of range", got)
	}
}
