// Package templates renders the pages with templ. Components take view
// models and do no IO; text comes from the message catalog (package i18n).
package templates

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/chart"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/report"
)

// t looks a message up in the request's language.
func t(ctx context.Context, key string, args ...any) string { return i18n.Tc(ctx, key, args...) }

// tn is t for a count n: the singular form for one where the language has it.
func tn(ctx context.Context, key string, n int, args ...any) string {
	return i18n.Nc(ctx, key, n, args...)
}

// FormView holds the values a user typed and the message per bad field.
type FormView struct {
	Values url.Values
	Errors map[string]string
}

// Get returns the last value posted for the field.
func (f FormView) Get(name string) string {
	vs := f.Values[name]
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

// Checked reports whether a checkbox is on, or def when the form is new.
func (f FormView) Checked(name string, def bool) bool {
	if f.Values == nil {
		return def
	}
	v := f.Get(name)
	return v == "true" || v == "on"
}

// Err returns the message for a bad field, or "".
func (f FormView) Err(name string) string { return f.Errors[name] }

// ErrorView is the error page's model.
type ErrorView struct {
	Status int
	// Message says what was wrong with the request, when the error has its
	// own message; else the status's text is shown.
	Message   string
	RequestID string
}

// AssessmentView is the result page's model.
type AssessmentView struct {
	A advisor.Assessment
	// Summary is the executive summary with the scenarios, as the report has it.
	Summary report.Summary
	Charts  map[string]WorkloadCharts // by workload id
	// ReadOnly hides the questionnaire steps (a shared view).
	ReadOnly bool
	// Actions are extra controls above the summary (exports, sharing).
	Actions templ.Component
	// WhatIf holds the what-if answers of the workload being explored.
	WhatIf WhatIfView
	// PriceChange is set when the catalog changed since the assessment was
	// priced (owner's view only).
	PriceChange *PriceChangeView
	// Pager is the page of workloads shown in full; the summary and totals
	// cover every workload. Zero shows them all.
	Pager PagerView
}

// Shown are the workloads of the page: all of them when the view is not paged.
func (v AssessmentView) Shown() []advisor.Assessed {
	if v.Pager.Pages == 0 {
		return v.A.Workloads
	}
	from, to := v.Pager.Bounds()
	return v.A.Workloads[from:to]
}

// WhatIfView is the what-if form of one workload: its id and the values tried.
type WhatIfView struct {
	Workload string
	Form     FormView
}

// For returns the what-if form values when they belong to the workload.
func (w WhatIfView) For(id string) FormView {
	if w.Workload == id {
		return w.Form
	}
	return FormView{}
}

// Groups returns the workload's options grouped by model: the recommended
// model's first, then the others in the order IaaS, PaaS, SaaS, and the models
// the rules ruled out last.
func Groups(opts []pricing.Option) [][]pricing.Option {
	var out [][]pricing.Option
	for _, m := range []pricing.Model{pricing.ModelIaaS, pricing.ModelPaaS, pricing.ModelSaaS} {
		var g []pricing.Option
		for _, o := range opts {
			if o.Model == m {
				g = append(g, o)
			}
		}
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	// The recommended model first, ruled-out models last (issue 14).
	rank := func(g []pricing.Option) int {
		switch {
		case slices.ContainsFunc(g, func(o pricing.Option) bool { return o.Recommended }):
			return 0
		case len(g[0].RuledOutBy) > 0:
			return 2
		}
		return 1
	}
	slices.SortStableFunc(out, func(a, b []pricing.Option) int { return rank(a) - rank(b) })
	return out
}

// Money formats an amount for display (see pricing.Money.Display).
func Money(m pricing.Money) string { return m.Display() }

// group inserts thousands separators into a fixed decimal string.
func group(s string) string { return pricing.GroupThousands(s) }

// Price shows a unit price exactly as the catalog holds it.
func Price(d decimal.Decimal, currency string) string { return currency + " " + d.String() }

// Qty shows a quantity without needless decimals.
func Qty(d decimal.Decimal) string { return group(d.String()) }

// Itoa formats an int.
func Itoa(n int) string { return strconv.Itoa(n) }

// ModelClass is the CSS class of a model badge.
func ModelClass(m string) string { return "badge model-" + m }

// needsFields are the optional questions folded away by default.
var needsFields = []string{"current_monthly_cost"}

func hasNeedsErrors(f FormView, prefix string) bool {
	for _, n := range needsFields {
		if f.Err(prefix+n) != "" {
			return true
		}
	}
	return false
}

// shortHash shortens a rules version hash for display.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// effectText shows a rule's effect on the scores, as every page and report does.
func effectText(s advisor.Scores) string { return s.EffectText() }

// ProviderName is the display name of a provider or vendor id.
func ProviderName(ctx context.Context, id string) string {
	if i18n.Has("provider." + id) {
		return t(ctx, "provider."+id)
	}
	return id
}

var idUnsafe = strings.NewReplacer(".", "-", "[", "-", "]", "")

// FieldID turns a field name such as workloads[0].vcpu into an element id
// that CSS selectors accept: workloads-0-vcpu.
func FieldID(name string) string { return idUnsafe.Replace(name) }

// OrganizationView is step 1: the organisation form, new (A nil) or edited.
type OrganizationView struct {
	A      *advisor.Assessment
	Action string
	Form   FormView
	// Labour, Migration and Rates are the editable estimates with their defaults.
	Labour, Migration, Rates []EstimateField
}

// WorkloadsView is step 2: the list of workloads.
type WorkloadsView struct {
	A       advisor.Assessment
	Removed string // the name of the workload just removed, said once
}

// RemoveWorkloadView asks before removing workload W of assessment A.
type RemoveWorkloadView struct {
	A advisor.Assessment
	W advisor.Assessed
}

// WorkloadFormView is the form for one workload; Editing is its id, or "" for a new one.
type WorkloadFormView struct {
	A       advisor.Assessment
	Editing string
	Action  string
	Form    FormView
}

// RulesView lists the rules in force.
type RulesView struct {
	Rules   []advisor.Rule
	Version string
}

// HomeView is the home page: what the app does and the session's assessments.
type HomeView struct {
	Assessments []Summary
}

// Summary is one assessment in a list.
type Summary struct {
	ID, Organization string
	Workloads        int
	Updated          string
}

func stepURL(id string, step int) string {
	switch step {
	case 1:
		return "/assessments/" + id + "/organization"
	case 2:
		return "/assessments/" + id + "/workloads"
	}
	return "/assessments/" + id
}

// orgPageTitle names step 1: a new assessment, or the organisation of the
// one being edited.
func orgPageTitle(ctx context.Context, v OrganizationView) string {
	if v.A == nil {
		return t(ctx, "new.title")
	}
	return t(ctx, "org.edit_page_title", v.A.Organization.Name)
}

// orgHeading is step 1's heading: a new assessment, or the organisation of
// one being edited.
func orgHeading(ctx context.Context, v OrganizationView) string {
	if v.A == nil {
		return t(ctx, "new.title")
	}
	return t(ctx, "org.edit_title")
}

// workloadPageTitle says whether a workload is added or edited, and where.
func workloadPageTitle(ctx context.Context, v WorkloadFormView) string {
	if v.Editing == "" {
		return t(ctx, "workload.add_page_title", v.A.Organization.Name)
	}
	return t(ctx, "workload.edit_title") + " · " + v.A.Organization.Name
}

func assessmentID(a *advisor.Assessment) string {
	if a == nil {
		return ""
	}
	return a.ID
}

// Facets are the values the price filters offer.
type Facets struct {
	Providers, Services, Regions []string
}

// PricesView is the price browser's model.
type PricesView struct {
	Query   url.Values
	Errors  map[string]string
	Facets  Facets
	Offers  []pricing.Offer
	Total   int
	Page    int
	PerPage int
	// Rates convert prices to the chosen display currency.
	Rates pricing.Rates
	Now   time.Time // the day prices' ages are counted to
}

// Converted shows what the list sorts by: an hourly price or one with an
// upfront fee as its monthly equivalent (the fee spread over the term), in
// the chosen display currency when there is one; any other price only
// when it is converted. "" when there is nothing to add or no rate.
func (v PricesView) Converted(ctx context.Context, o pricing.Offer) string {
	cur := v.Query.Get("currency")
	if cur == "" {
		cur = o.Currency
	}
	monthly := o.Unit == pricing.PerHour || o.Upfront.IsPositive()
	amount := o.Amount
	if monthly {
		amount = pricing.MonthlyEquivalent(o)
	} else if cur == o.Currency {
		return ""
	}
	m, ok := v.Rates.Convert(pricing.Money{Amount: amount, Currency: o.Currency}, cur)
	if !ok {
		return ""
	}
	shown := pricing.Money{Amount: m.Amount, Currency: cur}.Display()
	switch {
	case o.Upfront.IsPositive() && o.Term.Months() > 0:
		return t(ctx, "prices.per_month_upfront", shown, o.Term.Months())
	case monthly:
		return t(ctx, "prices.per_month", shown)
	}
	return "≈ " + shown
}

// With returns the query with one parameter changed (and the page reset
// unless the page itself is changed), as a URL of the given path.
func (v PricesView) With(path, key, value string) string {
	q := url.Values{}
	for k, vs := range v.Query {
		q[k] = vs
	}
	if key != "page" {
		q.Del("page")
	}
	if value == "" {
		q.Del(key)
	} else {
		q.Set(key, value)
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// HasNext reports whether there is a page after the current one.
func (v PricesView) HasNext() bool { return v.Page*v.PerPage < v.Total }

// PriceText shows an offer's price with its unit and any upfront fee.
func PriceText(ctx context.Context, o pricing.Offer) string {
	s := o.Currency + " " + o.Amount.String()
	if !o.Upfront.IsZero() {
		s += " + " + t(ctx, "prices.upfront", o.Upfront.String())
	}
	return s
}

// Spec shows vCPU and memory, or "" when the product has none.
func Spec(o pricing.Offer) string {
	if o.VCPU == 0 && o.MemoryGiB == 0 {
		return ""
	}
	return strconv.FormatFloat(o.VCPU, 'f', -1, 64) + " vCPU · " + strconv.FormatFloat(o.MemoryGiB, 'f', -1, 64) + " GiB"
}

// Tier shows the usage range a tiered price applies to.
func Tier(o pricing.Offer) string {
	if o.TierStart.IsZero() && o.Unbounded {
		return ""
	}
	if o.Unbounded {
		return "≥ " + o.TierStart.String()
	}
	return o.TierStart.String() + "–" + o.TierEnd.String()
}

// Variant names what tells offers of the same product apart in a list:
// a database's engine and edition, a disk's size, a plan's billing.
func Variant(o pricing.Offer) string {
	var parts []string
	for _, k := range []string{"engine", "edition", "billing"} {
		if v := o.Attributes[k]; v != "" {
			parts = append(parts, v)
		}
	}
	if gib, ok := pricing.DiskGiB(o); ok {
		parts = append(parts, strconv.Itoa(gib)+" GiB disk")
	}
	return strings.Join(parts, " · ")
}

// sourceURL links a source only when it is a web address.
func sourceURL(s string) string {
	if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") {
		return s
	}
	return "#"
}

// sourceHost shortens a source address to its host for display.
func sourceHost(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return s
	}
	host := strings.TrimPrefix(u.Host, "www.")
	if host == "github.com" || host == "raw.githubusercontent.com" {
		// the repository names the dataset; "github.com" alone names nothing
		if parts := strings.SplitN(strings.Trim(u.Path, "/"), "/", 3); len(parts) >= 2 {
			return parts[0] + "/" + parts[1]
		}
	}
	return host
}

// WorkloadCharts are the two charts of one workload's options.
type WorkloadCharts struct {
	Bars  chart.Bars
	Lines chart.Lines
}

// ModelCount is how many workloads a model is recommended for.
type ModelCount struct {
	Model string
	Count int
}

// MixCounts counts the recommended models, in the order IaaS, PaaS, SaaS, retire.
func MixCounts(a advisor.Assessment) []ModelCount {
	var out []ModelCount
	for _, m := range []advisor.Model{advisor.IaaS, advisor.PaaS, advisor.SaaS, advisor.Retire} {
		n := 0
		for _, w := range a.Workloads {
			if w.Recommendation.Model == m {
				n++
			}
		}
		if n > 0 {
			out = append(out, ModelCount{string(m), n})
		}
	}
	return out
}

// RecommendedOption returns the workload's recommended option, if any.
func RecommendedOption(w advisor.Assessed) (pricing.Option, bool) {
	for _, o := range w.Options {
		if o.Recommended {
			return o, true
		}
	}
	return pricing.Option{}, false
}

func advisorSizings() []string { return advisor.Sizings }

func utilPlaceholder(known bool, pct float64) string {
	if !known {
		return ""
	}
	return strconv.FormatFloat(pct, 'f', -1, 64)
}

// WhatIfPrefix names the what-if fields of one workload, so that the forms of
// several workloads on one page have distinct ids.
func WhatIfPrefix(id string) string { return "w-" + id + "." }

// EstimateField is one editable figure of the cost assumptions with its
// default and the reason for the default.
type EstimateField struct {
	Name    string // form field name
	Key     string // message key of its label
	Default string
	Reason  string
}

func hasCostErrors(f FormView) bool {
	for k := range f.Errors {
		for _, p := range []string{"organization.sizing", "organization.comfort_factor", "organization.commitment", "organization.vat",
			"organization.labour.", "organization.migration.", "organization.rates."} {
			if strings.HasPrefix(k, p) {
				return true
			}
		}
	}
	return false
}

// linesBase is the URL prefix of a workload's option cost lines, or "" to
// render them inline.
func linesBase(id, wid string, lazy bool) string {
	if !lazy {
		return ""
	}
	return "/assessments/" + id + "/workloads/" + wid + "/lines/"
}

// OptionID names an option within its workload: model, provider and SKU.
func OptionID(o pricing.Option) string { return string(o.Model) + "~" + o.Provider + "~" + o.SKU }

// OptionKey is OptionID escaped as a path segment.
func OptionKey(o pricing.Option) string { return url.PathEscape(OptionID(o)) }

// LargeEstate is the number of workloads above which pages list workloads
// in full no more and point to the estate view, which groups and pages them.
const LargeEstate = 50

// FirstN returns at most the first n workloads.
func FirstN(ws []advisor.Assessed, n int) []advisor.Assessed { return ws[:min(n, len(ws))] }

// answerText shows an answer's value as the questionnaire words it: an
// enumeration's label, yes or no, or the number.
func answerText(ctx context.Context, field, value string) string {
	switch value {
	case "true":
		return t(ctx, "form.yes")
	case "false":
		return t(ctx, "form.no")
	}
	if k := "enum." + field + ".none"; value == "" && i18n.Has(k) {
		return t(ctx, k) // an optional choice left empty: "Database: None"
	}
	if k := "enum." + field + "." + value; i18n.Has(k) {
		return t(ctx, k)
	}
	return value
}

// assumedSwings counts the swing answers that were assumed.
func assumedSwings(swings []advisor.Swing) int {
	n := 0
	for _, s := range swings {
		if s.Assumed {
			n++
		}
	}
	return n
}

// optionClass marks the recommended option, and greys those of ruled-out models.
func optionClass(o pricing.Option) string {
	switch {
	case o.Recommended:
		return "recommended"
	case len(o.RuledOutBy) > 0:
		return "ruled-out"
	}
	return ""
}

// flagText names a rule's pricing flags in the reader's language.
func flagText(ctx context.Context, flags []advisor.Flag) string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = t(ctx, "rules.flag."+string(f))
	}
	return strings.Join(out, ", ")
}

