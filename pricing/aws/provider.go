package aws

import (
	"bufio"

	"cloudadvisor/pricing"
)

// Entry is AWS's registry entry: its regions per geography, the country
// of each, and the offer-file importer. The live fetchers (bulk offer files,
// Price List Query API) are wired by the catalog command.
var Entry = pricing.Provider{
	ID:    "aws",
	Model: pricing.ModelIaaS,
	Regions: map[string]string{
		"us-east": "us-east-1", "us-west": "us-west-2", "eu-west": "eu-west-1", "eu-central": "eu-central-1",
		"asia-seoul": "ap-northeast-2", "asia-tokyo": "ap-northeast-1", "asia-singapore": "ap-southeast-1",
	},
	Countries: map[string]string{
		"us-east-1": "US", "us-west-2": "US", "eu-west-1": "IE", "eu-central-1": "DE",
		"ap-northeast-2": "KR", "ap-northeast-1": "JP", "ap-southeast-1": "SG",
	},
	Import: func(r *bufio.Reader, src pricing.ImportSource, sink pricing.Sink) (pricing.ImportStats, error) {
		return Parse(r, src.Name, sink)
	},
}
