package aws

import (
	"strconv"
	"strings"

	"cloudadvisor/pricing"
)

// rawProduct is a product as the JSON formats carry it. Attributes are
// decoded into named fields, not a map, so that unknown attributes cost
// nothing and the bulk walker's per-SKU record stays small.
type rawProduct struct {
	SKU           string     `json:"sku"`
	ProductFamily string     `json:"productFamily"`
	Attributes    rawAttribs `json:"attributes"`
}

// rawAttribs are the product attributes the importer reads or keeps.
type rawAttribs struct {
	ServiceCode     string `json:"servicecode"`
	Location        string `json:"location"`
	RegionCode      string `json:"regionCode"`
	InstanceType    string `json:"instanceType"`
	InstanceFamily  string `json:"instanceFamily"`
	VCPU            string `json:"vcpu"`
	Memory          string `json:"memory"`
	Tenancy         string `json:"tenancy"`
	OperatingSystem string `json:"operatingSystem"`
	LicenseModel    string `json:"licenseModel"`
	PreInstalledSw  string `json:"preInstalledSw"`
	CapacityStatus  string `json:"capacitystatus"`
	UsageType       string `json:"usagetype"`
	Operation       string `json:"operation"`
	MarketOption    string `json:"marketoption"`
	VolumeAPIName   string `json:"volumeApiName"`
	TransferType    string `json:"transferType"`
	FromRegionCode  string `json:"fromRegionCode"`
	ToLocation      string `json:"toLocation"`
	DatabaseEngine  string `json:"databaseEngine"`
	DeploymentOpt   string `json:"deploymentOption"`
	GPU             string `json:"gpu"`
}

// product is the compact record kept per SKU while terms are read: the
// normalised fields of the Offer plus the attributes it carries.
type product struct {
	sku             string
	service         pricing.Service
	providerService string
	family          string
	region          string
	name            string
	os              string
	vcpu            float64
	memGiB          float64
	attrs           []string // key, value pairs, values interned
	skip            string   // reason every term of the product is skipped, "" to keep
	priced          bool     // a term of the product was read
}

// keptAttributes are copied from the product to Offer.Attributes when set.
func keptAttributes(a *rawAttribs, productFamily string) []string {
	kv := [...]string{
		"productFamily", productFamily,
		"operatingSystem", a.OperatingSystem,
		"preInstalledSw", a.PreInstalledSw,
		"licenseModel", a.LicenseModel,
		"tenancy", a.Tenancy,
		"capacitystatus", a.CapacityStatus,
		"usagetype", a.UsageType,
		"operation", a.Operation,
		"instanceFamily", a.InstanceFamily,
		"location", a.Location,
		"volumeApiName", a.VolumeAPIName,
		"transferType", a.TransferType,
		"databaseEngine", a.DatabaseEngine,
		"deploymentOption", a.DeploymentOpt,
		"gpu", a.GPU,
	}
	n := 0
	for i := 0; i < len(kv); i += 2 {
		if keepAttr(kv[i], kv[i+1]) {
			n += 2
		}
	}
	out := make([]string, 0, n)
	for i := 0; i < len(kv); i += 2 {
		if keepAttr(kv[i], kv[i+1]) {
			out = append(out, kv[i], kv[i+1])
		}
	}
	return out
}

// keepAttr reports whether an attribute is worth keeping: set, and not NA
// except for preInstalledSw, where NA means "no software" and is asked for.
func keepAttr(key, v string) bool {
	return v != "" && (v != "NA" || key == "preInstalledSw")
}

// interner shares the many repeated attribute strings of a bulk file.
type interner map[string]string

func (in interner) get(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	// Clone so the interned string does not pin a decoder buffer.
	c := strings.Clone(s)
	in[c] = c
	return c
}

// newProduct normalises a raw product. It never fails: products that
// cannot be priced carry a skip reason instead.
func newProduct(sku, productFamily string, a *rawAttribs, in interner) *product {
	p := &product{
		sku:             strings.Clone(sku),
		providerService: in.get(a.ServiceCode),
		service:         serviceOf(a, productFamily),
		name:            a.InstanceType,
		os:              osOf(a.OperatingSystem),
	}
	if p.name == "" {
		p.name = a.UsageType
	}
	p.name = in.get(p.name)
	if a.InstanceType != "" {
		p.family = familyOf(a.InstanceType, a.InstanceFamily)
	}
	if p.service == pricing.BlockStorage {
		p.family = volumeFamily(a.VolumeAPIName)
	}
	p.region = regionOf(a)
	p.vcpu, _ = strconv.ParseFloat(strings.TrimSpace(a.VCPU), 64)
	p.memGiB = parseGiB(a.Memory)
	p.attrs = keptAttributes(a, productFamily)
	for i := 1; i < len(p.attrs); i += 2 {
		p.attrs[i] = in.get(p.attrs[i])
	}
	p.skip = productSkip(a, p.region)
	if p.skip != "" {
		p.attrs = nil // never emitted: keep the per-SKU record small
	}
	return p
}

// productSkip is why no term of a product is imported, "" when it is kept.
func productSkip(a *rawAttribs, region string) string {
	switch {
	case region == "":
		return "no region code for location " + strconv.Quote(a.Location)
	case a.CapacityStatus != "" && a.CapacityStatus != "Used":
		// Capacity-reservation rows (allocated, unused) price a reservation
		// of an instance that is already priced as Used: keeping them would
		// list the same instance twice, once at a misleading rate.
		return "capacity status " + a.CapacityStatus
	case a.Tenancy == "Host":
		// On a Dedicated Host the instance itself is free (0.00); the host
		// is billed as a separate product.
		return "host tenancy (billed as a dedicated host)"
	case a.MarketOption == "CapacityBlock":
		// Capacity Blocks are bought per block ahead of time; their zero
		// hourly rate would look like the cheapest on-demand price.
		return "capacity block"
	}
	return ""
}

// offerBase is an Offer with the product fields filled in.
func (p *product) offerBase(source string) pricing.Offer {
	attrs := make(map[string]string, len(p.attrs)/2+2)
	for i := 0; i < len(p.attrs); i += 2 {
		attrs[p.attrs[i]] = p.attrs[i+1]
	}
	return pricing.Offer{
		Provider:        "aws",
		Service:         p.service,
		ProviderService: p.providerService,
		Family:          p.family,
		Region:          p.region,
		SKU:             p.sku,
		Name:            p.name,
		OS:              p.os,
		VCPU:            p.vcpu,
		MemoryGiB:       p.memGiB,
		Attributes:      attrs,
		Source:          source,
	}
}

// parseGiB reads "8 GiB", "0.5 GiB", "1,152 GiB"; 0 when absent or NA.
func parseGiB(s string) float64 {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "GiB")
	s = strings.TrimSuffix(s, "GB")
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return f
}
