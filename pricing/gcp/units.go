package gcp

import (
	"fmt"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// baseUnit is a normalised unit and how many of it one quoted unit is.
type baseUnit struct {
	unit pricing.Unit
	per  int64
}

// catalogUnits maps the catalog's usageUnit codes. RAM is priced per GiB per
// hour (GiBy.h): it is kept as hour, the quantity being GiB.
var catalogUnits = map[string]baseUnit{
	"h":       {pricing.PerHour, 1},
	"GiBy.h":  {pricing.PerHour, 1},
	"GiBy.mo": {pricing.PerGBMonth, 1},
	"TiBy.mo": {pricing.PerGBMonth, 1024},
	"GiBy":    {pricing.PerGB, 1},
	"TiBy":    {pricing.PerGB, 1024},
	"mo":      {pricing.PerMonth, 1},
	"count":   {pricing.PerRequest, 1},
}

// csvUnits maps the pricing export's "Unit description" values.
var csvUnits = map[string]baseUnit{
	"hour":           {pricing.PerHour, 1},
	"gibibyte hour":  {pricing.PerHour, 1},
	"gibibyte month": {pricing.PerGBMonth, 1},
	"tebibyte month": {pricing.PerGBMonth, 1024},
	"gibibyte":       {pricing.PerGB, 1},
	"tebibyte":       {pricing.PerGB, 1024},
	"month":          {pricing.PerMonth, 1},
	"count":          {pricing.PerRequest, 1},
}

// catalogUnit returns the base unit of usageUnit and how many base units one
// quoted unit is; an unknown unit is an error.
func catalogUnit(usageUnit string) (pricing.Unit, decimal.Decimal, error) {
	u, ok := catalogUnits[usageUnit]
	if !ok {
		return "", decimal.Decimal{}, fmt.Errorf("unknown unit %q", usageUnit)
	}
	return u.unit, decimal.NewFromInt(u.per), nil
}

// csvUnit is catalogUnit for the CSV export's unit descriptions.
func csvUnit(description string) (pricing.Unit, decimal.Decimal, error) {
	u, ok := csvUnits[description]
	if !ok {
		return "", decimal.Decimal{}, fmt.Errorf("unknown unit %q", description)
	}
	return u.unit, decimal.NewFromInt(u.per), nil
}
