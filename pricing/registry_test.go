package pricing_test

import (
	"bufio"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/ncp"
)

func TestFakeProviderJoinsTheGeography(t *testing.T) {
	pricing.Register(pricing.Provider{ID: "fakecloud", Model: pricing.ModelIaaS,
		Regions: map[string]string{"asia-seoul": "fk-seoul-1"}, Countries: map[string]string{"fk-seoul-1": "KR"}})
	t.Cleanup(func() { pricing.Unregister("fakecloud") })

	if got := pricing.RegionsOf("asia-seoul")["fakecloud"]; got != "fk-seoul-1" {
		t.Errorf("regions of asia-seoul: got %q for fakecloud, want fk-seoul-1", got)
	}
	if r, ok := pricing.Region("asia-seoul", "fakecloud"); !ok || r != "fk-seoul-1" {
		t.Errorf("Region: got %q %v, want fk-seoul-1 true", r, ok)
	}
	if _, ok := pricing.RegionsOf("us-east")["fakecloud"]; ok || !slices.Contains(pricing.NotOffered("us-east"), "fakecloud") {
		t.Errorf("us-east: got fakecloud offered, want it not offered")
	}
	opts := pricing.Quote(pricing.Need{Kind: "web_app", Instances: 1, VCPU: 2, MemoryGiB: 4, OS: "linux"},
		pricing.NewCatalog(nil), pricing.Settings{Geography: "asia-seoul"})
	i := slices.IndexFunc(opts, func(o pricing.Option) bool { return o.Provider == "fakecloud" })
	if i < 0 || opts[i].Region != "fk-seoul-1" || opts[i].Country != "KR" || opts[i].Complete {
		t.Errorf("Seoul options: got %+v, want an incomplete fakecloud option in fk-seoul-1, KR", opts)
	}
}

func quoteSeoul(tb testing.TB, geography string, offers []pricing.Offer) []pricing.Option {
	tb.Helper()
	return pricing.Quote(pricing.Need{Kind: "web_app", Instances: 1, VCPU: 8, MemoryGiB: 16, StorageGB: 50,
		EgressGBMonth: 10, OS: "linux"}, pricing.NewCatalog(offers), pricing.Settings{Geography: geography, Currency: "KRW"})
}

func option(opts []pricing.Option, provider string) (pricing.Option, bool) {
	i := slices.IndexFunc(opts, func(o pricing.Option) bool { return o.Provider == provider })
	if i < 0 {
		return pricing.Option{}, false
	}
	return opts[i], true
}

// ncpOffers are the offers of the NCP fixture, which is NOT a real NCP
// response: it is written from the documented getProductPriceList shape.
func ncpOffers(tb testing.TB) []pricing.Offer {
	tb.Helper()
	f, err := os.Open("ncp/testdata/getproductpricelist.json")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []pricing.Offer
	if _, err := ncp.Entry.Import(bufio.NewReader(f), pricing.ImportSource{Name: "fixture", AsOf: time.Now()},
		func(o pricing.Offer) error { out = append(out, o); return nil }); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestSeoulListsNCPNotPricedUntilImported(t *testing.T) {
	o, ok := option(quoteSeoul(t, "asia-seoul", nil), "ncp")
	if !ok || o.Availability != pricing.NotPriced || o.Complete || len(o.Missing) != 1 ||
		o.Missing[0].Key != "price.missing.ncp_not_imported" || o.Country != "KR" {
		t.Fatalf("without a catalog: got %+v, want ncp not priced (ncp_not_imported) in KR", o)
	}
	for _, p := range []string{"nhn", "kt"} {
		o, ok := option(quoteSeoul(t, "asia-seoul", nil), p)
		if !ok || o.Availability != pricing.NotPriced || o.Missing[0].Key != "price.missing.no_price_api" {
			t.Errorf("%s: got %+v, want not priced: no price API", p, o)
		}
	}
	o, _ = option(quoteSeoul(t, "asia-seoul", ncpOffers(t)), "ncp")
	if o.Availability != "" || !o.Complete || o.SKU != "SPSVRSTAND000006" {
		t.Fatalf("with the fixture imported: got %s complete=%v sku=%s missing=%v, want a complete option on SPSVRSTAND000006",
			o.Availability, o.Complete, o.SKU, o.Missing)
	}
	want := map[string]string{pricing.CompCompute: "231410", pricing.CompStorage: "5840", pricing.CompNetwork: "1000"}
	seen := 0
	for _, l := range o.Lines {
		if w, ok := want[l.Component]; ok {
			seen++
			if !l.Monthly.Equal(decimal.RequireFromString(w)) || l.Currency != "KRW" {
				t.Errorf("%s line: got %s %s, want %s KRW", l.Component, l.Monthly, l.Currency, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("got %d of the compute, storage and network lines, want %d: %+v", seen, len(want), o.Lines)
	}
}

func TestNCPNotOfferedOutsideItsRegions(t *testing.T) {
	for _, g := range []string{"us-east", "eu-west"} {
		if o, ok := option(quoteSeoul(t, g, ncpOffers(t)), "ncp"); ok {
			t.Errorf("%s: got an ncp option %+v, want none", g, o)
		}
		if !slices.Contains(pricing.NotOffered(g), "ncp") {
			t.Errorf("%s: got not offered %v, want ncp among them", g, pricing.NotOffered(g))
		}
	}
	if slices.Contains(pricing.NotOffered("asia-seoul"), "ncp") {
		t.Errorf("asia-seoul: got ncp not offered, want it offered")
	}
}

func TestLatencyNotedForForeignRegions(t *testing.T) {
	opts := quoteSeoul(t, "asia-seoul", nil)
	do, _ := option(opts, "digitalocean")
	aws, _ := option(opts, "aws")
	hasLatency := func(o pricing.Option) (pricing.Msg, bool) {
		for _, n := range o.Notes {
			if n.Key == "price.note.latency" {
				return n, true
			}
		}
		return pricing.Msg{}, false
	}
	if n, ok := hasLatency(do); !ok || do.Country != "SG" || n.Args[1] != "65" || do.RoundTripMs != 65 {
		t.Errorf("DigitalOcean sgp1 from Seoul: got %v, %d ms (country %s), want a latency note of 65 ms (se to sg)",
			do.Notes, do.RoundTripMs, do.Country)
	}
	if n, ok := hasLatency(aws); ok || aws.RoundTripMs != 0 {
		t.Errorf("AWS Seoul from Seoul: got %v, %d ms, want no latency note", n, aws.RoundTripMs)
	}
}
