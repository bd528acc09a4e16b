package pricing

// latencyMs are indicative round-trip times in milliseconds from the users
// of a geography to datacenters in a country: the averages between AWS
// regions published in "AWS Regions" (April 2017,
// https://acomputerscientistlearnsaws.blogspot.com/2017/04/aws-regions.html,
// reproducing "Latency Between AWS Global Regions"; read 2026-12-05), rows
// Seoul, Tokyo and Singapore. A country is keyed only where the table has
// one region in it (the United States has several: no figure).
var latencyMs = map[string]map[string]string{
	"asia-seoul":     {"JP": "31", "SG": "72", "IE": "242", "DE": "265"},
	"asia-tokyo":     {"KR": "31", "SG": "74", "IE": "212", "DE": "237"},
	"asia-singapore": {"KR": "71", "JP": "74", "IE": "238", "DE": "326"},
}

// noteLatency says how far, in round-trip time, an option's region is from
// the geography's users when it is in another country and a sourced figure
// exists: what matters to an interactive workload placed abroad.
func (o *Option) noteLatency(geography string) {
	if o.Country == "" || o.Country == GeographyCountry(geography) {
		return
	}
	if ms, ok := latencyMs[geography][o.Country]; ok {
		o.note("latency", Ref("country."+o.Country), ms, Ref("price.latency_source"))
	}
}
