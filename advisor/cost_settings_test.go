package advisor

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

func TestOrganizationCostDefaults(t *testing.T) {
	o, err := OrganizationInput{Name: new("Acme")}.Resolve(pricing.DefaultRates())
	if err != nil {
		t.Fatal(err)
	}
	if o.Sizing != pricing.SizingAsIs || !o.ComfortFactor.Equal(decimal.RequireFromString("1.3")) ||
		o.Commitment != pricing.CommitOnDemand || o.Rates.AsOf != "2026-10-06" {
		t.Errorf("got %s, %s, %s, rates of %s; want as_is, 1.3, on_demand, rates of 2026-10-06",
			o.Sizing, o.ComfortFactor, o.Commitment, o.Rates.AsOf)
	}
	s := o.Settings()
	if s.HourlyRate.Currency != "USD" || !s.HourlyRate.Amount.Equal(decimal.RequireFromString("69.50")) || s.Labour.IaaSPerInstance.Reason == "" {
		t.Errorf("got settings %+v, want 69.50 USD an hour (BLS OEWS May 2024) and the default labour", s.HourlyRate)
	}
}

func TestOrganizationCostErrors(t *testing.T) {
	rates := pricing.DefaultRates()
	delete(rates.Per, "KRW")
	labour := pricing.DefaultLabour()
	labour.SaaSPerUser.Hours = decimal.NewFromInt(-1)
	tests := []struct {
		name  string
		in    OrganizationInput
		field string
		code  string
		args  []string
	}{
		{"unknown_sizing", OrganizationInput{Name: new("a"), Sizing: new("guess")}, "sizing", "one_of", Sizings},
		{"comfort_too_high", OrganizationInput{Name: new("a"), ComfortFactor: new(decimal.NewFromInt(5))}, "comfort_factor", "range", []string{"1", "3"}},
		{"rates_lack_display_currency", OrganizationInput{Name: new("a"), Currency: new("KRW"), Rates: &rates}, "rates.rates.KRW", "required", nil},
		{"negative_labour", OrganizationInput{Name: new("a"), Labour: &labour}, "labour.saas_per_user", "range", []string{"0", "10000"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.in.Resolve(pricing.DefaultRates())
			checkFieldError(t, err, tc.field, tc.code, tc.args)
		})
	}
	_, err := OrganizationInput{Name: new("a"), Commitment: new("forever")}.Resolve(pricing.DefaultRates())
	var fe FieldErrors
	if err == nil || !errors.As(err, &fe) || fe.For("commitment") == nil {
		t.Errorf("got %v, want an error for commitment", err)
	}
}

func TestNeedOf(t *testing.T) {
	cost := decimal.NewFromInt(900)
	w := Workload{Kind: "web_app", Instances: 2, VCPU: 4, MemoryGiB: 8, OS: "linux", Users: 10,
		Customization: "none", DataSensitivity: "regulated", HasCPUUtilization: true, AvgCPUUtilizationPct: 30,
		CurrentMonthlyCost: &cost}
	n := NeedOf(w, Organization{Currency: "EUR"}, Replatform)
	if n.Tier != "enterprise" || n.Strategy != "replatform" || n.CPUUtilizationPct == nil || *n.CPUUtilizationPct != 30 ||
		n.MemoryUtilizationPct != nil || n.CurrentMonthly == nil || n.CurrentMonthly.Currency != "EUR" {
		t.Errorf("got %+v, want enterprise tier, replatform, cpu 30%%, no memory measure, 900 EUR today", n)
	}
}

// TestVATOnlyForKRW: VAT can be stated or added for KRW amounts only, and
// only "included" adds Korea's 10% to the cost model.
func TestVATOnlyForKRW(t *testing.T) {
	krw, usd := "KRW", "USD"
	for _, tc := range []struct {
		currency, vat string
		err           bool
		rate          string
	}{
		{krw, "included", false, "0.1"},
		{krw, "excluded", false, "0"},
		{krw, "none", false, "0"},
		{usd, "included", true, ""},
		{krw, "sometimes", true, ""},
	} {
		in := OrganizationInput{Name: new("Acme"), Currency: &tc.currency, VAT: &tc.vat}
		o, err := in.Resolve(pricing.DefaultRates())
		var fe FieldErrors
		if tc.err {
			if !errors.As(err, &fe) || len(fe) != 1 || fe[0].Field != "vat" {
				t.Errorf("%s %s: got %v, want an error on vat", tc.currency, tc.vat, err)
			}
			continue
		}
		if err != nil || o.VAT != tc.vat || o.Settings().VATRate.String() != tc.rate {
			t.Errorf("%s %s: got %v, VAT %q, rate %s; want rate %s", tc.currency, tc.vat, err, o.VAT, o.Settings().VATRate, tc.rate)
		}
	}
	if o, err := (OrganizationInput{Name: new("Acme")}).Resolve(pricing.DefaultRates()); err != nil || o.VAT != "none" {
		t.Errorf("default: got %q, %v; want none", o.VAT, err)
	}
}
