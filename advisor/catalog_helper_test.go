package advisor

import (
	"bytes"
	"testing"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/sheet"
)

// defaultCatalog is the embedded default catalog as one in-memory snapshot.
func defaultCatalog(tb testing.TB) *pricing.Catalog {
	tb.Helper()
	var offers []pricing.Offer
	for _, s := range defaults.Sheets() {
		if err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
			offers = append(offers, o)
			return nil
		}); err != nil {
			tb.Fatal(err)
		}
	}
	return pricing.NewCatalog(offers)
}
