package provenance

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/sheet"
)

// TestDefaultCatalogKinds reports the embedded catalog's share of prices
// by kind and the oldest effective date; it fails only when a row cannot be
// judged, since the shares are what issue 17 asks to improve.
func TestDefaultCatalogKinds(t *testing.T) {
	count := map[Kind]int{}
	total := 0
	var oldest time.Time
	oldestSource := ""
	for _, s := range defaults.Sheets() {
		err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
			k := Of(o)
			if !slices.Contains(Kinds, k) {
				return fmt.Errorf("%s: kind %q", o.SKU, k)
			}
			// Every price carries its source and the provider's date, and no
			// date lies after the day the test runs.
			if o.Source == "" || o.AsOf.IsZero() || o.AsOf.After(time.Now()) {
				return fmt.Errorf("%s %s %s: source %q, effective %s: want a source and a past date", o.Provider, o.Region, o.SKU, o.Source, o.AsOf.Format(time.DateOnly))
			}
			count[k]++
			total++
			if oldest.IsZero() || o.AsOf.Before(oldest) {
				oldest, oldestSource = o.AsOf, o.Source
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
	}
	for _, k := range Kinds {
		t.Logf("%-16s %5d rows %5.1f%%", k, count[k], 100*float64(count[k])/float64(total))
	}
	t.Logf("oldest effective date %s (%s)", oldest.Format(time.DateOnly), oldestSource)
}
