package pricing

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
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
// reference rates of 2026-10-06 (units per 1 EUR, for USD, JPY, GBP, KRW and
// the other currencies the ECB publishes that offers may carry). Each call
// returns a fresh copy the caller may edit. Conversions use it until a
// catalog holds a newer table (CurrentRates).
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

// StaleAfterDays is the age beyond which a rate table is flagged as old.
const StaleAfterDays = 30

// AgeDays is how many whole days the table's date lies before at; ok is
// false when AsOf is not a date.
func (r Rates) AgeDays(at time.Time) (days int, ok bool) {
	d, err := time.Parse("2006-01-02", r.AsOf)
	if err != nil {
		return 0, false
	}
	return int(at.UTC().Sub(d).Hours() / 24), true
}

// Stale reports whether the table is more than StaleAfterDays old at at
// (an undated table is stale).
func (r Rates) Stale(at time.Time) bool {
	days, ok := r.AgeDays(at)
	return !ok || days > StaleAfterDays
}

// RateText writes a rate for people: four decimals, or four significant
// digits for a rate below 1 (1 KRW is 0.0007469 USD, not 0.0007), never the
// full quotient of two table entries.
func RateText(r decimal.Decimal) string {
	if r.Abs().GreaterThanOrEqual(decimal.NewFromInt(1)) || r.IsZero() {
		return r.StringFixed(4)
	}
	places := int32(3)
	for x := r.Abs(); x.LessThan(decimal.NewFromInt(1)); x = x.Shift(1) {
		places++
	}
	return r.Round(places).String()
}

// ExchangeRateKind is the "kind" attribute of the catalog records that hold
// an exchange rate: one record per currency, SKU "BASE/CUR", Amount units of
// Currency per 1 BASE, dated by AsOf (see package ecb).
const ExchangeRateKind = "exchange_rate"

// RatesFromOffers rebuilds the newest rate table held in offers: the
// exchange-rate records of the latest date. It returns false when offers
// hold no valid table.
func RatesFromOffers(offers []Offer) (Rates, bool) {
	var r Rates
	for _, o := range offers {
		base, _, ok := strings.Cut(o.SKU, "/")
		if o.Attributes["kind"] != ExchangeRateKind || !ok {
			continue
		}
		asOf := o.AsOf.Format(time.DateOnly)
		if asOf < r.AsOf || (asOf == r.AsOf && base != r.Base) {
			continue
		}
		if asOf > r.AsOf {
			r = Rates{Base: base, AsOf: asOf, Source: o.Source, Per: map[string]decimal.Decimal{}}
		}
		r.Per[o.Currency] = o.Amount
	}
	return r, len(r.Per) > 1 && r.Validate() == nil
}

// CurrentRates is the table conversions use: the newest one offers hold
// when it is dated after the embedded table, else the embedded table.
func CurrentRates(offers []Offer) Rates {
	def := DefaultRates()
	if r, ok := RatesFromOffers(offers); ok && r.AsOf > def.AsOf {
		return r
	}
	return def
}

// Clone returns a copy of the table whose rates the caller may edit.
func (r Rates) Clone() Rates {
	r.Per = maps.Clone(r.Per)
	return r
}
