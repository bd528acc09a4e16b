package digitalocean

import (
	"bufio"

	"cloudadvisor/pricing"
)

// Entry is DigitalOcean's registry entry. It has no datacenter in Seoul
// or Tokyo; Singapore (sgp1) is its nearest, and the option says where it is.
var Entry = pricing.Provider{
	ID:    "digitalocean",
	Model: pricing.ModelIaaS,
	Regions: map[string]string{
		"us-east": "nyc3", "us-west": "sfo3", "eu-west": "lon1", "eu-central": "fra1",
		"asia-seoul": "sgp1", "asia-tokyo": "sgp1", "asia-singapore": "sgp1",
	},
	Countries: map[string]string{"nyc3": "US", "sfo3": "US", "lon1": "GB", "fra1": "DE", "sgp1": "SG"},
	Import: func(r *bufio.Reader, src pricing.ImportSource, sink pricing.Sink) (pricing.ImportStats, error) {
		return Parse(r, src.Name, src.AsOf, sink)
	},
}
