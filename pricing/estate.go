package pricing

// Estate is what the other workloads of the assessment contribute to one
// workload's price: provider-account allowances are shared, and a
// monitoring product bills every host of the estate.
type Estate struct {
	// EgressBeforeGB is the internet egress (GB a month) of the workloads
	// priced before this one. A provider's free and volume tiers apply once
	// per account, so this workload's egress starts on the provider's ladder
	// where theirs ended (the first workloads use the free 100 GB; the
	// estimate assumes the estate sits with one provider, which never
	// understates a bill).
	EgressBeforeGB int `json:"egress_before_gb,omitempty"`
	// Hosts is the number of servers the other workloads run (their
	// instances, on IaaS or PaaS), the quantity per-host monitoring bills.
	Hosts int `json:"hosts,omitempty"`
}
