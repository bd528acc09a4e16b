package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestCommitForHorizon(t *testing.T) {
	od := off("aws compute us-east-1 m5.large linux 2 8 on_demand hour 0.096 0", "test")
	c := NewCatalog([]Offer{od,
		off("aws compute us-east-1 m5.large linux 2 8 reserved_3y_all_upfront hour 0 949", "test"),
		off("aws compute us-east-1 m5.large linux 2 8 reserved_1y_no_upfront hour 0.060 0", "test"),
	})
	only3y := NewCatalog([]Offer{od, off("aws compute us-east-1 m5.large linux 2 8 reserved_3y_all_upfront hour 0 949", "test")})
	tests := []struct {
		name     string
		c        *Catalog
		want     Commitment
		horizon  int
		wantTerm Term
		wantWhy  string
	}{
		// 36 months: 949 all upfront < 36 × 43.80 (1y no upfront) < 36 × 70.08 on demand
		{"best over 3 years buys 3y all upfront", c, CommitBest, 36, Reserved3yAllUpfront, ""},
		// 12 months: 3y costs 949 in full, 1y no upfront 12 × 43.80 = 525.60, on demand 840.96
		{"best over 1 year buys 1y", c, CommitBest, 12, Reserved1yNoUpfront, ""},
		// 12 months, only 3y: 949 > 840.96 on demand: does not pay back
		{"3y does not pay back in 1 year", only3y, CommitBest, 12, OnDemand, "no_payback"},
		// a named term is bought when its monthly equivalent is lower, whatever the horizon
		{"named 3y term in a 1-year horizon", only3y, Commitment(Reserved3yAllUpfront), 12, Reserved3yAllUpfront, ""},
		{"no committed price", NewCatalog([]Offer{od}), CommitBest, 36, OnDemand, "no_price"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := tt.c.commitFor(od, tt.want, tt.horizon)
			if got.Term != tt.wantTerm || why != tt.wantWhy {
				t.Errorf("got %s %q, want %s %q", got.Term, why, tt.wantTerm, tt.wantWhy)
			}
		})
	}
}

func TestHorizonCost(t *testing.T) {
	ri := off("aws compute us-east-1 m5.large linux 2 8 reserved_1y_partial_upfront hour 0.029 252", "test")
	// 36 months: 3 terms × (252 + 12 × 730 × 0.029)
	if got, want := horizonCost(ri, 36), decimal.RequireFromString("1518.12"); !got.Equal(want) {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestWhatIfCommitmentSaysWhichTerm: changing the commitment in the what-if
// changes the numbers and the option says which term applied.
func TestWhatIfCommitmentSaysWhichTerm(t *testing.T) {
	n := with(webNeed(), func(n *Need) { n.MemoryGiB = 8 })
	c := testCatalog(t)
	cm := Commitment(Reserved1yNoUpfront)
	before, after := Quote(n, c, testSettings()), WhatIf(n, c, testSettings(), Overrides{Commitment: &cm})
	b, a := value(t, before, "iaas/aws", "compute"), value(t, after, "iaas/aws", "compute")
	if want := decimal.RequireFromString("43.8"); !a.Equal(want) || !b.Equal(decimal.RequireFromString("70.08")) {
		t.Errorf("compute: on demand %s, what-if %s; want 70.08 and %s (730 × 0.060)", b, a, want)
	}
	for _, o := range after {
		if o.Model == ModelIaaS && o.Provider == "aws" {
			want := M("price.note.commitment_applied", "m5.large", Ref("enum.commitment."+string(Reserved1yNoUpfront)))
			for _, n := range o.Notes {
				if n.Key == want.Key && n.Args[0] == want.Args[0] && n.Args[1] == want.Args[1] {
					return
				}
			}
			t.Errorf("notes %v: want %v", o.Notes, want)
		}
	}
}
