// Package nhn holds NHN Cloud's registry entry. NHN Cloud has no public
// price API (cloud-barista/cb-spider issue #980, "Price Info API Unsupported
// in NHN", 2023-12-01), and no dated public source giving a figure was found
// when this entry was written (2026-12-05): it is listed as not priced, with
// that reason, and no figure is invented. Curated sheet rows may be imported
// (web catalog import --provider sheet) where a dated source gives them.
package nhn

import "cloudadvisor/pricing"

// Entry is NHN Cloud's registry entry. Only its Korean region (KR1) is
// registered: its other regions are neither priced nor listed here.
var Entry = pricing.Provider{
	ID:        "nhn",
	Model:     pricing.ModelIaaS,
	Regions:   map[string]string{"asia-seoul": "KR1"},
	Countries: map[string]string{"KR1": "KR"},
	NotPriced: "no_price_api",
}
