// Package kt holds KT Cloud's registry entry. KT Cloud has no public price
// API (cloud-barista/cb-spider issues #979 and #978, "Price Info API
// Unsupported in KT"), and no dated public source giving a figure was found
// when this entry was written (2026-12-05): it is listed as not priced, with
// that reason, and no figure is invented.
package kt

import "cloudadvisor/pricing"

// Entry is KT Cloud's registry entry. Its region code here is this
// advisor's own ("kr"): without a price API there is no provider code to
// match, and only its Korean datacenters are registered.
var Entry = pricing.Provider{
	ID:        "kt",
	Model:     pricing.ModelIaaS,
	Regions:   map[string]string{"asia-seoul": "kr"},
	Countries: map[string]string{"kr": "KR"},
	NotPriced: "no_price_api",
}
