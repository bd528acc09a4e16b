package pricing

import "github.com/shopspring/decimal"

// KoreanVAT is Korea's value-added tax (부가가치세), 10%: provider list
// prices are quoted without it, and a Korean reader may want the amounts
// with it (부가세 포함) or stated as without it (부가세 별도).
var KoreanVAT = decimal.RequireFromString("0.1")

// Taxable reports whether VAT is added to a line: what the organisation
// pays a provider or vendor. Its own engineers' time (operations and
// migration labour) and the current system's cost are not invoiced to it.
func Taxable(l Line) bool { return l.Component != CompLabour && l.Component != "migration" }

// VATFactor is what a line's amount is multiplied by on this option:
// 1 + VATRate for a taxable line, else 1.
func (o Option) VATFactor(l Line) decimal.Decimal {
	if o.VATRate.IsZero() || !Taxable(l) {
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(1).Add(o.VATRate)
}
