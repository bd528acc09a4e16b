package gcp

import (
	"fmt"
	"maps"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// ToUSD converts an offer priced in another currency to USD with the
// catalog's currencyConversionRate (units of the currency per USD, kept in
// Attributes["currency_conversion_rate"]). The result is exact to 16 decimal
// places; the original amount and currency are kept in Attributes. A USD
// offer is returned unchanged.
func ToUSD(o pricing.Offer) (pricing.Offer, error) {
	if o.Currency == "USD" {
		return o, nil
	}
	raw := o.Attributes["currency_conversion_rate"]
	rate, err := decimal.NewFromString(raw)
	if err != nil || !rate.IsPositive() {
		return o, fmt.Errorf("convert %s from %s: no usable currency_conversion_rate %q", o.SKU, o.Currency, raw)
	}
	out := o
	out.Attributes = maps.Clone(o.Attributes)
	out.Attributes["original_amount"] = o.Amount.String()
	out.Attributes["original_currency"] = o.Currency
	out.Amount = o.Amount.Div(rate)
	out.Upfront = o.Upfront.Div(rate)
	out.Currency = "USD"
	return out, nil
}
