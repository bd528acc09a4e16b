package pricing

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Geographies are the places the questionnaire offers, where the
// organisation's users and data are. Country is the ISO 3166-1 alpha-2 code
// of the country the geography lies in: data kept there stays at home.
var Geographies = []Geography{
	{ID: "us-east", Country: "US"},
	{ID: "us-west", Country: "US"},
	{ID: "eu-west", Country: "IE"},
	{ID: "eu-central", Country: "DE"},
	{ID: "asia-seoul", Country: "KR"},
	{ID: "asia-tokyo", Country: "JP"},
	{ID: "asia-singapore", Country: "SG"},
}

// Geography is one place of the questionnaire.
type Geography struct {
	ID      string
	Country string
}

// Importer parses one price file in a provider's own format into offers.
// Name is the file's name, recorded as the offers' source; AsOf dates the
// prices of formats that carry no date.
type Importer func(r *bufio.Reader, src ImportSource, sink Sink) (ImportStats, error)

// ImportSource describes the file an Importer reads.
type ImportSource struct {
	Name string
	AsOf time.Time
}

// Fetcher fetches what a provider's price API serves now. It is the one
// place a provider entry does IO; nil means no fetcher is wired yet.
type Fetcher func(ctx context.Context, req FetchRequest, sink Sink) (ImportStats, error)

// FetchRequest is what a fetch was asked for: a service, region or filter
// in the provider's own terms, the currency and the date of the prices.
type FetchRequest struct {
	Service, Region, Filter, Currency string
	AsOf                              time.Time
	Getenv                            func(string) string
}

// Provider is one registered cloud provider: adding a provider is a package
// holding its entry (and its importer), registered once with Register.
type Provider struct {
	// ID is the provider's code in offers and options: aws, ncp, ...
	ID string
	// Model is the options the provider is quoted for: ModelIaaS providers
	// get an IaaS option in every geography; PaaS providers are quoted when
	// the catalog has their plans.
	Model Model
	// Regions maps a geography to the provider's region serving it, in the
	// provider's own codes. A geography absent here is one the provider does
	// not offer: its option says so instead of being incomplete.
	Regions map[string]string
	// Countries maps each region code to the ISO 3166-1 alpha-2 country its
	// datacenters are in: where the data would live.
	Countries map[string]string
	// Import reads the provider's native price format; nil when its prices
	// come only from curated sheets.
	Import Importer
	// Fetch is the provider's live price fetcher; nil until one is wired.
	Fetch Fetcher
	// NotPriced is the message key (price.missing.<NotPriced>) that says why
	// the provider is not priced when the catalog holds none of its prices
	// in the region; "" keeps the usual incomplete option.
	NotPriced string
	// CSAP is the provider's status under Korea's Cloud Security Assurance
	// Program, as a message key suffix (csap.<CSAP>), with the dated source
	// of that status; "" is "certification unknown".
	CSAP, CSAPSource string
}

var registry struct {
	sync.RWMutex
	list []Provider
}

// Register adds a provider to the registry. It panics on an empty or
// duplicate id: entries are registered once, at start-up.
func Register(p Provider) {
	registry.Lock()
	defer registry.Unlock()
	if p.ID == "" || slices.ContainsFunc(registry.list, func(q Provider) bool { return q.ID == p.ID }) {
		panic(fmt.Sprintf("pricing: provider %q registered twice or without an id", p.ID))
	}
	registry.list = append(registry.list, p)
}

// Unregister removes a provider; tests use it to clean up a fake one.
func Unregister(id string) {
	registry.Lock()
	defer registry.Unlock()
	registry.list = slices.DeleteFunc(registry.list, func(q Provider) bool { return q.ID == id })
}

// Registered returns every registered provider in registration order.
func Registered() []Provider {
	registry.RLock()
	defer registry.RUnlock()
	return slices.Clone(registry.list)
}

// Lookup returns the registered provider with the id.
func Lookup(id string) (Provider, bool) {
	registry.RLock()
	defer registry.RUnlock()
	for _, p := range registry.list {
		if p.ID == id {
			return p, true
		}
	}
	return Provider{}, false
}

// Providers lists the registered infrastructure (IaaS) providers, in
// registration order: every geography gets one option from each.
func Providers() []string {
	var out []string
	for _, p := range Registered() {
		if p.Model == ModelIaaS {
			out = append(out, p.ID)
		}
	}
	return out
}

// Region returns the provider's region code serving the geography, or
// "global" for providers that are not registered (SaaS vendors) and for
// registered ones that do not offer the geography, and false for an unknown
// geography. Offered tells the two registered cases apart.
func Region(geography, provider string) (string, bool) {
	if !ValidGeography(geography) {
		return "", false
	}
	if p, ok := Lookup(provider); ok {
		if r, ok := p.Regions[geography]; ok {
			return r, true
		}
	}
	return "global", true
}

// Offered reports whether a registered provider has a region serving the
// geography. Unregistered providers (SaaS vendors) are global: offered.
func Offered(geography, provider string) bool {
	p, ok := Lookup(provider)
	if !ok {
		return true
	}
	_, ok = p.Regions[geography]
	return ok
}

// RegionsOf maps every registered provider offering the geography to its
// region there: what a catalog snapshot for the geography must hold.
func RegionsOf(geography string) map[string]string {
	out := map[string]string{}
	for _, p := range Registered() {
		if r, ok := p.Regions[geography]; ok {
			out[p.ID] = r
		}
	}
	return out
}

// NotOffered lists the registered IaaS providers with no region serving the
// geography.
func NotOffered(geography string) []string {
	var out []string
	for _, p := range Registered() {
		if _, ok := p.Regions[geography]; !ok && p.Model == ModelIaaS {
			out = append(out, p.ID)
		}
	}
	return out
}

// Country returns the ISO 3166-1 alpha-2 country of a provider's region,
// "" when the registry does not know it (global services).
func Country(provider, region string) string {
	p, _ := Lookup(provider)
	return p.Countries[region]
}

// GeographyCountry returns the country of a geography, "" when unknown.
func GeographyCountry(geography string) string {
	for _, g := range Geographies {
		if g.ID == geography {
			return g.Country
		}
	}
	return ""
}

// ValidGeography reports whether g is a known geography.
func ValidGeography(g string) bool {
	return GeographyCountry(g) != ""
}
