package main

import (
	"bufio"
	"fmt"

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
		var next string
		st, next, err = gcp.ParsePage(r, o.file, o.asOf, c.Sink(sink))
		if err == nil && next != "" && !o.allowPartial {
			return st, errPartialFile("nextPageToken")
		}
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

// errPartialFile refuses one page of a paginated response: its version
// would replace a whole catalog with part of it.
func errPartialFile(field string) error {
	return fmt.Errorf("the file is one page of a paginated response (%s is set): import every page, use --fetch, or pass --allow-partial", field)
}

// looksLikeJSON reports whether the file starts with a JSON object (after
// whitespace and a byte-order mark): a Catalog API page rather than a CSV.
func looksLikeJSON(r *bufio.Reader) bool {
	b, _ := r.Peek(512)
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', 0xEF, 0xBB, 0xBF:
			continue
		}
		return c == '{'
	}
	return false
}
