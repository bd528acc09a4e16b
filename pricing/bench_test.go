package pricing

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// benchCatalog is the test catalog padded to about 2,000 offers with
// synthetic instance types (on demand and 3-year reserved) in the us-east
// regions, the size of a real geography's catalog.
func benchCatalog(tb testing.TB) *Catalog { return benchCatalogOf(tb, 2000, nil) }

// benchCatalogOf pads the test catalog to size offers; extra regions get
// offers too, as a catalog of every region of a provider would.
func benchCatalogOf(tb testing.TB, size int, extra []string) *Catalog {
	tb.Helper()
	offers := testOffers()
	r := rand.New(rand.NewPCG(7, 8))
	regions := map[string]string{"aws": "us-east-1", "azure": "eastus", "gcp": "us-east1", "digitalocean": "nyc3"}
	providers := []string{"aws", "azure", "gcp", "digitalocean"} // those with a us-east region above
	for len(offers) < size {
		p := providers[r.IntN(len(providers))]
		if n := r.IntN(len(extra) + 1); n > 0 {
			regions = map[string]string{"aws": extra[n-1], "azure": extra[n-1], "gcp": extra[n-1], "digitalocean": extra[n-1]}
		} else {
			regions = map[string]string{"aws": "us-east-1", "azure": "eastus", "gcp": "us-east1", "digitalocean": "nyc3"}
		}
		vcpu := 1 << r.IntN(7)
		mem := vcpu * (2 << r.IntN(3))
		price := decimal.NewFromFloat(0.02 * float64(vcpu)).Add(decimal.NewFromInt(int64(r.IntN(1000))).Div(decimal.NewFromInt(100000)))
		name := fmt.Sprintf("x%d.%dcpu.%dgb", len(offers), vcpu, mem)
		spec := fmt.Sprintf("%s compute %s %s linux %d %d on_demand hour %s 0", p, regions[p], name, vcpu, mem, price)
		offers = append(offers, off(spec, srcAWS))
		spec = fmt.Sprintf("%s compute %s %s linux %d %d reserved_3y_no_upfront hour %s 0", p, regions[p], name, vcpu, mem, price.Mul(dec("0.6")))
		offers = append(offers, off(spec, srcAWS))
	}
	return NewCatalog(offers)
}

// BenchmarkQuoteLargeCatalog prices 20 workloads on a catalog of 300,000
// offers, most of them in regions the workloads are not in (a full price
// file imported for every region).
func BenchmarkQuoteLargeCatalog(b *testing.B) {
	c := benchCatalogOf(b, 300_000, []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"})
	r := rand.New(rand.NewPCG(9, 10))
	s := testSettings()
	b.ReportAllocs()
	for b.Loop() {
		for range 20 {
			Quote(randomNeed(r), c, s)
		}
	}
}

// BenchmarkQuote20 prices and compares the options of a 20-workload assessment.
func BenchmarkQuote20(b *testing.B) {
	c := benchCatalog(b)
	r := rand.New(rand.NewPCG(9, 10))
	needs := make([]Need, 20)
	for i := range needs {
		needs[i] = randomNeed(r)
	}
	s := testSettings()
	b.ReportAllocs()
	for b.Loop() {
		all := make([][]Option, len(needs))
		for i, n := range needs {
			all[i] = Quote(n, c, s)
		}
		Summarize(all, s.Currency)
	}
}

// TestCheapestIndexAgreesWithScan checks the cheapest-first index gives the
// same offer as scanning every offer, for many random fits.
func TestCheapestIndexAgreesWithScan(t *testing.T) {
	c := benchCatalogOf(t, 20_000, []string{"r1", "r2"})
	r := rand.New(rand.NewPCG(3, 4))
	regions := map[string][]string{"aws": {"us-east-1", "r1"}, "azure": {"eastus", "r2"}, "gcp": {"us-east1"}, "digitalocean": {"nyc3"}}
	found := 0
	for range 2000 {
		p := []string{"aws", "azure", "gcp", "digitalocean"}[r.IntN(4)]
		rs := regions[p]
		f := Fit{Provider: p, Region: rs[r.IntN(len(rs))], Service: Compute, OS: "linux",
			Term: []Term{OnDemand, Reserved3yNoUpfront}[r.IntN(2)], MinVCPU: float64(r.IntN(64)), MinMemory: float64(r.IntN(256))}
		got, ok := c.Cheapest(f)
		var want Offer
		wantOK := false
		for i := range c.offers {
			o := &c.offers[i]
			if !o.TierStart.IsZero() || !f.matches(o) {
				continue
			}
			if !wantOK || o.MonthlyEquivalent().LessThan(want.MonthlyEquivalent()) ||
				(o.MonthlyEquivalent().Equal(want.MonthlyEquivalent()) && less(o, &want)) {
				want, wantOK = *o, true
			}
		}
		if ok != wantOK || got.SKU != want.SKU {
			t.Fatalf("%+v: index gives %s (%v), a scan %s (%v)", f, got.SKU, ok, want.SKU, wantOK)
		}
		if ok {
			found++
		}
	}
	if found < 500 {
		t.Fatalf("only %d of 2000 fits found an offer: the test checks too little", found)
	}
}
