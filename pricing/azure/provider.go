package azure

import (
	"bufio"

	"cloudadvisor/pricing"
)

// Entry is Azure's registry entry: its regions per geography, the country
// of each, and the Retail Prices importer.
var Entry = pricing.Provider{
	ID:    "azure",
	Model: pricing.ModelIaaS,
	Regions: map[string]string{
		"us-east": "eastus", "us-west": "westus2", "eu-west": "northeurope", "eu-central": "germanywestcentral",
		"asia-seoul": "koreacentral", "asia-tokyo": "japaneast", "asia-singapore": "southeastasia",
	},
	Countries: map[string]string{
		"eastus": "US", "westus2": "US", "northeurope": "IE", "germanywestcentral": "DE",
		"koreacentral": "KR", "japaneast": "JP", "southeastasia": "SG",
	},
	Import: func(r *bufio.Reader, src pricing.ImportSource, sink pricing.Sink) (pricing.ImportStats, error) {
		return Parse(r, src.Name, sink)
	},
}
