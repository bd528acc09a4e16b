// Package heroku holds Heroku's registry entry. Its prices come from the
// curated default sheets; it has no importer of its own.
package heroku

import "cloudadvisor/pricing"

// Entry is Heroku's registry entry: the Common Runtime has two regions,
// us and eu; its Asian private spaces are not priced here, so Asian
// geographies are served from us.
var Entry = pricing.Provider{
	ID:    "heroku",
	Model: pricing.ModelPaaS,
	Regions: map[string]string{
		"us-east": "us", "us-west": "us", "eu-west": "eu", "eu-central": "eu",
		"asia-seoul": "us", "asia-tokyo": "us", "asia-singapore": "us",
	},
	// The eu region is in Ireland (AWS eu-west-1).
	Countries: map[string]string{"us": "US", "eu": "IE"},
}
