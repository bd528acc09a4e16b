package pricing

import (
	"math/rand/v2"
	"testing"
)

// randomNeed draws a workload the test catalog can price.
func randomNeed(r *rand.Rand) Need {
	kinds := []string{"web_app", "api", "email_collaboration", "crm", "monitoring", "file_sharing"}
	return Need{Kind: kinds[r.IntN(len(kinds))], Instances: 1 + r.IntN(4), VCPU: float64(1 + r.IntN(4)),
		MemoryGiB: float64(1 + r.IntN(16)), StorageGB: r.IntN(500), EgressGBMonth: r.IntN(2000),
		OS: []string{"linux", "windows"}[r.IntN(2)], Users: 1 + r.IntN(200),
		Tier: []string{"basic", "standard", "premium", "enterprise"}[r.IntN(4)], Strategy: "rehost"}
}

func TestPropertyBiggerNeverCheaper(t *testing.T) {
	c := testCatalog(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		small := randomNeed(r)
		big := small
		big.Instances += r.IntN(3)
		big.VCPU += float64(r.IntN(3))
		big.MemoryGiB += float64(r.IntN(8))
		big.StorageGB += r.IntN(1000)
		big.EgressGBMonth += r.IntN(5000)
		big.Users += r.IntN(100)
		a, b := Quote(small, c, testSettings()), Quote(big, c, testSettings())
		for _, x := range a {
			y, ok := find(b, x)
			if ok && x.Complete && y.Complete && y.Monthly.Amount.LessThan(x.Monthly.Amount) {
				t.Fatalf("%s/%s: bigger %+v costs %s, less than %s for %+v", x.Model, x.Provider, big, y.Monthly.Amount, x.Monthly.Amount, small)
			}
		}
	}
}

func TestPropertyThreeYearsNeverDearerThanOnDemand(t *testing.T) {
	c := testCatalog(t)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200; i++ {
		n := randomNeed(r)
		od := Quote(n, c, testSettings())
		for _, term := range []Term{Reserved3yNoUpfront, Reserved3yPartialUpfront, Reserved3yAllUpfront, SavingsPlan3y} {
			s := testSettings()
			s.Commitment = Commitment(term)
			for _, x := range Quote(n, c, s) {
				y, ok := find(od, x)
				if ok && x.Complete && y.Complete && x.Monthly.Amount.GreaterThan(y.Monthly.Amount) {
					t.Fatalf("%s/%s %s: %s a month, more than on demand %s", x.Model, x.Provider, term, x.Monthly.Amount, y.Monthly.Amount)
				}
			}
		}
	}
}

func TestPropertyMissingPriceNeverComplete(t *testing.T) {
	all := testOffers()
	r := rand.New(rand.NewPCG(5, 6))
	services := []Service{Compute, BlockStorage, Egress}
	for i := 0; i < 200; i++ {
		providers := []string{"aws", "azure", "gcp", "digitalocean"} // those testOffers prices
		provider := providers[r.IntN(len(providers))]
		svc := services[r.IntN(len(services))]
		var kept []Offer
		for _, o := range all {
			if !(o.Provider == provider && o.Service == svc) {
				kept = append(kept, o)
			}
		}
		n := randomNeed(r)
		n.StorageGB, n.EgressGBMonth = 1+n.StorageGB, 1+n.EgressGBMonth
		for _, o := range Quote(n, NewCatalog(kept), testSettings()) {
			if o.Model == ModelIaaS && o.Provider == provider && o.Complete {
				t.Fatalf("%s iaas complete without any %s price: %+v", provider, svc, o.Lines)
			}
			if o.Complete != (len(o.Missing) == 0) {
				t.Fatalf("%s/%s: complete %v with missing %v", o.Model, o.Provider, o.Complete, o.Missing)
			}
		}
	}
}

// TestPropertyCumulativeSeries: the running sums the charts draw equal
// Cumulative month by month, upfront fees and migration included.
func TestPropertyCumulativeSeries(t *testing.T) {
	c := testCatalog(t)
	r := rand.New(rand.NewPCG(5, 6))
	upfronts := 0
	for range 100 {
		n := randomNeed(r)
		s := testSettings()
		s.Commitment = []Commitment{CommitOnDemand, Commitment(Reserved1yAllUpfront), Commitment(Reserved3yAllUpfront), CommitBest}[r.IntN(4)]
		for _, o := range Quote(n, c, s) {
			upfronts += len(o.Upfronts)
			series := o.CumulativeSeries(o.HorizonMonths)
			if len(series) != o.HorizonMonths+1 {
				t.Fatalf("%s: %d values for %d months", o.SKU, len(series), o.HorizonMonths)
			}
			for m, v := range series {
				if want := o.Cumulative(m); !v.Equal(want) {
					t.Fatalf("%s month %d: series %s, Cumulative %s", o.SKU, m, v, want)
				}
			}
		}
	}
	if upfronts == 0 {
		t.Error("no option had an upfront fee: the test proves nothing about them")
	}
}
