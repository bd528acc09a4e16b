package pricing

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The embedded table is the ECB's of 2026-10-06: 1 EUR = 1.1269 USD and
// 1508.67 KRW, so 1 USD = 1508.67 / 1.1269 = 1338.77896... KRW and 1 KRW =
// 1.1269 / 1508.67 = 0.000746946... USD.
func TestDefaultRatesShownToFourDecimals(t *testing.T) {
	r := DefaultRates()
	if r.AsOf != "2026-10-06" {
		t.Fatalf("got rates of %s, want the ECB table of 2026-10-06", r.AsOf)
	}
	usdkrw, _ := r.Rate("USD", "KRW")
	krwusd, _ := r.Rate("KRW", "USD")
	tests := []struct {
		name string
		rate decimal.Decimal
		want string
	}{
		{"usd_krw", usdkrw, "1338.7790"},
		{"krw_usd", krwusd, "0.0007469"},
		{"eur_usd", decimal.RequireFromString("1.1269"), "1.1269"},
		{"one", decimal.NewFromInt(1), "1.0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RateText(tt.rate); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRatesStaleAfterThirtyDays(t *testing.T) {
	r := Rates{AsOf: "2026-10-06"}
	tests := []struct {
		name string
		at   string
		want bool
	}{
		{"same_day", "2026-10-06", false},
		{"thirty_days", "2026-11-05", false},
		{"thirty_one_days", "2026-11-06", true},
		{"build_day", "2026-12-05", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, _ := time.Parse("2006-01-02", tt.at)
			if got := r.Stale(at); got != tt.want {
				t.Errorf("got stale %v at %s, want %v", got, tt.at, tt.want)
			}
		})
	}
	if !(Rates{AsOf: "soon"}).Stale(time.Now()) {
		t.Error("got an undated table not stale, want stale")
	}
}
