package gcp

import (
	"maps"
	"slices"
	"strings"

	"cloudadvisor/pricing"
)

// multiRegions are the locations a SKU description may name instead of a
// region: one price for every region of the continent that has no SKU of its
// own ("E2 Instance Core running in Americas" prices us-central1, while
// "... running in Virginia" prices us-east4).
var multiRegions = map[string][]string{
	"Americas": {"us-", "northamerica-", "southamerica-"},
	"EMEA":     {"europe-", "me-", "africa-"},
	"APAC":     {"asia-", "australia-"},
}

// Regions lists every region code SKU descriptions are known to name.
func Regions() []string { return slices.Sorted(maps.Values(locations)) }

// Combiner turns per-core and per-GiB component SKUs into machine-type
// offers per region. Sink passes every offer on unchanged and keeps the
// components; Flush then sends one offer per machine type of
// MachineTypesTable, region, term and currency. A component priced for a
// multi-region (Americas, EMEA, APAC) prices each of the regions given to
// NewCombiner on that continent unless the region has its own SKU of the
// same series, component and term.
type Combiner struct {
	regions    []string
	components []pricing.Offer
}

// NewCombiner returns a Combiner for regions (Regions() when nil).
func NewCombiner(regions []string) *Combiner {
	if regions == nil {
		regions = Regions()
	}
	return &Combiner{regions: regions}
}

// Sink returns a sink that keeps the first tier of each component SKU and
// passes every offer to next.
func (c *Combiner) Sink(next pricing.Sink) pricing.Sink {
	return func(o pricing.Offer) error {
		if o.Attributes["component"] != "" && o.TierStart.IsZero() {
			c.components = append(c.components, o)
		}
		return next(o)
	}
}

// componentKey is one component price of one region.
type componentKey struct{ region, series, component, term, currency string }

// Flush sends the machine types of the components seen so far to sink.
func (c *Combiner) Flush(sink pricing.Sink) (pricing.ImportStats, error) {
	specific := map[componentKey]pricing.Offer{}
	var wide []pricing.Offer
	for _, o := range c.components {
		_, location := regionOf(o.Attributes["description"])
		if _, ok := multiRegions[location]; ok || o.Region == "global" {
			wide = append(wide, o)
			continue
		}
		k := componentKey{o.Region, o.Attributes["series"], o.Attributes["component"], string(o.Term), o.Currency}
		if _, ok := specific[k]; !ok {
			specific[k] = o
		}
	}
	for _, o := range wide {
		_, location := regionOf(o.Attributes["description"])
		prefixes := multiRegions[location]
		targets := []string{o.Region}
		if o.Region == "global" {
			targets = nil
			for _, r := range c.regions {
				if onContinent(r, prefixes) {
					targets = append(targets, r)
				}
			}
		}
		for _, r := range targets {
			k := componentKey{r, o.Attributes["series"], o.Attributes["component"], string(o.Term), o.Currency}
			if _, ok := specific[k]; ok {
				continue
			}
			o.Region = r
			specific[k] = o
		}
	}
	keys := slices.SortedFunc(maps.Keys(specific), func(a, b componentKey) int {
		return strings.Compare(a.region+"\x00"+a.series+"\x00"+a.term+"\x00"+a.component,
			b.region+"\x00"+b.series+"\x00"+b.term+"\x00"+b.component)
	})
	offers := make([]pricing.Offer, 0, len(keys))
	for _, k := range keys {
		offers = append(offers, specific[k])
	}
	return MachineTypes(offers, MachineTypesTable, sink)
}

func onContinent(region string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(region, p) {
			return true
		}
	}
	return false
}
