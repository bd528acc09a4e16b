package pricing

// latencyMs are indicative round-trip times in milliseconds from the users
// of a geography to datacenters in a country, from Microsoft's "Azure
// network round-trip latency statistics" data:
// MicrosoftDocs/azure-docs, articles/networking/includes/latency.md,
// commit 5c1046da6f80bc0311ffc67d758e18716148394f (ms.date 07/01/2025),
// the monthly median (P50) round trip between Azure regions, one row per
// source site. Rows used: se (Seoul, Korea Central), ty (Tokyo, Japan
// East), sg (Singapore, Southeast Asia); columns: se, ty, sg, db (Dublin,
// North Europe), dewc (Frankfurt, Germany West Central), ln (London, UK
// South). The site codes are Azure's; the same file's by, mwh and usw3
// columns (130, 123, 136 ms from se) match the named West US, West US 2
// and West US 3 columns of azure-network-latencyv2.md at commit
// 5a84ea6b2e56cc457b42e95d912f2f03ab91de96 (130, 123, 135).
//
// A country stands for the registry's regions in it, all in the one metro
// the site is in (Tokyo, Singapore, Dublin, Frankfurt, London, Seoul); the
// United States has regions far apart, so it has no figure.
var latencyMs = map[string]map[string]int{
	"asia-seoul":     {"JP": 29, "SG": 65, "IE": 227, "DE": 218, "GB": 218},
	"asia-tokyo":     {"KR": 29, "SG": 73, "IE": 232, "DE": 219, "GB": 230},
	"asia-singapore": {"KR": 65, "JP": 73, "IE": 166, "DE": 157, "GB": 155},
}

// noteLatency says how far, in round-trip time, an option's region is from
// the geography's users when it is in another country and a sourced figure
// exists: what matters to an interactive workload placed abroad. The
// figure is kept on the option for the exports.
func (o *Option) noteLatency(geography string) {
	if o.Country == "" || o.Country == GeographyCountry(geography) {
		return
	}
	if ms, ok := latencyMs[geography][o.Country]; ok {
		o.RoundTripMs = ms
		o.note("latency", Ref("country."+o.Country), ms, Ref("price.latency_source"))
	}
}
