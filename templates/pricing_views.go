package templates

import (
	"context"
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// PriceChangeView says that the catalog versions an assessment was priced
// on are no longer the active ones, and what re-pricing would change.
type PriceChangeView struct {
	Action string               // the re-pricing form's action
	Active []pricing.VersionRef // the versions re-pricing would use
	// Old is the recommended plan as saved; New the same on today's catalog,
	// set only when Compared (a large estate is not re-priced to be shown).
	Old, New pricing.Total
	Compared bool
	// Lines are the workloads whose recommended option changes; More counts
	// those left out.
	Lines []PriceChangeLine
	More  int
	// Providers are the changes of each provider's total, in percent.
	Providers []ProviderChange
}

// ProviderChange is how much a provider's total changes on today's catalog.
type ProviderChange struct {
	Provider string
	Percent  decimal.Decimal // one decimal, negative when cheaper
}

// providerChanges reads "+3.2% on AWS, −1.0% on Microsoft Azure".
func providerChanges(ctx context.Context, cs []ProviderChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		pct := c.Percent.StringFixed(1)
		if c.Percent.IsPositive() {
			pct = "+" + pct
		} else {
			pct = "−" + c.Percent.Abs().StringFixed(1)
		}
		parts[i] = t(ctx, "pricing.changed.provider", pct, ProviderName(ctx, c.Provider))
	}
	return strings.Join(parts, t(ctx, "pricing.list_sep"))
}

// PriceChangeLine is one workload's recommended option before and after
// re-pricing; either may be nil (no option).
type PriceChangeLine struct {
	Workload string
	Old, New *pricing.Option
}

// versionDates names each catalog version by provider and the as-of range
// of its prices.
func versionDates(ctx context.Context, vs []pricing.VersionRef) string {
	parts := make([]string, 0, len(vs))
	lang := i18n.Lang(ctx)
	for _, v := range vs {
		from, to := i18n.DateString(lang, v.AsOfFrom), i18n.DateString(lang, v.AsOfTo)
		span := from
		if to != from {
			span = t(ctx, "pricing.range", from, to)
		}
		if span == "" {
			span = t(ctx, "pricing.version_id", v.ID)
		}
		parts = append(parts, ProviderName(ctx, v.Provider)+" "+span)
	}
	return strings.Join(parts, "; ")
}

// totalText is a total's monthly figure, marked when it leaves workloads out.
func totalText(ctx context.Context, m pricing.Money, complete bool) string {
	if complete {
		return m.Display()
	}
	return t(ctx, "pricing.incomplete", m.Display())
}

// optionText names an option and its monthly cost, or says there is none.
func optionText(ctx context.Context, o *pricing.Option) string {
	if o == nil {
		return t(ctx, "pricing.no_option")
	}
	return ProviderName(ctx, o.Provider) + " " + o.Product + " " + totalText(ctx, o.Monthly, o.Complete)
}
