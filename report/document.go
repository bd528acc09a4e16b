// Package report builds the assessment report: one versioned Document that
// the API returns as JSON and that every export renders (PDF, HTML print
// view, CSV, XLSX, Markdown), so that all of them carry the same facts and
// the same figures as the result page. Money is formatted only with
// pricing.Money.Display, exactly as on the screen; an incomplete option is
// shown as incomplete with what is missing, never as a zero.
//
// Build is pure: the caller loads the assessment and the catalog versions.
package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// SchemaVersion is the version of the Document's JSON shape. Version 1 had
// only the assessment; fields added since (summary, assumptions, catalogs,
// sources) are additive, so readers of version 1 still read it.
const SchemaVersion = 1

// Catalog is a price catalog version the assessment's prices come from.
type Catalog struct {
	Provider  string `json:"provider"`
	Source    string `json:"source"`
	AsOfFrom  string `json:"as_of_from"` // oldest as-of date of its prices, YYYY-MM-DD
	AsOfTo    string `json:"as_of_to"`
	FetchedAt string `json:"fetched_at"` // RFC 3339
}

// Pricing is what an assessment was priced on: the current pricing (its
// catalog versions, when, and the recommended plan's totals then) and the
// earlier pricings a re-pricing kept, oldest first.
type Pricing struct {
	Current pricing.Snapshot   `json:"current"`
	History []pricing.Snapshot `json:"history"`
	// Newer are today's active versions when they differ from Current's:
	// re-pricing would use them. The caller that knows the catalog sets it.
	Newer []pricing.VersionRef `json:"newer_versions,omitempty"`
	// Repriced is what re-pricing on the newer versions gives, as the
	// result page shows it; absent for an estate too large to re-price on
	// every read.
	Repriced *Repriced `json:"repriced,omitempty"`
}

// Repriced is the recommended plan on the newer catalog versions: its
// monthly total and each workload whose recommended option changes, with
// the changed cost lines and rates old → new.
type Repriced struct {
	Monthly  pricing.Money          `json:"monthly"`
	Complete bool                   `json:"complete"`
	Changes  []pricing.OptionChange `json:"changes"`
	// More counts the changed workloads left out of Changes.
	More int `json:"more_changes,omitempty"`
}

// Document is the report of one assessment. Its JSON is the API's
// assessment document; GeneratedAt is not part of it, so the API and the
// JSON export are byte-identical whenever they are fetched.
type Document struct {
	SchemaVersion int                  `json:"schema_version"`
	ID            string               `json:"id"`
	URL           string               `json:"url"`
	CreatedAt     string               `json:"created_at"`
	Organization  advisor.Organization `json:"organization"`
	RulesVersion  string               `json:"rules_version"`
	Workloads     []Workload           `json:"workloads"`
	Summary       Summary              `json:"summary"`
	Assumptions   Assumptions          `json:"assumptions"`
	Catalogs      []Catalog            `json:"catalogs"`
	Sources       []Source             `json:"sources"`
	// Pricing is absent for an assessment saved before pricings were
	// recorded.
	Pricing *Pricing `json:"pricing,omitempty"`

	// GeneratedAt is when the report was rendered, shown on the cover.
	GeneratedAt time.Time `json:"-"`
}

// Workload is one workload's section: its answers, the recommendation with
// the rules that fired, and every priced option with its lines.
type Workload struct {
	Name           string                 `json:"name"`
	Workload       advisor.Workload       `json:"workload"`
	Recommendation advisor.Recommendation `json:"recommendation"`
	Options        []pricing.Option       `json:"options"`
}

// Source is one price source with an as-of date and how many cost lines use it.
type Source struct {
	Source string `json:"source"`
	AsOf   string `json:"as_of"`
	Lines  int    `json:"lines"`
}

