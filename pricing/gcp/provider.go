package gcp

import (
	"bufio"

	"cloudadvisor/pricing"
)

// Entry is Google Cloud's registry entry: its regions per geography, the
// country of each, and the importer of Cloud Billing API pages (JSON) and
// console exports (CSV).
var Entry = pricing.Provider{
	ID:    "gcp",
	Model: pricing.ModelIaaS,
	Regions: map[string]string{
		"us-east": "us-east1", "us-west": "us-west1", "eu-west": "europe-west1", "eu-central": "europe-west3",
		"asia-seoul": "asia-northeast3", "asia-tokyo": "asia-northeast1", "asia-singapore": "asia-southeast1",
	},
	Countries: map[string]string{
		"us-east1": "US", "us-west1": "US", "europe-west1": "BE", "europe-west3": "DE",
		"asia-northeast3": "KR", "asia-northeast1": "JP", "asia-southeast1": "SG",
	},
	Import: func(r *bufio.Reader, src pricing.ImportSource, sink pricing.Sink) (pricing.ImportStats, error) {
		if looksLikeJSON(r) {
			return Parse(r, src.Name, src.AsOf, sink)
		}
		return ParseCSV(r, src.Name, src.AsOf, sink)
	},
}

// looksLikeJSON peeks at the first byte that is not blank or a BOM: a Cloud
// Billing API page is a JSON object, the console export is CSV.
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
