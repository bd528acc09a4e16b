package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// snapshot is a pricing on one AWS and one Azure catalog version.
func snapshot(day int, monthly string) pricing.Snapshot {
	usd := func(s string) pricing.Money {
		return pricing.Money{Amount: decimal.RequireFromString(s), Currency: "USD"}
	}
	return pricing.Snapshot{PricedAt: time.Date(2026, 12, day, 9, 30, 0, 0, time.UTC),
		Versions: []pricing.VersionRef{{ID: int64(day), Provider: "aws", Scope: "aws:bulk", AsOfFrom: "2026-11-01", AsOfTo: "2026-12-01"},
			{ID: int64(100 + day), Provider: "azure", Scope: "azure:retail", AsOfFrom: "2026-10-01", AsOfTo: "2026-11-30"}},
		Monthly: usd(monthly), HorizonTotal: pricing.Money{Amount: decimal.RequireFromString(monthly).Mul(decimal.NewFromInt(36)), Currency: "USD"}, Complete: true}
}

// testPricingHistory checks that the pricing an assessment was created with,
// and the history a re-pricing keeps, come back as stored, in order, on the
// full and the overview reads.
func testPricingHistory(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s1")
	a.Pricing = snapshot(1, "140.16")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	got, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.Pricing, got.Pricing); diff != "" || len(got.PricingHistory) != 0 {
		t.Errorf("created pricing (-want +got):\n%s\nhistory %d entries, want 0", diff, len(got.PricingHistory))
	}
	got.PricingHistory = append(got.PricingHistory, got.Pricing)
	got.Pricing = snapshot(4, "150.50")
	if err := db.UpdateAssessment(ctx, &got); err != nil {
		t.Fatal(err)
	}
	want := []pricing.Snapshot{snapshot(1, "140.16"), snapshot(4, "150.50")}
	for name, read := range map[string]func(context.Context, string) (advisor.Assessment, error){
		"Assessment": db.Assessment, "AssessmentOverview": db.AssessmentOverview} {
		again, err := read(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		all := append(again.PricingHistory, again.Pricing)
		if diff := cmp.Diff(want, all); diff != "" {
			t.Errorf("%s: history then current pricing (-want +got):\n%s", name, diff)
		}
	}
}
