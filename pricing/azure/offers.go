package azure

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// offers converts one item into its offers: the item's own price and one per
// savings plan. A non-empty string is the reason to skip the item.
func (p *parser) offers(it item, source string, ends map[string][]decimal.Decimal) ([]pricing.Offer, string, error) {
	term, skip := it.term()
	if skip != "" {
		return nil, skip, nil
	}
	price, err := number("retailPrice", it.RetailPrice)
	if err != nil {
		return nil, "", err
	}
	unit, per, err := normaliseUnit(it.UnitOfMeasure)
	if err != nil {
		return nil, "", err
	}
	base, err := it.baseOffer(source)
	if err != nil {
		return nil, "", err
	}
	it.setTier(&base, per, ends)
	o := base
	o.Term, o.Unit, o.Amount = term, unit, price.Div(per)
	if it.Type == "Reservation" {
		// Azure quotes a reservation as the price of the whole term.
		o.Unit, o.Amount, o.Upfront = pricing.PerHour, decimal.Zero, price
	}
	o.SKU = it.sku(o.OS, term)
	out := []pricing.Offer{o}
	for i, sp := range it.SavingsPlan {
		spo, err := savingsPlanOffer(base, sp, unit, per)
		if err != nil {
			return nil, "", fmt.Errorf("savingsPlan[%d]: %w", i, err)
		}
		if spo.Term == "" {
			p.stats.Skip("savings plan term " + sp.Term)
			continue
		}
		spo.SKU = it.sku(spo.OS, spo.Term)
		out = append(out, spo)
	}
	return out, "", nil
}

// baseOffer fills the fields every offer of the item shares.
func (it item) baseOffer(source string) (pricing.Offer, error) {
	asOf, err := it.effective()
	if err != nil {
		return pricing.Offer{}, err
	}
	service := serviceOf(it)
	o := pricing.Offer{
		Provider:        Provider,
		Service:         service,
		ProviderService: it.ServiceName,
		Region:          it.ARMRegionName,
		Name:            it.ARMSKUName,
		OS:              osOf(it, service),
		Attributes:      it.attributes(),
		Currency:        it.CurrencyCode,
		AsOf:            asOf,
		Source:          source,
	}
	if o.Region == "" {
		o.Region = "global"
	}
	if o.Name == "" {
		o.Name = it.SKUName
	}
	if service == pricing.Compute {
		if s, ok := vmSize(it.ARMSKUName); ok {
			o.Family, o.VCPU, o.MemoryGiB = s.family, s.vcpu, s.memoryGiB
		}
	}
	if service == pricing.BlockStorage {
		family, gib, ok := diskOf(it.ProductName, it.MeterName)
		if ok {
			o.Family, o.Attributes["disk_gib"] = family, strconv.Itoa(gib)
		} else if family == pricing.VolumeHDD {
			o.Family = family
		}
	}
	return o, nil
}

// setTier sets the tier bounds, scaled like the price to the base unit.
func (it item) setTier(o *pricing.Offer, per decimal.Decimal, ends map[string][]decimal.Decimal) {
	start, err := number("tierMinimumUnits", it.TierMinimumUnits)
	if err != nil {
		start = decimal.Zero // the field is absent on untiered meters of older API versions
	}
	o.TierStart = start.Mul(per)
	if end, ok := nextTier(ends[it.tierKey()], start); ok {
		o.TierEnd = end.Mul(per)
	} else {
		o.Unbounded = true
	}
}

// savingsPlanOffer is the offer of one savings plan price of the item. Its
// Term is empty when the plan's term is unknown.
func savingsPlanOffer(base pricing.Offer, sp savingsPlan, unit pricing.Unit, per decimal.Decimal) (pricing.Offer, error) {
	price, err := number("retailPrice", sp.RetailPrice)
	if err != nil {
		return pricing.Offer{}, err
	}
	o := base
	o.Unit, o.Amount = unit, price.Div(per)
	switch sp.Term {
	case "1 Year":
		o.Term = pricing.SavingsPlan1y
	case "3 Years":
		o.Term = pricing.SavingsPlan3y
	}
	return o, nil
}

// sku names the offer: "<armSkuName>/<os>" for virtual machines, suffixed by
// the meter's priority when the term does not already say it, and
// "<skuId>/<meterId>" for every other meter.
func (it item) sku(os string, term pricing.Term) string {
	if it.ServiceName != "Virtual Machines" || it.ARMSKUName == "" {
		return it.SKUID + "/" + it.MeterID
	}
	s := it.ARMSKUName + "/" + os
	if p := it.priority(); p != "" && string(term) != p {
		s += "/" + p
	}
	return s
}

// serviceOf maps serviceName (and for Storage the product) to a Service.
func serviceOf(it item) pricing.Service {
	switch it.ServiceName {
	case "Virtual Machines":
		return pricing.Compute
	case "Azure App Service":
		return pricing.PaaS
	case "SQL Database", "Azure Database for PostgreSQL", "Azure Database for MySQL":
		return pricing.Database
	case "Bandwidth":
		return pricing.Egress
	case "Storage":
		if strings.Contains(it.ProductName, "Disk") {
			return pricing.BlockStorage
		}
		return pricing.ObjectStorage
	}
	return pricing.Other
}

// osOf reads the operating system from the product name of VMs and App
// Service plans: "... Windows" and "... - Linux". App Service plans without
// either run Windows.
func osOf(it item, service pricing.Service) string {
	switch service {
	case pricing.Compute:
		if strings.Contains(it.ProductName, "Windows") {
			return "windows"
		}
		return "linux"
	case pricing.PaaS:
		if strings.Contains(it.ProductName, "Linux") {
			return "linux"
		}
		return "windows"
	}
	return ""
}
