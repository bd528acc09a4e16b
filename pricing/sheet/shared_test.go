package sheet_test

import (
	"cloudadvisor/internal/samples"
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/sheet"
)

// sharedSaaS is the hand-written vendor list shared by the team; it is read in
// place and never copied into the repository.
const sharedSaaS = "../../../shared/pricing-samples/saas/saas-list-prices.csv"

func TestParseAnySharedVendorList(t *testing.T) {
	f, err := os.Open(sharedSaaS)
	if os.IsNotExist(err) {
		samples.Missing(t, "shared samples not present at "+sharedSaaS)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []pricing.Offer
	st, err := sheet.ParseVendorList(f, func(o pricing.Offer) error {
		got = append(got, o)
		return nil
	})
	if err != nil {
		t.Fatalf("ParseVendorList: %v", err)
	}
	if st.Products != 38 {
		t.Errorf("rows read: got %d, want 38", st.Products)
	}
	if st.Prices+st.SkippedTotal() != st.Products || st.Prices != len(got) {
		t.Errorf("stats do not add up: %s, %d offers", st, len(got))
	}
	t.Logf("shared vendor list: %s", st)

	find := func(provider, plan, billing string) (pricing.Offer, bool) {
		for _, o := range got {
			if o.Provider == provider && o.Name == plan && o.Attributes["list_billing"] == billing {
				return o, true
			}
		}
		return pricing.Offer{}, false
	}
	tests := []struct {
		name, provider, plan, billing, price, currency string
		unit                                           pricing.Unit
		service                                        pricing.Service
	}{
		{"Heroku Standard-1X", "heroku", "Standard-1X", "usage (prorated to the second; max per month)", "25", "USD", pricing.PerMonth, pricing.PaaS},
		{"Slack Pro monthly", "slack", "Pro", "billed monthly", "8.75", "USD", pricing.PerUserMonth, pricing.SaaS},
		{"Slack Pro annual", "slack", "Pro", "billed annually", "7.25", "USD", pricing.PerUserMonth, pricing.SaaS},
		{"Microsoft 365 Business Basic in EUR", "microsoft", "Business Basic", "annual subscription (annual billing; excl. VAT)", "5.20", "EUR", pricing.PerUserMonth, pricing.SaaS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := find(tt.provider, tt.plan, tt.billing)
			if !ok {
				t.Fatalf("no offer for %s %s %q", tt.provider, tt.plan, tt.billing)
			}
			if !o.Amount.Equal(decimal.RequireFromString(tt.price)) || o.Currency != tt.currency {
				t.Errorf("price: got %s %s, want %s %s", o.Amount, o.Currency, tt.price, tt.currency)
			}
			if o.Unit != tt.unit || o.Service != tt.service {
				t.Errorf("unit, service: got %s %s, want %s %s", o.Unit, o.Service, tt.unit, tt.service)
			}
		})
	}
	if o, ok := find("slack", "Pro", "billed monthly"); ok && o.Attributes["billing"] != "monthly" {
		t.Errorf("Slack Pro monthly billing attribute: got %q, want monthly", o.Attributes["billing"])
	}
}
