// Package providers registers every provider the advisor knows. Adding a
// provider is one package holding its pricing.Provider entry (regions per
// geography, their countries, importer, fetcher slot) and one line here.
// Import it for its side effect wherever options are quoted or prices
// imported.
package providers

import (
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/aws"
	"cloudadvisor/pricing/azure"
	"cloudadvisor/pricing/digitalocean"
	"cloudadvisor/pricing/gcp"
	"cloudadvisor/pricing/heroku"
	"cloudadvisor/pricing/kt"
	"cloudadvisor/pricing/ncp"
	"cloudadvisor/pricing/nhn"
)

// all are the registered providers, in the order options are listed.
var all = []pricing.Provider{
	aws.Entry,
	azure.Entry,
	gcp.Entry,
	digitalocean.Entry,
	heroku.Entry,
	ncp.Entry,
	nhn.Entry,
	kt.Entry,
}

func init() {
	for _, p := range all {
		pricing.Register(p)
	}
}
