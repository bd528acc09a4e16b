package advisor

// The registered providers (regions per geography, countries, importers)
// are what options are quoted on: every program that assesses workloads
// has them.
import _ "cloudadvisor/pricing/providers"
