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
func benchCatalog(tb testing.TB) *Catalog {
	tb.Helper()
	offers := testOffers()
	r := rand.New(rand.NewPCG(7, 8))
	regions := map[string]string{"aws": "us-east-1", "azure": "eastus", "gcp": "us-east1", "digitalocean": "nyc3"}
	providers := []string{"aws", "azure", "gcp", "digitalocean"} // those with a us-east region above
	for len(offers) < 2000 {
		p := providers[r.IntN(len(providers))]
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
