package ncp

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// Unit codes of the documented responses: per hour of use, per GB-hour of
// storage.
const (
	unitHour     = "HR"
	unitGBHour   = "STRG_1G_HH"
	priceMetered = "MTRAT"
)

var gib = decimal.NewFromInt(1 << 30)

// emit maps one product's metered prices to offers; what cannot be mapped is
// skipped and counted by reason.
func emit(p product, source string, asOf time.Time, st *pricing.ImportStats, sink pricing.Sink) error {
	if p.ProductCode == "" {
		return &ParseError{Reason: "productCode is empty"}
	}
	kind, ok := classify(p)
	if !ok {
		st.Skip("product kind not mapped: " + p.ProductItemKind.Code)
		return nil
	}
	counted := false
	for _, pr := range p.PriceList {
		if pr.PriceType.Code != priceMetered {
			st.Skip("price type " + pr.PriceType.Code)
			continue
		}
		o, reason, err := offer(p, pr, kind, source, asOf)
		if err != nil {
			return err
		}
		if reason != "" {
			st.Skip(reason)
			continue
		}
		if err := o.Validate(); err != nil {
			return &ParseError{Reason: err.Error()}
		}
		if err := sink(o); err != nil {
			return err
		}
		st.Prices++
		if !counted {
			st.Products, counted = st.Products+1, true
		}
	}
	return nil
}

// classify tells servers, block storage and internet traffic apart.
func classify(p product) (pricing.Service, bool) {
	k := p.ProductItemKind
	switch {
	case k.Code == "VSVR" || k.Code == "SVR":
		return pricing.Compute, true
	case isTraffic(k.CodeName) || isTraffic(p.ProductName):
		return pricing.Egress, true
	}
	for _, pr := range p.PriceList {
		if pr.Unit.Code == unitGBHour && !strings.Contains(strings.ToUpper(p.ProductName), "NAS") {
			return pricing.BlockStorage, true
		}
	}
	return "", false
}

func isTraffic(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "traffic") || strings.Contains(s, "트래픽")
}

// offer builds the offer of one metered price, or says why it is skipped.
func offer(p product, pr price, kind pricing.Service, source string, asOf time.Time) (pricing.Offer, string, error) {
	amount, err := decimal.NewFromString(strings.Trim(string(pr.Price), `"`))
	if err != nil {
		return pricing.Offer{}, "", &ParseError{Reason: fmt.Sprintf("price %q of %s is not a number", string(pr.Price), pr.PriceNo)}
	}
	if pr.Region.RegionCode == "" {
		return pricing.Offer{}, "", &ParseError{Reason: fmt.Sprintf("price %s has no region", pr.PriceNo)}
	}
	o := pricing.Offer{
		Provider: ID, Service: kind, ProviderService: p.ProductItemKind.CodeName, Region: pr.Region.RegionCode,
		SKU: p.ProductCode, Name: p.ProductName, Term: pricing.OnDemand, Amount: amount,
		Currency: pr.PayCurrency.Code, Unbounded: true, AsOf: startDate(pr.StartDate, asOf), Source: source,
		Attributes: map[string]string{"price_no": pr.PriceNo, "unit_code": pr.Unit.Code},
	}
	switch kind {
	case pricing.Compute:
		if pr.Unit.Code != unitHour && !strings.Contains(strings.ToLower(pr.Unit.CodeName), "per hour") {
			return o, "server price not per hour: " + pr.Unit.Code, nil
		}
		cpu, _ := decimal.NewFromString(p.CPUCount.String())
		mem, _ := decimal.NewFromString(p.MemorySize.String())
		if !cpu.IsPositive() || !mem.IsPositive() {
			return o, "server without cpuCount or memorySize", nil
		}
		o.Unit, o.OS, o.Family = pricing.PerHour, "linux", family(p)
		o.VCPU, _ = cpu.Float64()
		o.MemoryGiB, _ = mem.Div(gib).Float64()
	case pricing.BlockStorage:
		o.Unit, o.Family = pricing.PerGBMonth, pricing.VolumeGeneralSSD
		o.Amount = amount.Mul(decimal.NewFromInt(pricing.HoursPerMonth))
		o.Attributes["per_gb_hour"] = amount.String()
		if t := p.DiskDetailType.Code; t != "" && t != "SSD" {
			return o, "block storage not SSD: " + t, nil
		}
	case pricing.Egress:
		if !strings.Contains(strings.ToUpper(pr.Unit.Code), "G") {
			return o, "traffic price not per GB: " + pr.Unit.Code, nil
		}
		o.Unit = pricing.PerGB
	}
	return o, "", nil
}

// family maps the item kind detail (STAND standard, HICPU, HIMEM, BM
// bare metal, GPU) to the catalog's families.
func family(p product) string {
	if n, _ := decimal.NewFromString(p.GPUCount.String()); n.IsPositive() {
		return "gpu"
	}
	switch p.ProductItemKindDetail.Code {
	case "HICPU":
		return "compute_optimized"
	case "HIMEM":
		return "memory_optimized"
	}
	return "general_purpose"
}

// startDate reads the price's start date; NCP writes dates like
// 2024-01-01T00:00:00+0900.
func startDate(s string, fallback time.Time) time.Time {
	for _, layout := range []string{"2006-01-02T15:04:05-0700", time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.UTC().Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
	}
	return fallback
}
