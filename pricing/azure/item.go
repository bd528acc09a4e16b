package azure

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// item is one element of Items. Numbers stay json.Number so that prices are
// read exactly, never through float64.
type item struct {
	CurrencyCode         string        `json:"currencyCode"`
	TierMinimumUnits     json.Number   `json:"tierMinimumUnits"`
	RetailPrice          json.Number   `json:"retailPrice"`
	ARMRegionName        string        `json:"armRegionName"`
	Location             string        `json:"location"`
	EffectiveStartDate   string        `json:"effectiveStartDate"`
	MeterID              string        `json:"meterId"`
	MeterName            string        `json:"meterName"`
	SKUID                string        `json:"skuId"`
	ProductName          string        `json:"productName"`
	SKUName              string        `json:"skuName"`
	ServiceName          string        `json:"serviceName"`
	ServiceFamily        string        `json:"serviceFamily"`
	UnitOfMeasure        string        `json:"unitOfMeasure"`
	Type                 string        `json:"type"`
	ReservationTerm      string        `json:"reservationTerm"`
	IsPrimaryMeterRegion bool          `json:"isPrimaryMeterRegion"`
	ARMSKUName           string        `json:"armSkuName"`
	SavingsPlan          []savingsPlan `json:"savingsPlan"`
}

// savingsPlan is one element of an item's savingsPlan array.
type savingsPlan struct {
	RetailPrice json.Number `json:"retailPrice"`
	Term        string      `json:"term"`
}

// priority tells regular, Spot and Low Priority meters apart.
func (it item) priority() string {
	name := it.MeterName + " " + it.SKUName
	switch {
	case strings.Contains(name, "Low Priority"):
		return string(pricing.LowPriority)
	case strings.Contains(name, "Spot"):
		return string(pricing.Spot)
	}
	return ""
}

// term maps type, reservationTerm and the meter's priority to a Term, or
// returns a reason to skip the item.
func (it item) term() (pricing.Term, string) {
	switch it.Type {
	case "Consumption":
		if p := it.priority(); p != "" {
			return pricing.Term(p), ""
		}
		return pricing.OnDemand, ""
	case "DevTestConsumption":
		return pricing.DevTest, ""
	case "Reservation":
		switch it.ReservationTerm {
		case "1 Year":
			return pricing.Reserved1yAllUpfront, ""
		case "3 Years":
			return pricing.Reserved3yAllUpfront, ""
		}
		return "", "reservation term " + it.ReservationTerm
	}
	return "", "price type " + it.Type
}

// tierKey identifies the rows of one tiered meter.
func (it item) tierKey() string {
	return it.SKUID + "|" + it.MeterID + "|" + it.Type + "|" + it.ReservationTerm
}

// tierEnds maps each tiered meter to its tier starts, so that a tier's end is
// the next tier's start.
func tierEnds(items []positioned) map[string][]decimal.Decimal {
	ends := map[string][]decimal.Decimal{}
	for _, p := range items {
		start, err := decimal.NewFromString(string(p.item.TierMinimumUnits))
		if err != nil {
			continue // reported when the item itself is converted
		}
		ends[p.item.tierKey()] = append(ends[p.item.tierKey()], start)
	}
	return ends
}

// nextTier is the smallest start above start, if any.
func nextTier(starts []decimal.Decimal, start decimal.Decimal) (decimal.Decimal, bool) {
	var next decimal.Decimal
	found := false
	for _, s := range starts {
		if s.GreaterThan(start) && (!found || s.LessThan(next)) {
			next, found = s, true
		}
	}
	return next, found
}

// number reads an exact decimal from a JSON number field.
func number(field string, n json.Number) (decimal.Decimal, error) {
	if n == "" {
		return decimal.Decimal{}, fmt.Errorf("%s is missing", field)
	}
	d, err := decimal.NewFromString(string(n))
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %q is not a number", field, n)
	}
	return d, nil
}

// attributes keeps the provider fields shown next to a price.
func (it item) attributes() map[string]string {
	a := map[string]string{
		"unit":                    it.UnitOfMeasure,
		"type":                    it.Type,
		"meter_id":                it.MeterID,
		"meter_name":              it.MeterName,
		"sku_id":                  it.SKUID,
		"sku_name":                it.SKUName,
		"product_name":            it.ProductName,
		"service_family":          it.ServiceFamily,
		"location":                it.Location,
		"is_primary_meter_region": strconv.FormatBool(it.IsPrimaryMeterRegion),
	}
	if it.ARMSKUName != "" {
		a["arm_sku_name"] = it.ARMSKUName
	}
	if it.ReservationTerm != "" {
		a["reservation_term"] = it.ReservationTerm
	}
	if p := it.priority(); p != "" {
		a["priority"] = p
	}
	return a
}

// effective parses effectiveStartDate.
func (it item) effective() (time.Time, error) {
	t, err := time.Parse(time.RFC3339, it.EffectiveStartDate)
	if err != nil {
		return time.Time{}, fmt.Errorf("effectiveStartDate %q is not an RFC 3339 time", it.EffectiveStartDate)
	}
	return t, nil
}
