package ecb

import (
	"os"
	"strings"
	"testing"

	"cloudadvisor/pricing"
)

func TestParse(t *testing.T) {
	f, err := os.Open("../../internal/providertest/testdata/eurofxref-daily.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := Parse(f, DefaultURL)
	if err != nil {
		t.Fatal(err)
	}
	if r.AsOf != "2024-06-28" || r.Per["USD"].String() != "1.0705" || r.Per["KRW"].String() != "1474.86" {
		t.Errorf("got %s USD %s KRW %s, want 2024-06-28 USD 1.0705 KRW 1474.86", r.AsOf, r.Per["USD"], r.Per["KRW"])
	}
	if _, ok := r.Per["BGN"]; ok {
		t.Error("got BGN, want currencies the catalog does not know left out")
	}
	var offers []pricing.Offer
	if _, err := Offers(r, func(o pricing.Offer) error { offers = append(offers, o); return o.Validate() }); err != nil {
		t.Fatal(err)
	}
	back, ok := pricing.RatesFromOffers(offers)
	if !ok || !back.Per["JPY"].Equal(r.Per["JPY"]) || back.AsOf != r.AsOf {
		t.Errorf("got %v %v back, want the table", back, ok)
	}
}

func TestParseBad(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"html", "<html><body>maintenance</body></html>"},
		{"truncated", "<gesmes:Envelope xmlns:gesmes='x'><Cube><Cube time='2024-06-28'><Cube currency='USD' rate='1.07'/>"},
		{"bad rate", "<E><Cube><Cube time='2024-06-28'><Cube currency='USD' rate='-1'/></Cube></Cube></E>"},
		{"no usd", "<E><Cube><Cube time='2024-06-28'><Cube currency='JPY' rate='170'/></Cube></Cube></E>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(strings.NewReader(tc.in), "x"); err == nil {
				t.Error("got no error, want the file refused")
			}
		})
	}
}
