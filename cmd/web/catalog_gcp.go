package main

import (
	"bufio"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/gcp"
)

// parseGCP imports a Cloud Billing API page or console CSV export and then
// combines its per-core and per-GiB SKUs into machine types per region, so
// that e2-standard-2 in us-central1 can be priced from either file.
func parseGCP(o importOptions, r *bufio.Reader, sink pricing.Sink) (pricing.ImportStats, error) {
	c := gcp.NewCombiner(nil)
	var st pricing.ImportStats
	var err error
	if looksLikeJSON(r) {
		st, err = gcp.Parse(r, o.file, o.asOf, c.Sink(sink))
	} else {
		st, err = gcp.ParseCSV(r, o.file, o.asOf, c.Sink(sink))
	}
	if err != nil {
		return st, err
	}
	mt, err := c.Flush(sink)
	st.Products += mt.Products
	st.Prices += mt.Prices
	for reason, n := range mt.Skipped {
		for range n {
			st.Skip(reason)
		}
	}
	return st, err
}
