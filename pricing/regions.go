package pricing

// Providers lists the infrastructure providers with regions.
var Providers = []string{"aws", "azure", "gcp", "digitalocean"}

// regions maps each geography of the questionnaire to the nearest region of
// every provider, in the provider's own codes. DigitalOcean has no datacenter
// in Seoul or Tokyo; Singapore (sgp1) is its nearest. Heroku's Common Runtime
// has two regions, us and eu; its Asian private spaces are not priced here.
var regions = map[string]map[string]string{
	"us-east":        {"aws": "us-east-1", "azure": "eastus", "gcp": "us-east1", "digitalocean": "nyc3", "heroku": "us"},
	"us-west":        {"aws": "us-west-2", "azure": "westus2", "gcp": "us-west1", "digitalocean": "sfo3", "heroku": "us"},
	"eu-west":        {"aws": "eu-west-1", "azure": "northeurope", "gcp": "europe-west1", "digitalocean": "lon1", "heroku": "eu"},
	"eu-central":     {"aws": "eu-central-1", "azure": "germanywestcentral", "gcp": "europe-west3", "digitalocean": "fra1", "heroku": "eu"},
	"asia-seoul":     {"aws": "ap-northeast-2", "azure": "koreacentral", "gcp": "asia-northeast3", "digitalocean": "sgp1", "heroku": "us"},
	"asia-tokyo":     {"aws": "ap-northeast-1", "azure": "japaneast", "gcp": "asia-northeast1", "digitalocean": "sgp1", "heroku": "us"},
	"asia-singapore": {"aws": "ap-southeast-1", "azure": "southeastasia", "gcp": "asia-southeast1", "digitalocean": "sgp1", "heroku": "us"},
}

// Region returns the provider's region code nearest to the geography, or
// "global" for providers that are not regional (SaaS vendors), and false for an
// unknown geography.
func Region(geography, provider string) (string, bool) {
	m, ok := regions[geography]
	if !ok {
		return "", false
	}
	if r, ok := m[provider]; ok {
		return r, true
	}
	return "global", true
}

// ValidGeography reports whether g is a known geography.
func ValidGeography(g string) bool {
	_, ok := regions[g]
	return ok
}
