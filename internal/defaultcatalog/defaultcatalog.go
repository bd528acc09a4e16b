// Package defaultcatalog imports the embedded default price catalog (package
// pricing/defaults) into a store. The web command runs it at start; the
// server's handler tests run it to serve the same prices.
package defaultcatalog

import (
	"bytes"
	"context"
	"log/slog"
	"strings"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/refresh"
	"cloudadvisor/pricing/sheet"
)

// Import imports each embedded price sheet whose bytes are not yet the
// active version of its scope; an unchanged sheet costs one query.
func Import(ctx context.Context, db refresh.Importer, log *slog.Logger) error {
	for _, s := range defaults.Sheets() {
		in := pricing.CatalogImport{Provider: strings.TrimSuffix(s.Name, ".csv"), Scope: "default:" + s.Name,
			Source: "embedded " + s.Name, Checksum: pricing.Checksum(s.Data)}
		v, err := db.ImportCatalog(ctx, in, func(sink pricing.Sink) (pricing.ImportStats, error) {
			var st pricing.ImportStats
			err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
				st.Prices++
				return sink(o)
			})
			return st, err
		})
		if err != nil {
			return err
		}
		if !v.Unchanged {
			log.Info("imported default catalog", "sheet", s.Name, "products", v.Products, "prices", v.Prices)
		}
	}
	return nil
}
