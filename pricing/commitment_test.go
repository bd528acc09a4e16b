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
