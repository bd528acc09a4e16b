package pricing

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Rates is an exchange-rate table: how many units of each currency one unit
// of Base buys, valid on AsOf, taken from Source. Conversions go through the
// base: amount × Per[to] / Per[from]. The table is data, editable by the
// user; every converted option names the table and the rate it used.
type Rates struct {
	Base   string                     `json:"base"`
	AsOf   string                     `json:"as_of"` // YYYY-MM-DD
	Source string                     `json:"source"`
	Per    map[string]decimal.Decimal `json:"rates"`
}

//go:embed rates.json
var defaultRatesJSON []byte

// DefaultRates returns the embedded table: the European Central Bank's euro
// reference rates of 2024-06-28 (units per 1 EUR, for USD, JPY, GBP, KRW and
// the other currencies the ECB publishes that offers may carry). Each call
// returns a fresh copy the caller may edit.
func DefaultRates() Rates {
	var r Rates
	if err := json.Unmarshal(defaultRatesJSON, &r); err != nil {
		panic(fmt.Sprintf("embedded rates.json: %v", err)) // embedded data is fixed at build time
	}
	return r
}

// Validate checks that the table has a base, a date, a source and positive rates.
func (r Rates) Validate() error {
	if _, err := time.Parse("2006-01-02", r.AsOf); err != nil {
		return fmt.Errorf("rates: as_of %q is not a date", r.AsOf)
	}
	if r.Source == "" {
		return fmt.Errorf("rates: source is missing")
	}
	if b, ok := r.Per[r.Base]; !ok || !b.Equal(decimal.NewFromInt(1)) {
		return fmt.Errorf("rates: base %q must have rate 1", r.Base)
	}
	for c, v := range r.Per {
		if !ValidCurrency(c) {
			return fmt.Errorf("rates: unknown currency %q", c)
		}
		if !v.IsPositive() {
			return fmt.Errorf("rates: rate of %s must be positive", c)
		}
	}
	return nil
}

// Rate returns how many units of to one unit of from buys, and false when
// the table lacks either currency. The same currency is always 1.
func (r Rates) Rate(from, to string) (decimal.Decimal, bool) {
	if from == to {
		return decimal.NewFromInt(1), true
	}
	f, ok1 := r.Per[from]
	t, ok2 := r.Per[to]
	if !ok1 || !ok2 {
		return decimal.Decimal{}, false
	}
	return t.Div(f), true
}

// Convert returns m in currency to, and false when a rate is missing.
func (r Rates) Convert(m Money, to string) (Money, bool) {
	rate, ok := r.Rate(m.Currency, to)
	if !ok {
		return Money{}, false
	}
	return Money{Amount: m.Amount.Mul(rate), Currency: to}, true
}

// RateUse records one conversion an option made: the rate from one currency
// to the display currency and the table it came from.
type RateUse struct {
	From   string          `json:"from"`
	To     string          `json:"to"`
	Rate   decimal.Decimal `json:"rate"`
	AsOf   string          `json:"as_of"`
	Source string          `json:"source"`
}
