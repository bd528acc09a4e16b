package azure

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// unitPattern splits a unitOfMeasure into a count, an optional K or M
// multiplier and what is counted: "1 Hour", "100 Hours", "10K", "1M",
// "1 GB/Month", "10K/Month".
var unitPattern = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*([KM]?)\s*(.*)$`)

// baseUnits maps what a unitOfMeasure counts to the normalised unit.
// A bare count ("10K", "1M", "1") is a number of requests or operations.
var baseUnits = map[string]pricing.Unit{
	"":          pricing.PerRequest,
	"hour":      pricing.PerHour,
	"hours":     pricing.PerHour,
	"/hour":     pricing.PerHour,
	"gb":        pricing.PerGB,
	"gib":       pricing.PerGB,
	"gb/month":  pricing.PerGBMonth,
	"gib/month": pricing.PerGBMonth,
	"month":     pricing.PerMonth,
	"months":    pricing.PerMonth,
	"/month":    pricing.PerMonth,
}

// normaliseUnit returns the base unit of unitOfMeasure and the quantity of
// that unit one price is quoted for: "10K" is (request, 10000), so the price
// per request is the quoted price divided by 10000. "10K/Month" (for example
// index tags) is per item-month: (month, 10000). An unknown unit is an error.
func normaliseUnit(unitOfMeasure string) (pricing.Unit, decimal.Decimal, error) {
	m := unitPattern.FindStringSubmatch(strings.TrimSpace(unitOfMeasure))
	if m == nil {
		return "", decimal.Decimal{}, fmt.Errorf("unknown unit %q", unitOfMeasure)
	}
	unit, ok := baseUnits[strings.ToLower(strings.TrimSpace(m[3]))]
	if !ok {
		return "", decimal.Decimal{}, fmt.Errorf("unknown unit %q", unitOfMeasure)
	}
	count, err := decimal.NewFromString(m[1])
	if err != nil || !count.IsPositive() {
		return "", decimal.Decimal{}, fmt.Errorf("unknown unit %q", unitOfMeasure)
	}
	switch m[2] {
	case "K":
		count = count.Mul(decimal.NewFromInt(1000))
	case "M":
		count = count.Mul(decimal.NewFromInt(1000000))
	}
	return unit, count, nil
}
