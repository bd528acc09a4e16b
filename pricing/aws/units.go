package aws

import (
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// units maps AWS unit strings to catalog units. Rates per vCPU or per GB of
// memory per hour stay per hour: the original unit kept in
// Attributes["unit"] says what one hour is of.
var units = map[string]pricing.Unit{
	"Hrs": pricing.PerHour, "hrs": pricing.PerHour, "Hours": pricing.PerHour, "hours": pricing.PerHour,
	"Hour": pricing.PerHour, "hour": pricing.PerHour, "vCPU-Hours": pricing.PerHour, "vCPU-hours": pricing.PerHour,
	"vCPU-Hour": pricing.PerHour, "vCPU-hour": pricing.PerHour, "GB-Hours": pricing.PerHour, "GB-hours": pricing.PerHour,
	"ACU-Hr": pricing.PerHour, "ACU-hr": pricing.PerHour, "LCU-Hrs": pricing.PerHour, "IdleLCU-Hr": pricing.PerHour,
	"GB-Mo": pricing.PerGBMonth, "GB-month": pricing.PerGBMonth, "GB-Month": pricing.PerGBMonth, "GiB-Mo": pricing.PerGBMonth,
	"IOPS-Mo": pricing.PerMonth, "GiBps-mo": pricing.PerMonth, "MBps-Mo": pricing.PerMonth, "Mo": pricing.PerMonth,
	"ACU-Months": pricing.PerMonth,
	"GB":         pricing.PerGB, "GiB": pricing.PerGB,
	"Requests": pricing.PerRequest, "requests": pricing.PerRequest, "Request": pricing.PerRequest,
	"API Requests": pricing.PerRequest, "IOs": pricing.PerRequest,
}

// unpricedUnits are real AWS units with no catalog unit: records in them
// are skipped and counted, not rejected.
var unpricedUnits = map[string]bool{
	"Second": true, "Seconds": true, "seconds": true, "Lambda-GB-Second": true, "GB-Second": true,
	"Count": true, "Each": true, "IPs": true, "Objects": true, "Tags": true,
}

// unitQuantity is the unit of the one-time fee of a reserved term.
const unitQuantity = "Quantity"

// normUnit maps u to a catalog unit; skip is set for known units that have
// none, err for units never seen.
func normUnit(u string) (unit pricing.Unit, skip string, err error) {
	if n, ok := units[u]; ok {
		return n, "", nil
	}
	if unpricedUnits[u] {
		return "", "unit " + u + " has no catalog unit", nil
	}
	return "", "", reasonf(ErrUnknownUnit, "%q", u)
}

// parsePrice reads an exact price string and rejects negatives.
func parsePrice(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return decimal.Decimal{}, reasonf(ErrBadPrice, "%q", s)
	}
	if d.IsNegative() {
		return decimal.Decimal{}, reasonf(ErrNegativePrice, "%s", s)
	}
	return d, nil
}

// checkCurrency rejects currency codes the catalog does not know.
func checkCurrency(c string) error {
	if !pricing.ValidCurrency(c) {
		return reasonf(ErrUnknownCurrency, "%q", c)
	}
	return nil
}
