// Package ncp imports Naver Cloud Platform (NCP) list prices: the JSON of
// the Billing API's getProductPriceList
// (https://api.ncloud-docs.com/docs/platform-listprice-getproductpricelist),
// asked for with responseFormatType=json.
//
// A response is {"getProductPriceListResponse": {"returnCode", "totalRows",
// "productPriceList": [product...]}}; a product carries its code, name,
// item kind, cpuCount, memorySize (bytes) and a priceList of prices, each
// with a priceType (FREE, FXSUM monthly flat rate, MTRAT metered), region,
// unit, price and payCurrency. A file may hold several responses one after
// the other (pages). Only metered (MTRAT) prices are kept, as cb-spider
// does; flat monthly rates and free rows are skipped and counted.
//
// Mapped into the catalog, prices in the currency they are quoted in (KRW
// stays KRW, exact decimals):
//   - servers (item kind VSVR "Server (VPC)" or SVR) with a CPU count and
//     memory, priced per hour: compute, OS linux (NCP bills Windows as a
//     separate software product, skipped here);
//   - block storage priced per GB-hour (unit STRG_1G_HH): general-purpose
//     SSD volumes per GB-month (× pricing.HoursPerMonth);
//   - internet traffic out priced per GB (item kind or product name saying
//     traffic): egress, with its tiers when conditionType/conditionPrice give
//     none (tiers are not in the documented shape; a price is one tier).
//
// Client.Fetch reads the listing live: signed requests (see Sign) for
// responseFormatType=json, every page of a region. Entry.Fetch is that
// fetch with the key pair of ADVISOR_NCP_ACCESS_KEY and
// ADVISOR_NCP_SECRET_KEY; the catalog refresh runs it for the regions of
// every geography.
//
// No real response was available when this was written: the test fixture is
// written from the documented structure and says so.
package ncp

import (
	"bufio"

	"cloudadvisor/pricing"
)

// ID is the provider id of every offer this package emits.
const ID = "ncp"

// Entry is NCP's registry entry. Region codes and countries are those of
// getRegionList (https://api.ncloud-docs.com/docs/compute-server-getregionlist,
// read 2026-12-05): KR Korea, JPN Japan, SGN Singapore, USWN US-West,
// DEN Germany. NCP has no region in the US East or in Ireland.
var Entry = pricing.Provider{
	ID:    ID,
	Model: pricing.ModelIaaS,
	Regions: map[string]string{
		"asia-seoul": "KR", "asia-tokyo": "JPN", "asia-singapore": "SGN", "us-west": "USWN", "eu-central": "DEN",
	},
	Countries: map[string]string{"KR": "KR", "JPN": "JP", "SGN": "SG", "USWN": "US", "DEN": "DE"},
	Import: func(r *bufio.Reader, src pricing.ImportSource, sink pricing.Sink) (pricing.ImportStats, error) {
		return Parse(r, src.Name, src.AsOf, sink)
	},
	Fetch:     fetchFromEnv,
	NotPriced: "ncp_not_imported",
}
