package templates

import (
	"context"
	"slices"
	"strings"

	"cloudadvisor/pricing"
)

// IncompleteID names the cell of an option without a price: not-priced
// (the provider is not priced at all here) or incomplete (a price is missing).
func IncompleteID(o pricing.Option) string {
	if o.Availability == pricing.NotPriced {
		return "not-priced"
	}
	return "incomplete"
}

// NotOfferedIn lists, by name, the registered infrastructure providers that
// have no option among opts: every provider serving the geography gets an
// IaaS option, so those absent do not offer it. "" when none is absent or
// there are no IaaS options at all (a retired workload).
func NotOfferedIn(ctx context.Context, opts []pricing.Option) string {
	var have []string
	for _, o := range opts {
		if o.Model == pricing.ModelIaaS {
			have = append(have, o.Provider)
		}
	}
	if len(have) == 0 {
		return ""
	}
	var names []string
	for _, p := range pricing.Providers() {
		if !slices.Contains(have, p) {
			names = append(names, ProviderName(ctx, p))
		}
	}
	return strings.Join(names, ", ")
}
