package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

// TestVATOnProviderChargesOnly: with VAT included, every component the
// organisation pays a provider for is 10% higher, its own labour and the
// migration hours are not, and the totals follow.
func TestVATOnProviderChargesOnly(t *testing.T) {
	c := testCatalog(t)
	s := testSettings()
	without := optionOf(t, Quote(webNeed(), c, s), "iaas/aws")
	s.VATRate = KoreanVAT
	with := optionOf(t, Quote(webNeed(), c, s), "iaas/aws")
	if !with.VATRate.Equal(KoreanVAT) || !without.VATRate.IsZero() {
		t.Fatalf("got VAT %s and %s on the options, want 0.1 and 0", with.VATRate, without.VATRate)
	}
	tax := decimal.RequireFromString("1.1")
	for _, name := range ComponentNames {
		a, b := without.Components.Get(name), with.Components.Get(name)
		want := a.Mul(tax)
		if name == CompLabour {
			want = a
		}
		if !b.Equal(want) {
			t.Errorf("%s: got %s with VAT, want %s (without: %s)", name, b, want, a)
		}
	}
	if !with.MigrationOneTime.Amount.Equal(without.MigrationOneTime.Amount) {
		t.Errorf("migration hours: got %s with VAT, want %s unchanged", with.MigrationOneTime.Amount, without.MigrationOneTime.Amount)
	}
	labour := without.LabourMonthly.Amount
	wantMonthly := without.Monthly.Amount.Sub(labour).Mul(tax).Add(labour)
	if !with.Monthly.Amount.Equal(wantMonthly) || without.Components.Get(CompCompute).IsZero() {
		t.Errorf("monthly: got %s with VAT, want %s (provider part × 1.1 + labour %s)", with.Monthly.Amount, wantMonthly, labour)
	}
	for _, l := range with.Lines {
		if f := with.VATFactor(l); (l.Component == CompLabour) != f.Equal(decimal.NewFromInt(1)) {
			t.Errorf("line %s (%s): factor %s", l.Name, l.Component, f)
		}
	}
}
