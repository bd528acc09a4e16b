package pricing

import (
	"github.com/shopspring/decimal"
)

// HourlyCost is a default cost of one engineer hour in one currency, with
// the figure it comes from: a wage survey of that market, or the US figure
// converted at the rate table (Basis says which, with its numbers).
type HourlyCost struct {
	Money
	Basis  Msg    `json:"basis"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
	// Converted is true when no survey of the market was sourced and the
	// amount is the US figure at the table's rate.
	Converted bool `json:"converted"`
}

// hourlySurveys are the sourced hourly costs by currency.
//
//   - KRW 51,845: KOSA (한국인공지능·소프트웨어산업협회), 2025 SW기술자
//     임금실태조사 (statistics approval no. 375001), published 2025-12-23 and
//     applied from 2026: the daily average wage of SW engineers across the
//     17 jobs is KRW 414,762 (basic pay, allowances, bonus, severance
//     provision and the employer's social insurance), and KOSA's hourly
//     figure is the daily one over 8 hours: 414,762 / 8 = 51,845.25.
//   - USD 69.50: US Bureau of Labor Statistics, Occupational Employment and
//     Wage Statistics May 2024, 15-1252 Software Developers, mean annual
//     wage USD 144,570 over BLS's 2,080 hours = 69.50 an hour; wages only,
//     without benefits, so it understates the employer's cost.
var hourlySurveys = map[string]HourlyCost{
	"KRW": {Money: Money{decimal.NewFromInt(51845), "KRW"},
		Basis: M("price.labour.basis.kosa", "414,762", "8"), AsOf: "2025-12-23",
		Source: "https://zdnet.co.kr/view/?no=20251223102338"},
	"USD": {Money: Money{decimal.RequireFromString("69.50"), "USD"},
		Basis: M("price.labour.basis.bls", "144,570", "2,080"), AsOf: "2024-05",
		Source: "https://www.bls.gov/oes/2024/may/oes151252.htm"},
}

// DefaultHourlyCost returns the default engineer hour in currency: the
// market's survey where one is sourced, else the US survey converted at the
// table's rate (rounded to the currency's minor unit), marked Converted.
// ok is false when neither exists.
func DefaultHourlyCost(currency string, r Rates) (HourlyCost, bool) {
	if h, ok := hourlySurveys[currency]; ok {
		return h, true
	}
	us := hourlySurveys["USD"]
	m, ok := r.Convert(us.Money, currency)
	if !ok {
		return HourlyCost{}, false
	}
	rate, _ := r.Rate("USD", currency)
	m.Amount = m.Amount.Round(minorUnits(currency))
	return HourlyCost{Money: m, AsOf: r.AsOf, Source: us.Source, Converted: true,
		Basis: M("price.labour.basis.converted", us.Amount.StringFixed(2), RateText(rate), r.AsOf)}, true
}

// minorUnits is the number of decimals a currency is written with.
func minorUnits(currency string) int32 {
	switch currency {
	case "KRW", "JPY", "IDR":
		return 0
	}
	return 2
}
