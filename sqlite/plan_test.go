package sqlite

import (
	"context"
	"strings"
	"testing"

	"cloudadvisor/internal/sqlstore"
	"cloudadvisor/internal/storetest"
	"cloudadvisor/pricing"
)

// queryPlan is the EXPLAIN QUERY PLAN of the Offers query of f, one step a line.
func queryPlan(tb testing.TB, db *DB, f pricing.OfferFilter) string {
	tb.Helper()
	q, args, err := sqlstore.OffersQuery(f)
	if err != nil {
		tb.Fatal(err)
	}
	rows, err := db.r.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			tb.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}

// TestQueryPlans keeps the lookups on their indexes: a fit query walks
// prices_fit in price order (no sort of the candidates), a SKU lookup seeks
// products_sku.
func TestQueryPlans(t *testing.T) {
	db := openTest(t)
	if _, err := storetest.ImportSheet(t, db, "test:aws", storetest.Sheet); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    pricing.OfferFilter
		want []string
		not  []string
	}{
		{"cheapest fit", pricing.OfferFilter{Provider: "aws", Region: "us-east-1", Service: pricing.Compute, OS: "linux",
			Term: pricing.OnDemand, MinVCPU: 4, MinMemory: 16, Limit: 1},
			[]string{"SEARCH x USING INDEX prices_fit (fit_key=? AND term=?)", "SEARCH p USING INTEGER PRIMARY KEY"},
			[]string{"USE TEMP B-TREE FOR ORDER BY", "SCAN"}},
		{"sku", pricing.OfferFilter{Provider: "aws", Region: "us-east-1", SKU: "SKU-M5L"},
			[]string{"SEARCH p USING INDEX products_sku (sku=? AND provider=? AND region=?)", "SEARCH x USING INDEX"},
			[]string{"SCAN"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := queryPlan(t, db, tc.f)
			for _, w := range tc.want {
				if !strings.Contains(plan, w) {
					t.Errorf("got plan\n%s\nwant it to contain %q", plan, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(plan, n) {
					t.Errorf("got plan\n%s\nwant no %q", plan, n)
				}
			}
		})
	}
}
