package gcp

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// sku is one element of skus. Numbers stay json.Number to be read exactly.
type sku struct {
	SKUID       string `json:"skuId"`
	Description string `json:"description"`
	Category    struct {
		ServiceDisplayName string `json:"serviceDisplayName"`
		ResourceFamily     string `json:"resourceFamily"`
		ResourceGroup      string `json:"resourceGroup"`
		UsageType          string `json:"usageType"`
	} `json:"category"`
	ServiceRegions []string      `json:"serviceRegions"`
	PricingInfo    []pricingInfo `json:"pricingInfo"`
}

type pricingInfo struct {
	PricingExpression struct {
		UsageUnit   string `json:"usageUnit"`
		TieredRates []struct {
			StartUsageAmount json.Number `json:"startUsageAmount"`
			UnitPrice        money       `json:"unitPrice"`
		} `json:"tieredRates"`
	} `json:"pricingExpression"`
	CurrencyConversionRate json.Number `json:"currencyConversionRate"`
	EffectiveTime          *time.Time  `json:"effectiveTime"`
}

// money is google.type.Money: units is an int64 as a string, nanos the
// billionths, both of the same sign.
type money struct {
	CurrencyCode string      `json:"currencyCode"`
	Units        string      `json:"units"`
	Nanos        json.Number `json:"nanos"`
}

// amount is units + nanos/1e9, exactly.
func (m money) amount() (decimal.Decimal, error) {
	units := decimal.Zero
	if m.Units != "" {
		u, err := decimal.NewFromString(m.Units)
		if err != nil || !u.IsInteger() {
			return decimal.Decimal{}, fmt.Errorf("units %q is not an integer", m.Units)
		}
		units = u
	}
	nanos := int64(0)
	if m.Nanos != "" {
		n, err := m.Nanos.Int64()
		if err != nil || n <= -1e9 || n >= 1e9 {
			return decimal.Decimal{}, fmt.Errorf("nanos %q is not between -999999999 and 999999999", m.Nanos)
		}
		nanos = n
	}
	return units.Add(decimal.New(nanos, -9)), nil
}

// term maps usageType and the description to a Term, or a reason to skip.
func (s sku) term() (pricing.Term, string) {
	if strings.HasPrefix(s.Description, "Reserved ") {
		return "", "capacity reservation sku"
	}
	switch s.Category.UsageType {
	case "OnDemand":
		return pricing.OnDemand, ""
	case "Preemptible":
		return pricing.Spot, ""
	case "Commit1Yr":
		return pricing.Reserved1yNoUpfront, ""
	case "Commit3Yr":
		return pricing.Reserved3yNoUpfront, ""
	}
	return "", "usage type " + s.Category.UsageType
}

// current is the pricingInfo with the latest effectiveTime.
func (s sku) current() (pricingInfo, bool) {
	var best pricingInfo
	found := false
	for _, p := range s.PricingInfo {
		if !found || p.EffectiveTime != nil && (best.EffectiveTime == nil || p.EffectiveTime.After(*best.EffectiveTime)) {
			best, found = p, true
		}
	}
	return best, found
}

// offers returns one offer per region and tier, or a reason to skip the SKU.
func (s sku) offers(source string, fallbackAsOf time.Time) ([]pricing.Offer, string, error) {
	if s.SKUID == "" {
		return nil, "", fmt.Errorf("skuId is missing")
	}
	term, skip := s.term()
	if skip != "" {
		return nil, skip, nil
	}
	info, ok := s.current()
	if !ok || len(info.PricingExpression.TieredRates) == 0 {
		return nil, "no pricing info", nil
	}
	expr := info.PricingExpression
	unit, per, err := catalogUnit(expr.UsageUnit)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", s.SKUID, err)
	}
	base := s.base(info, term, unit, source, fallbackAsOf)
	tiers := make([]tier, len(expr.TieredRates))
	for i, r := range expr.TieredRates {
		price, err := r.UnitPrice.amount()
		if err != nil {
			return nil, "", fmt.Errorf("%s: tieredRates[%d]: %w", s.SKUID, i, err)
		}
		start, err := decimal.NewFromString(string(r.StartUsageAmount))
		if err != nil {
			start = decimal.Zero // proto3 JSON omits a zero start
		}
		tiers[i] = tier{start: start.Mul(per), price: price.Div(per), currency: r.UnitPrice.CurrencyCode}
	}
	return expand(base, regionsOf(s.ServiceRegions), tiers), "", nil
}

// base fills the fields every offer of the SKU shares.
func (s sku) base(info pricingInfo, term pricing.Term, unit pricing.Unit, source string, fallbackAsOf time.Time) pricing.Offer {
	asOf := fallbackAsOf
	if info.EffectiveTime != nil {
		asOf = *info.EffectiveTime
	}
	service := catalogService(s.Category.ResourceFamily, s.Category.ResourceGroup, s.Description)
	attrs := map[string]string{
		"unit":                     info.PricingExpression.UsageUnit,
		"description":              s.Description,
		"resource_family":          s.Category.ResourceFamily,
		"resource_group":           s.Category.ResourceGroup,
		"usage_type":               s.Category.UsageType,
		"currency_conversion_rate": string(info.CurrencyConversionRate),
	}
	family := ""
	if s.Category.ResourceGroup == "GPU" {
		family = "gpu"
	}
	family = component(s.Description, attrs, family)
	if service == pricing.BlockStorage {
		family = volumeFamily(s.Description)
	}
	return pricing.Offer{
		Provider: Provider, Service: service, ProviderService: s.Category.ServiceDisplayName,
		Family: family, SKU: s.SKUID, Name: s.Description, Attributes: attrs,
		Term: term, Unit: unit, AsOf: asOf, Source: source,
	}
}

// catalogService maps a catalog category to a Service.
func catalogService(family, group, description string) pricing.Service {
	switch family {
	case "Compute":
		return pricing.Compute
	case "Storage":
		if strings.Contains(group, "PD") || strings.Contains(group, "SSD") || strings.Contains(description, "PD ") {
			return pricing.BlockStorage
		}
		return pricing.ObjectStorage
	case "Network":
		if strings.Contains(group, "Egress") || strings.Contains(description, "Egress") {
			return pricing.Egress
		}
	case "License":
		return pricing.License
	}
	return pricing.Other
}

// regionsOf is the SKU's regions, or "global" when it lists none.
func regionsOf(regions []string) []string {
	if len(regions) == 0 {
		return []string{"global"}
	}
	return regions
}
