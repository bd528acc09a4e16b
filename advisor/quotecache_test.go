package advisor

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// TestQuoteCacheEgress checks that options shared between workloads of one
// egress tier are exactly what quoting each workload on its own gives, for
// the estate's earlier egress swept across every provider's tier bounds,
// including values that straddle one; and that options sharing a quote key
// differ only in the earlier egress their notes state.
func TestQuoteCacheEgress(t *testing.T) {
	cat := defaultCatalog(t)
	org, err := OrganizationInput{Name: ptr("Egress")}.Resolve(pricing.DefaultRates())
	if err != nil {
		t.Fatal(err)
	}
	s := org.Settings()
	var froms []int
	for from := 0; from < 600_000; from += 4999 {
		froms = append(froms, from)
	}
	for _, tb := range []int{1, 5, 10, 40, 50, 100, 150, 500} { // TB, near the usual tier bounds
		for _, d := range []int{-30, -1, 0, 1} {
			froms = append(froms, tb*1024+d, tb*1000+d)
		}
	}
	froms = append(froms, 1, 99, 100, 101, 199, 200)
	for _, egress := range []int{0, 10, 300, 20_000} {
		w, err := WorkloadInput{Name: ptr("w"), Kind: ptr("web_app"), VCPU: ptr(2), MemoryGiB: ptr(4.0),
			EgressGBMonth: ptr(egress)}.Resolve()
		if err != nil {
			t.Fatal(err)
		}
		need := NeedFor(w, org, DefaultRules().Recommend(org, w))
		c := newQuoteCache()
		keys := map[string][]pricing.Option{}
		for _, from := range froms {
			n := need
			n.Estate.EgressBeforeGB = from
			got, key := c.quote(n, cat, s)
			want := pricing.Quote(n, cat, s)
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); diff != "" {
				t.Fatalf("egress %d after %d GB: cached options differ (-want +got):\n%s", egress, from, diff)
			}
			// a store keeps the first options of a key and each workload's
			// earlier egress: restated, they must be the workload's own
			first, ok := keys[key]
			if !ok {
				keys[key] = slices.Clone(got)
				continue
			}
			kept := slices.Clone(first)
			pricing.WithEgressFrom(kept, from)
			if diff := cmp.Diff(got, kept, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); diff != "" {
				t.Fatalf("egress %d after %d GB: the key's first options restated differ (-own +restated):\n%s", egress, from, diff)
			}
		}
		if quoted := len(c.m); egress > 0 && egress <= 300 && quoted > len(froms)/4 {
			t.Errorf("egress %d: %d quotes for %d workloads, want most to share a tier's", egress, quoted, len(froms))
		}
	}
}