// Build makes the report of an assessment. catalogs are the catalog
// versions the prices come from; generated is the time shown on the cover.
func Build(a advisor.Assessment, catalogs []Catalog, generated time.Time) Document {
	d := Document{SchemaVersion: SchemaVersion, ID: a.ID, URL: "/assessments/" + a.ID,
		CreatedAt: a.CreatedAt.Format(time.RFC3339), Organization: a.Organization,
		RulesVersion: a.RulesVersion,
		Catalogs:     catalogs, GeneratedAt: generated}
	if d.Catalogs == nil {
		d.Catalogs = []Catalog{}
	}
	d.Workloads = WorkloadsOf(a)
	d.Summary = summarize(d.Workloads, a.Organization.Currency)
	d.Assumptions = assumptionsOf(a.Organization, d.Workloads, a.PricedAt())
	d.Sources = sourcesOf(d.Workloads)
	if !a.Pricing.IsZero() {
		d.Pricing = &Pricing{Current: a.Pricing, History: slices.Clone(a.PricingHistory)}
		if d.Pricing.History == nil {
			d.Pricing.History = []pricing.Snapshot{}
		}
	}
	return d
}

// WorkloadsOf are the report's sections of an assessment's workloads.
func WorkloadsOf(a advisor.Assessment) []Workload {
	out := make([]Workload, len(a.Workloads))
	for i, w := range a.Workloads {
		opts := w.Options
		if opts == nil {
			opts = []pricing.Option{}
		}
		out[i] = Workload{Name: w.Workload.Name, Workload: w.Workload, Recommendation: w.Recommendation, Options: opts}
	}
	return out
}

// sourcesOf counts the cost lines (recurring and one-time) per source and as-of date.
func sourcesOf(ws []Workload) []Source {
	counts := map[[2]string]int{}
	for _, w := range ws {
		for _, o := range w.Options {
			for _, lines := range [2][]pricing.Line{o.Lines, o.MigrationLines} {
				for _, l := range lines {
					counts[[2]string{l.Source, l.AsOf}]++
				}
			}
		}
	}
	out := make([]Source, 0, len(counts))
	for k, n := range counts {
		out = append(out, Source{Source: k[0], AsOf: k[1], Lines: n})
	}
	slices.SortFunc(out, func(a, b Source) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.AsOf, b.AsOf))
	})
	return out
}

// Sorted returns the options by model, IaaS, PaaS, SaaS, each in quote
// order, with the options of ruled-out models last. Options already in
// that order are returned as they are, not copied: the result is for
// reading only.
func Sorted(opts []pricing.Option) []pricing.Option {
	in := func(i int) bool { return optionRank(&opts[i-1]) <= optionRank(&opts[i]) }
	i := 1
	for i < len(opts) && in(i) {
		i++
	}
	if i >= len(opts) {
		return opts
	}
	out := slices.Clone(opts)
	slices.SortStableFunc(out, func(a, b pricing.Option) int { return cmp.Compare(optionRank(&a), optionRank(&b)) })
	return out
}

// modelRank is the order of the models in Sorted.
var modelRank = map[pricing.Model]int{pricing.ModelIaaS: 0, pricing.ModelPaaS: 1, pricing.ModelSaaS: 2}

// optionRank is an option's place in Sorted: by model, the options of
// ruled-out models (issue 14) after all others.
func optionRank(o *pricing.Option) int {
	if len(o.RuledOutBy) > 0 {
		return 10 + modelRank[o.Model]
	}
	return modelRank[o.Model]
}

// LineMonthly is a recurring line's monthly cost in the display currency,
// an upfront fee spread over its term, as the option's Monthly adds it up;
// ok is false when the option has no rate for the line's currency.
func LineMonthly(o pricing.Option, l pricing.Line) (pricing.Money, bool) {
	amount := l.Monthly
	if l.TermMonths > 0 && !l.Upfront.IsZero() {
		amount = amount.Add(l.Upfront.Div(decimal.NewFromInt(int64(l.TermMonths))))
	}
	amount = amount.Mul(o.VATFactor(l))
	cur := o.Monthly.Currency
	if l.Currency == cur {
		return pricing.Money{Amount: amount, Currency: cur}, true
	}
	for _, r := range o.Rates {
		if r.From == l.Currency && r.To == cur {
			return pricing.Money{Amount: amount.Mul(r.Rate), Currency: cur}, true
		}
	}
	return pricing.Money{}, false
}
