package aws

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// decimalEqual compares decimals by value, so 0.096 equals 0.0960000000.
var decimalEqual = cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })

// parsed is what Parse sent and returned for one file.
type parsed struct {
	offers []pricing.Offer
	stats  pricing.ImportStats
	err    error
}

// parsePath parses the file at path, named by its base name.
func parsePath(tb testing.TB, path string) parsed {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var p parsed
	p.stats, p.err = Parse(f, filepath.Base(path), func(o pricing.Offer) error {
		p.offers = append(p.offers, o)
		return nil
	})
	return p
}

// mustParse parses path and fails the test on error.
func mustParse(tb testing.TB, path string) parsed {
	tb.Helper()
	p := parsePath(tb, path)
	if p.err != nil {
		tb.Fatalf("parse %s: %v", path, p.err)
	}
	return p
}

// find returns the offers of sku under term.
func (p parsed) find(sku string, term pricing.Term) []pricing.Offer {
	var out []pricing.Offer
	for _, o := range p.offers {
		if o.SKU == sku && o.Term == term {
			out = append(out, o)
		}
	}
	return out
}

// one returns the only offer of sku under term.
func (p parsed) one(tb testing.TB, sku string, term pricing.Term) pricing.Offer {
	tb.Helper()
	got := p.find(sku, term)
	if len(got) != 1 {
		tb.Fatalf("offers of %s %s: got %d, want 1", sku, term, len(got))
	}
	return got[0]
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// checkPrice compares an offer's amount, upfront, unit and currency.
func checkPrice(tb testing.TB, o pricing.Offer, amount, upfront string, unit pricing.Unit, currency string) {
	tb.Helper()
	if !o.Amount.Equal(dec(amount)) {
		tb.Errorf("%s %s amount: got %s, want %s", o.SKU, o.Term, o.Amount, amount)
	}
	if !o.Upfront.Equal(dec(upfront)) {
		tb.Errorf("%s %s upfront: got %s, want %s", o.SKU, o.Term, o.Upfront, upfront)
	}
	if o.Unit != unit {
		tb.Errorf("%s %s unit: got %s, want %s", o.SKU, o.Term, o.Unit, unit)
	}
	if o.Currency != currency {
		tb.Errorf("%s %s currency: got %s, want %s", o.SKU, o.Term, o.Currency, currency)
	}
}
