package advisor

import (
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// The default engineer hour follows the organisation's currency and is never
// 75 in every currency (issue 12). Figures checked:
//   - KRW: KOSA 2025 SW기술자 임금실태조사, daily average KRW 414,762 / 8 h = 51,845.25 → 51,845.
//   - USD: BLS OEWS May 2024, 15-1252 Software Developers, mean annual USD 144,570 / 2,080 h = 69.50.
//   - EUR, GBP, JPY: USD 69.50 at the ECB table of 2026-10-06 (1 EUR = 1.1269 USD = 0.84880 GBP = 178.15 JPY):
//     69.50 / 1.1269 = 61.6736 → 61.67 EUR; 69.50 × 0.8488 / 1.1269 = 52.3486 → 52.35 GBP;
//     69.50 × 178.15 / 1.1269 = 10987.22 → 10,987 JPY.
func TestHourlyCostFollowsCurrency(t *testing.T) {
	tests := []struct {
		currency  string
		want      string
		converted bool
		basis     string
	}{
		{"KRW", "51845", false, "price.labour.basis.kosa"},
		{"USD", "69.5", false, "price.labour.basis.bls"},
		{"EUR", "61.67", true, "price.labour.basis.converted"},
		{"GBP", "52.35", true, "price.labour.basis.converted"},
		{"JPY", "10987", true, "price.labour.basis.converted"},
	}
	for _, tt := range tests {
		t.Run(tt.currency, func(t *testing.T) {
			o, err := OrganizationInput{Name: new("Acme"), Currency: new(tt.currency)}.Resolve(pricing.DefaultRates())
			if err != nil {
				t.Fatal(err)
			}
			if got := o.EngineerHourlyCost.String(); got != tt.want {
				t.Errorf("got %s %s an hour, want %s", got, tt.currency, tt.want)
			}
			b := o.EngineerHourlyCostBasis
			if b.Currency != tt.currency || b.Converted != tt.converted || b.Basis.Key != tt.basis || b.Source == "" {
				t.Errorf("got basis %+v, want %s in %s (converted %v) with a source", b, tt.basis, tt.currency, tt.converted)
			}
			if o.EngineerHourlyCost.Equal(decimal.NewFromInt(75)) {
				t.Error("got the old 75 in any currency")
			}
		})
	}
}

func TestHourlyCostSetByUserIsKept(t *testing.T) {
	c := decimal.NewFromInt(60000)
	o, err := OrganizationInput{Name: new("Acme"), Currency: new("KRW"), EngineerHourlyCost: &c}.Resolve(pricing.DefaultRates())
	if err != nil {
		t.Fatal(err)
	}
	if !o.EngineerHourlyCost.Equal(c) || o.EngineerHourlyCostBasis.Basis.Key != "price.labour.basis.user" {
		t.Errorf("got %s (%s), want the user's 60000", o.EngineerHourlyCost, o.EngineerHourlyCostBasis.Basis)
	}
}
