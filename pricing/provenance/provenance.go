// Package provenance judges where a price comes from and how old it is, so
// that screens and exports can say so and flag the prices not to rely on.
//
// A price's kind is one of:
//   - provider_api: read from a provider's own price API or price file
//     (AWS Price List, Azure Retail Prices, Cloud Billing, DigitalOcean
//     API, ECB), whether fetched by a refresh or imported from its file;
//   - provider_page: read from a provider's own web page or documentation;
//   - derived_dataset: a dataset that others build from the providers' own
//     files, maintained and dated (SkyPilot's catalog, ec2.shop, ...);
//   - third_party: anything else: other projects' test fixtures, blogs,
//     resellers. Such a price is always flagged.
//
// A price is stale when its effective date is more than StaleAfter old.
package provenance

import (
	"time"

	"cloudadvisor/pricing"
)

// Kind is where a price comes from.
type Kind string

// Kinds of source, from the most to the least trusted.
const (
	ProviderAPI    Kind = pricing.KindProviderAPI
	ProviderPage   Kind = pricing.KindProviderPage
	DerivedDataset Kind = pricing.KindDerivedDataset
	ThirdParty     Kind = pricing.KindThirdParty
)

// Kinds lists every Kind.
var Kinds = []Kind{ProviderAPI, ProviderPage, DerivedDataset, ThirdParty}

// StaleAfter is the age past which a price is flagged: 12 months.
const StaleAfter = 365 * 24 * time.Hour

// Attribute is the offer attribute an importer may set to state the kind.
const Attribute = pricing.SourceKindAttribute

// Of is the kind of o: the importer's statement when it made one, else
// judged from the source address.
func Of(o pricing.Offer) Kind { return Kind(pricing.SourceKind(o)) }

// FromSource judges a kind from a source address alone. A source that is
// not an address is a file imported in the provider's own format.
func FromSource(provider, source string) Kind { return Kind(pricing.SourceKindOf(provider, source)) }

// Age is how long before now the price took effect.
func Age(o pricing.Offer, now time.Time) time.Duration { return now.Sub(o.AsOf) }

// Stale reports whether o is older than StaleAfter.
func Stale(o pricing.Offer, now time.Time) bool { return Age(o, now) > StaleAfter }

// LineStale reports whether a cost line's price (its as-of date,
// YYYY-MM-DD) is older than StaleAfter at now; a zero now judges nothing.
func LineStale(l pricing.Line, now time.Time) bool {
	asOf, err := time.Parse("2006-01-02", l.AsOf)
	return err == nil && !now.IsZero() && now.Sub(asOf) > StaleAfter
}

// Flagged reports whether o should be flagged on screen and in exports:
// stale, or from a third party.
func Flagged(o pricing.Offer, now time.Time) bool { return Stale(o, now) || Of(o) == ThirdParty }
