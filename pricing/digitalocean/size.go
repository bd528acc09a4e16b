package digitalocean

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// size is one element of sizes; numbers stay json.Number to be read exactly.
type size struct {
	Slug         string      `json:"slug"`
	Memory       json.Number `json:"memory"` // MB
	VCPUs        json.Number `json:"vcpus"`
	Disk         json.Number `json:"disk"`     // GB
	Transfer     json.Number `json:"transfer"` // TB a month
	PriceMonthly json.Number `json:"price_monthly"`
	PriceHourly  json.Number `json:"price_hourly"`
	Regions      []string    `json:"regions"`
	Available    *bool       `json:"available"`
	Description  string      `json:"description"`
}

// offers returns one offer per region, or a reason to skip the size.
func (s size) offers(source string, asOf time.Time) ([]pricing.Offer, string, error) {
	if s.Slug == "" {
		return nil, "", fmt.Errorf("slug is missing")
	}
	if s.Available != nil && !*s.Available {
		return nil, "size not available", nil
	}
	if len(s.Regions) == 0 {
		return nil, "size sold in no region", nil
	}
	monthly, err := decimal.NewFromString(string(s.PriceMonthly))
	if err != nil {
		return nil, "", fmt.Errorf("%s: price_monthly %q is not a number", s.Slug, s.PriceMonthly)
	}
	vcpu, err1 := s.VCPUs.Float64()
	memMB, err2 := s.Memory.Float64()
	if err1 != nil || err2 != nil {
		return nil, "", fmt.Errorf("%s: vcpus %q or memory %q is not a number", s.Slug, s.VCPUs, s.Memory)
	}
	var out []pricing.Offer
	for _, region := range s.Regions {
		o := pricing.Offer{
			Provider: Provider, Service: pricing.Compute, ProviderService: "Droplets",
			Family: family(s.Slug, s.Description), Region: region, SKU: s.Slug, Name: s.Slug,
			OS: "linux", VCPU: vcpu, MemoryGiB: memMB / 1024, Attributes: s.attributes(),
			Term: pricing.OnDemand, Unit: pricing.PerMonth, Amount: monthly, Currency: "USD",
			Unbounded: true, AsOf: asOf, Source: source,
		}
		if err := o.Validate(); err != nil {
			return nil, "", err
		}
		out = append(out, o)
	}
	return out, "", nil
}

func (s size) attributes() map[string]string {
	return map[string]string{
		"unit":         "month",
		"price_hourly": string(s.PriceHourly),
		"disk_gb":      string(s.Disk),
		"transfer_tb":  string(s.Transfer),
		"description":  s.Description,
	}
}

// prefixes maps slug prefixes to families, longest first where they overlap.
var prefixes = []struct{ prefix, family string }{
	{"gpu-", "gpu"},
	{"so1_5-", "storage_optimized"}, {"so-", "storage_optimized"},
	{"gd-", "general_purpose"}, {"g-", "general_purpose"},
	{"c2-", "compute_optimized"}, {"c-", "compute_optimized"},
	{"m3-", "memory_optimized"}, {"m6-", "memory_optimized"}, {"m-", "memory_optimized"},
	{"s-", "basic"},
}

// family reads the family from the slug, else from the description.
func family(slug, description string) string {
	for _, p := range prefixes {
		if strings.HasPrefix(slug, p.prefix) {
			return p.family
		}
	}
	d := strings.ToLower(description)
	for _, f := range []struct{ word, family string }{
		{"gpu", "gpu"}, {"storage-optimized", "storage_optimized"}, {"memory-optimized", "memory_optimized"},
		{"cpu-optimized", "compute_optimized"}, {"general purpose", "general_purpose"}, {"basic", "basic"},
	} {
		if strings.Contains(d, f.word) {
			return f.family
		}
	}
	return ""
}
