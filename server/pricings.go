package server

import (
	"context"
	"maps"
	"net/http"
	"slices"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/ecb"
	"cloudadvisor/templates"
)

// maxChangedLines bounds the workloads the price-change notice names.
const maxChangedLines = 20

// usedProviders are the providers the assessment's options are priced from,
// and the ECB when an option converts a currency with the catalog's rates.
func usedProviders(a advisor.Assessment) map[string]bool {
	used := map[string]bool{}
	for _, w := range a.Workloads {
		for _, o := range w.Options {
			used[o.Provider] = true
			if len(o.Rates) > 0 && a.OrgInput.Rates == nil {
				used[ecb.Provider] = true
			}
		}
	}
	return used
}

// activeRefs are the active catalog versions of the providers the
// assessment's options come from.
func (s *Server) activeRefs(ctx context.Context, a advisor.Assessment) ([]pricing.VersionRef, error) {
	versions, err := s.store.CatalogVersions(ctx)
	if err != nil {
		return nil, err
	}
	return pricing.RefsOf(versions, usedProviders(a)), nil
}

// stamp records the recommended plan's totals on the assessment before it is
// saved. full says every option was just priced on the active catalog (a new
// assessment, a changed organisation, a re-pricing): the active versions are
// then recorded, and the previous pricing goes to the history when it was on
// other versions. After a partial edit (one workload, an import) the recorded
// versions stay, unless none were recorded yet, so that a catalog change
// stays visible until the whole assessment is re-priced.
func (s *Server) stamp(ctx context.Context, a *advisor.Assessment, full bool) error {
	t := mixTotal(*a)
	if !full && len(a.Pricing.Versions) > 0 {
		a.Pricing.Monthly, a.Pricing.HorizonTotal, a.Pricing.Complete = t.Monthly, t.HorizonTotal, t.Complete
		return nil
	}
	refs, err := s.activeRefs(ctx, *a)
	if err != nil {
		return err
	}
	if prev := a.Pricing; len(prev.Versions) > 0 && !pricing.SameVersions(prev.Versions, refs) {
		a.PricingHistory = append(slices.Clone(a.PricingHistory), prev)
	}
	a.Pricing = pricing.Snapshot{PricedAt: s.now().UTC(), Versions: refs, Monthly: t.Monthly,
		HorizonTotal: t.HorizonTotal, Complete: t.Complete}
	return nil
}

// mixTotal is the recommended plan: each workload on its recommended option.
func mixTotal(a advisor.Assessment) pricing.Total {
	all := make([][]pricing.Option, len(a.Workloads))
	for i, w := range a.Workloads {
		all[i] = w.Options
	}
	return pricing.Summarize(all, a.Organization.Currency).Mix
}

// repriced returns a copy of the assessment priced on today's catalog; the
// assessment itself is not changed.
func (s *Server) repriced(ctx context.Context, a advisor.Assessment) (advisor.Assessment, error) {
	cat, err := s.catalogFor(ctx, &a.Organization.Geography)
	if err != nil {
		return a, err
	}
	b := a
	b.Workloads = slices.Clone(a.Workloads)
	for i := range b.Workloads {
		b.Workloads[i].Options = slices.Clone(b.Workloads[i].Options)
	}
	b.Reevaluate(s.rules, cat)
	return b, nil
}

// priceChange compares the catalog versions the assessment was priced on
// with the active ones. It returns nil when they are the same (or nothing
// was recorded); otherwise what re-pricing would change: the recommended
// plan's totals and, for estates small enough to show, each workload whose
// recommended option's monthly cost changes.
func (s *Server) priceChange(ctx context.Context, a advisor.Assessment) (*templates.PriceChangeView, error) {
	if len(a.Pricing.Versions) == 0 || len(a.Workloads) == 0 {
		return nil, nil
	}
	active, err := s.activeRefs(ctx, a)
	if err != nil {
		return nil, err
	}
	if pricing.SameVersions(a.Pricing.Versions, active) {
		return nil, nil
	}
	v := &templates.PriceChangeView{Action: "/assessments/" + a.ID + "/reprice", Active: active,
		Old: mixTotal(a)}
	if len(a.Workloads) > templates.LargeEstate {
		return v, nil // re-pricing a large estate on every view costs too much
	}
	b, err := s.repriced(ctx, a)
	if err != nil {
		return nil, err
	}
	v.New, v.Compared = mixTotal(b), true
	v.Providers = providerChanges(a, b)
	for i, w := range a.Workloads {
		// The saved options hold the lines as they were priced: they are
		// compared with today's, line by line.
		c, changed := pricing.CompareOptions(w.Workload.Name, recommended(w.Options), recommended(b.Workloads[i].Options))
		if !changed {
			continue
		}
		if len(v.Lines) == maxChangedLines {
			v.More++
			continue
		}
		v.Lines = append(v.Lines, c)
	}
	return v, nil
}

// providerChanges are the changes, in percent, of each provider's total
// (every workload on its cheapest complete option of the provider) from a to
// b; providers whose total is unchanged, incomplete or zero are left out.
func providerChanges(a, b advisor.Assessment) []templates.ProviderChange {
	totals := func(x advisor.Assessment) map[string]pricing.Total {
		all := make([][]pricing.Option, len(x.Workloads))
		for i, w := range x.Workloads {
			all[i] = w.Options
		}
		out := map[string]pricing.Total{}
		for _, t := range pricing.Summarize(all, x.Organization.Currency).ByProvider {
			out[t.Key] = t
		}
		return out
	}
	before, after := totals(a), totals(b)
	var out []templates.ProviderChange
	for _, p := range slices.Sorted(maps.Keys(before)) {
		o, n := before[p], after[p]
		if !o.Complete || !n.Complete || o.Workloads != n.Workloads || o.Monthly.Amount.IsZero() ||
			o.Monthly.Amount.Equal(n.Monthly.Amount) {
			continue
		}
		out = append(out, templates.ProviderChange{Provider: p, Percent: pricing.PercentChange(o.Monthly.Amount, n.Monthly.Amount)})
	}
	return out
}

// recommended returns the recommended option, or nil.
func recommended(opts []pricing.Option) *pricing.Option {
	for i := range opts {
		if opts[i].Recommended {
			return &opts[i]
		}
	}
	return nil
}

// reprice re-prices every workload on today's catalog and records the
// active versions; stamp keeps the previous pricing in the history.
func (s *Server) reprice(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	b, err := s.repriced(r.Context(), a)
	if err != nil {
		return err
	}
	if err := s.stamp(r.Context(), &b, true); err != nil {
		return err
	}
	if err := s.store.UpdateAssessment(r.Context(), &b); err != nil {
		return err
	}
	http.Redirect(w, r, "/assessments/"+a.ID+"#pricing", http.StatusSeeOther)
	return nil
}
