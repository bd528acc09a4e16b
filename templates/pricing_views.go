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
	// Lines are the workloads whose recommended option changes, each with
	// its changed cost lines and rates; More counts those left out.
	Lines []pricing.OptionChange
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
		parts[i] = t(ctx, "pricing.changed.provider", signed(c.Percent), ProviderName(ctx, c.Provider))
	}
	return strings.Join(parts, t(ctx, "pricing.list_sep"))
}

// signed writes a change in percent with its sign, one decimal: +3.2, −1.0.
func signed(p decimal.Decimal) string {
	if p.IsPositive() {
		return "+" + p.StringFixed(1)
	}
	if p.IsZero() {
		return p.StringFixed(1)
	}
	return "−" + p.Abs().StringFixed(1)
}

// lineAmount is a changed line's amount before or after, or "none" when
// that pricing has no such line.
func lineAmount(ctx context.Context, d *decimal.Decimal, currency string) string {
	if d == nil {
		return t(ctx, "pricing.changed.absent")
	}
	return pricing.Money{Amount: *d, Currency: currency}.Display()
}

// linePercent is a changed line's change in percent, or "" when unknown.
func linePercent(ctx context.Context, c pricing.LineChange) string {
	if c.Percent == nil {
		return ""
	}
	return t(ctx, "pricing.changed.percent", signed(*c.Percent))
}

// sameOption reports whether the change keeps the option and changes its price.
func sameOption(c pricing.OptionChange) bool {
	return c.Old != nil && c.New != nil && c.Old.Provider == c.New.Provider && c.Old.SKU == c.New.SKU
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
func optionText(ctx context.Context, o *pricing.OptionBrief) string {
	if o == nil {
		return t(ctx, "pricing.no_option")
	}
	return ProviderName(ctx, o.Provider) + " " + o.Product + " " + totalText(ctx, o.Monthly, o.Complete)
}