// sourceText names a rule's sources in the reader's language.
func sourceText(ctx context.Context, sources []string) string {
	out := make([]string, len(sources))
	for i, s := range sources {
		out[i] = t(ctx, "rules.source."+s)
	}
	return strings.Join(out, "; ")
}

// errorLink points from the form's error summary to a field with an error.
type errorLink struct{ Name, ID, Message string }

// errorLinks are the summary's links, one per field with an error, in the
// order of their messages (each names its field and the problem), each
// leading to the field itself.
func errorLinks(f FormView) []errorLink {
	out := make([]errorLink, 0, len(f.Errors))
	for name, msg := range f.Errors {
		out = append(out, errorLink{Name: name, ID: FieldID(name), Message: msg})
	}
	slices.SortFunc(out, func(a, b errorLink) int { return strings.Compare(a.Message, b.Message) })
	return out
}

// nameLang is the language to mark a name typed by the user with: "ko" for
// a name in Hangul on a page in another language (so a screen reader reads
// it in Korean), else "".
func nameLang(ctx context.Context, s string) string {
	if i18n.Lang(ctx) != "ko" && strings.ContainsFunc(s, isHangul) {
		return "ko"
	}
	return ""
}

func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

// named is message key with args, the user's name at args[at] marked with
// its language when it differs from the page's (see nameLang).
func named(key string, at int, args ...any) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		name := fmt.Sprint(args[at])
		lang := nameLang(ctx, name)
		if lang == "" {
			_, err := io.WriteString(w, templ.EscapeString(t(ctx, key, args...)))
			return err
		}
		const mark = "\x00"
		filled := slices.Clone(args)
		filled[at] = mark
		before, after, _ := strings.Cut(t(ctx, key, filled...), mark)
		_, err := io.WriteString(w, templ.EscapeString(before)+`<span lang="`+lang+`">`+templ.EscapeString(name)+`</span>`+templ.EscapeString(after))
		return err
	})
}

type printKey struct{}

// printed renders its children as the print view: charts show their data
// tables open, since a printed page cannot open them.
func printed() templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		children := templ.GetChildren(ctx)
		ctx = templ.ClearChildren(ctx)
		return children.Render(context.WithValue(ctx, printKey{}, true), w)
	})
}

// printing reports whether the page being rendered is the print view.
func printing(ctx context.Context) bool { v, _ := ctx.Value(printKey{}).(bool); return v }

// WhatIfName is the name of the workload whose what-if the page shows
// priced, or "" when none is (or its answers were refused).
func (v AssessmentView) WhatIfName() string {
	f := v.WhatIf.For(v.WhatIf.Workload)
	if v.WhatIf.Workload == "" || f.Values == nil || len(f.Errors) > 0 {
		return ""
	}
	for _, w := range v.A.Workloads {
		if w.ID == v.WhatIf.Workload {
			return w.Workload.Name
		}
	}
	return ""
}
