package pricing

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// rateOffers is a table as the ECB refresh stores it: one record per currency.
func rateOffers(asOf string, per map[string]string) []Offer {
	day, _ := time.Parse(time.DateOnly, asOf)
	var out []Offer
	for c, v := range per {
		out = append(out, Offer{Provider: "ecb", Service: Other, Region: "global", SKU: "EUR/" + c, Currency: c,
			Amount: decimal.RequireFromString(v), AsOf: day, Source: "ecb " + asOf,
			Attributes: map[string]string{"kind": ExchangeRateKind}})
	}
	return out
}

func TestCurrentRates(t *testing.T) {
	older := rateOffers("2024-06-28", map[string]string{"EUR": "1", "USD": "1.0705", "KRW": "1474.86"})
	newer := rateOffers("2026-12-04", map[string]string{"EUR": "1", "USD": "1.2", "KRW": "1800"})
	vm := Offer{Provider: "aws", Service: Compute, Region: "us-east-1", SKU: "x", Currency: "USD", Amount: decimal.NewFromInt(1)}
	for _, tc := range []struct {
		name     string
		offers   []Offer
		wantAsOf string
		wantKRW  string // per 1 USD
	}{
		{"no rates: the embedded table", []Offer{vm}, "2026-10-06", "1338.7790"},
		{"older than the embedded table: the embedded one", append([]Offer{vm}, older...), "2026-10-06", "1338.7790"},
		{"newer: the refreshed one", append(older, newer...), "2026-12-04", "1500.0000"},
		{"newer first: still the newest", append(append([]Offer{}, newer...), older...), "2026-12-04", "1500.0000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewCatalog(tc.offers).Rates()
			rate, ok := r.Rate("USD", "KRW")
			if r.AsOf != tc.wantAsOf || !ok || rate.StringFixed(4) != tc.wantKRW {
				t.Errorf("got %s %s, want %s %s", r.AsOf, rate.StringFixed(4), tc.wantAsOf, tc.wantKRW)
			}
		})
	}
	cat := NewCatalog(newer)
	r := cat.Rates()
	r.Per["KRW"] = decimal.NewFromInt(1)
	if cat.Rates().Per["KRW"].String() != "1800" {
		t.Error("got the catalog's table changed through a copy, want copies")
	}
}
