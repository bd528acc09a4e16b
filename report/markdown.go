package report

import (
	"bufio"
	"cloudadvisor/i18n"
	"fmt"
	"io"
	"strconv"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Markdown writes the report as Markdown: the same sections as the PDF
// (for a Compact report, its table of the workloads), charts given as
// their tables.
func Markdown(w io.Writer, d Document, lang string) error {
	t := Text{Lang: lang, At: d.GeneratedAt}
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("# %s\n\n", md(d.Organization.Name))
	p("%s\n\n", t.T("report.title"))
	for _, f := range t.CoverFacts(d) {
		p("- %s\n", md(f))
	}
	markdownSummary(b, t, d)
	if Compact(d) {
		markdownEstate(b, t, d)
	} else {
		for i, w := range d.Workloads {
			markdownWorkload(b, t, i, w)
		}
		markdownAppendix(b, t, d)
	}
	p("\n## %s\n\n", t.T("report.catalogs"))
	if len(d.Catalogs) == 0 {
		p("%s\n", t.T("report.catalogs.none"))
	} else {
		mdTable(b, []string{t.T("col.provider"), t.T("col.source"), t.T("report.col.as_of_range"), t.T("report.col.fetched")}, catalogRows(t, d))
	}
	p("\n## %s\n\n", t.T("report.assumptions"))
	rows := AssumptionRows(t, d.Assumptions)
	mdTable(b, rows[0], rows[1:])
	p("\n### %s\n\n", t.T("report.assumption.labour"))
	mdTable(b, []string{t.T("report.col.allowance"), t.T("report.col.hours"), t.T("report.col.reason")}, LabourRows(t, d.Assumptions))
	p("\n### %s\n\n", t.T("report.assumption.migration"))
	mdTable(b, MigrationHeader(t), MigrationRows(t, d.Assumptions))
	p("\n### %s\n\n", t.T("report.assumption.rates"))
	for _, s := range RateLines(t, d.Assumptions) {
		p("- %s\n", md(s))
	}
	p("\n## %s\n\n%s\n\n", t.T("report.sources"), t.T("report.sources.lead"))
	mdTable(b, []string{t.T("col.source"), t.T("col.as_of"), t.T("report.col.lines")}, sourceRows(t, d))
	return b.Flush()
}

func markdownSummary(b *bufio.Writer, t Text, d Document) {
	fmt.Fprintf(b, "\n## %s\n\n", t.T("exec.title"))
	for _, s := range t.PlanLines(d.Summary) {
		fmt.Fprintf(b, "- %s\n", md(s))
	}
	fmt.Fprintf(b, "\n%s: %s\n", t.T("exec.mix"), md(strings.Join(t.Mix(d.Summary), " · ")))
	fmt.Fprintf(b, "\n### %s\n\n%s\n\n", t.T("scenario.title"), t.T("scenario.lead", d.Summary.Plan().Workloads))
	mdTable(b, ScenarioHeader(t), ScenarioRows(t, d.Summary))
	if lines := t.WaveLines(d.Summary); len(lines) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", t.T("exec.next"))
		for _, s := range lines {
			fmt.Fprintf(b, "- %s\n", md(s))
		}
	}
}

// markdownAppendix writes the cost lines of each workload's recommended option.
func markdownAppendix(b *bufio.Writer, t Text, d Document) {
	fmt.Fprintf(b, "\n## %s\n\n%s\n", t.T("report.appendix"), t.T("report.appendix.lead"))
	for i, w := range d.Workloads {
		if o, ok := AppendixOption(w); ok {
			fmt.Fprintf(b, "\n### %s — %s\n\n", md(t.T("report.workload", i+1, w.Name)), md(t.T("report.lines", t.OptionName(o))))
			mdTable(b, LineHeader(t), LineRows(t, o))
		}
	}
}

// markdownEstate stands, in a Compact report, for the section per workload
// and the appendix's cost lines: one table of the workloads, and a note
// saying which exports hold the detail.
func markdownEstate(b *bufio.Writer, t Text, d Document) {
	fmt.Fprintf(b, "\n## %s\n\n%s\n\n", t.T("report.estate.title"), t.T("report.estate.lead", len(d.Workloads)))
	mdTable(b, EstateHeader(t), EstateRows(t, d.Workloads))
	fmt.Fprintf(b, "\n## %s\n\n%s\n", t.T("report.appendix"), t.T("report.appendix.compact", len(d.Workloads)))
}

func markdownWorkload(b *bufio.Writer, t Text, i int, w Workload) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("\n## %s\n\n**%s**\n\n", md(t.T("report.workload", i+1, w.Name)), md(t.Verdict(w.Recommendation)))
	for _, a := range t.Advice(w.Recommendation) {
		p("- %s\n", md(a))
	}
	p("\n")
	p("%s: %s\n\n### %s\n\n", t.T("report.scores"), md(strings.Join(t.Scores(w.Recommendation), " · ")), t.T("result.why"))
	for _, rs := range w.Recommendation.Reasons {
		text, detail := t.Reason(rs)
		p("- %s  \n  _%s_\n", md(text), md(detail))
	}
	p("\n### %s\n\n", t.T("result.options"))
	if len(w.Options) == 0 {
		p("%s\n", t.T("result.no_options"))
		return
	}
	mdTable(b, OptionHeader(t), OptionRows(t, w.Options))
	p("\n")
	for _, s := range t.OptionNotes(w.Options) {
		p("- %s\n", md(s))
	}
}

// mdTable writes a pipe table; cells are escaped.
func mdTable(b *bufio.Writer, header []string, rows [][]string) {
	b.WriteString("|")
	for _, h := range header {
		b.WriteString(" " + md(h) + " |")
	}
	b.WriteString("\n|")
	for range header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("|")
		for _, c := range r {
			b.WriteString(" " + md(c) + " |")
		}
		b.WriteString("\n")
	}
}

// mdEscaper keeps user text on its line (every line break Markdown readers
// honour becomes a space, or a name could start blocks of its own) and
// escapes inline markup.
var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ", "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", "[", `\[`)

// md escapes text that Markdown would read as markup.
func md(s string) string { return mdEscaper.Replace(s) }

// CoverFacts are the cover's lines: date assessed, generated, rules version.
func (t Text) CoverFacts(d Document) []string {
	created := i18n.DateString(t.Lang, d.CreatedAt)
	out := []string{t.T("report.assessed", created),
		t.T("report.generated", i18n.DateTime(t.Lang, d.GeneratedAt.UTC())+" UTC"),
		t.N("result.lead", d.Organization.HorizonYears, t.Geography(d.Organization.Geography), d.Organization.HorizonYears, created),
		t.T("result.rules_version", shortHash(d.RulesVersion))}
	if s := t.VAT(d.Organization); s != "" {
		out = append(out, s)
	}
	return out
}

// VAT states how the amounts treat VAT, or "" when the organisation does
// not say (see advisor.Organization.VAT).
func (t Text) VAT(o advisor.Organization) string {
	if o.VAT != "excluded" && o.VAT != "included" {
		return ""
	}
	return t.T("report.vat."+o.VAT, o.VATRate().Shift(2).String())
}

// Mix lists the count of workloads per recommended model.
func (t Text) Mix(s Summary) []string {
	var out []string
	for _, m := range s.Mix {
		out = append(out, t.Model(string(m.Model))+": "+t.Workloads(m.Workloads))
	}
	return out
}

// SavingsLines describe the savings against today's cost.
func (t Text) SavingsLines(s Summary) []string {
	v := s.Savings
	if v == nil {
		return []string{t.T("report.savings.none")}
	}
	out := []string{t.N("report.savings.scope", v.Workloads, v.Workloads),
		t.T("report.savings.current") + ": " + v.CurrentMonthly.Display(),
		t.T("report.savings.recommended") + ": " + v.RecommendedMonthly.Display(),
		savingText(t, "report.savings.monthly", "report.savings.extra_monthly", v.Monthly, 0),
		savingText(t, "report.savings.horizon", "report.savings.extra_horizon", v.Horizon, v.HorizonMonths)}
	if v.BreakEvenMonth > 0 {
		return append(out, t.T("report.savings.break_even", v.BreakEvenMonth))
	}
	return append(out, t.T("report.savings.no_break_even", v.HorizonMonths))
}

// savingText shows a saving, or an extra cost as a positive amount, as the result page does.
func savingText(t Text, savingKey, extra string, m pricing.Money, months int) string {
	label, v := saving(t, savingKey, extra, m, months)
	return label + ": " + v.Display()
}

// saving returns the label and amount of a saving, or of an extra cost made positive.
func saving(t Text, savingKey, extra string, m pricing.Money, months int) (string, pricing.Money) {
	if m.Amount.IsNegative() {
		return t.T(extra, months), pricing.Money{Amount: m.Amount.Neg(), Currency: m.Currency}
	}
	return t.T(savingKey, months), m
}

// OptionNotes are the comparisons under a workload's options table: each
// complete option's monthly range and its savings against today's cost.
func (t Text) OptionNotes(opts []pricing.Option) []string {
	var out []string
	for _, o := range opts {
		if o.Complete && o.Range != nil {
			out = append(out, t.T("report.option.range_note"))
			break
		}
	}
	for _, o := range Sorted(opts) {
		if o.Complete && o.Range != nil {
			out = append(out, t.T("report.option.range", t.OptionName(o), o.Range.Low.Display(), o.Range.High.Display()))
		}
		if s := t.Savings(o); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TotalsHeader is the header of the totals table.
func TotalsHeader(t Text) []string {
	return []string{t.T("report.col.total"), t.T("report.col.workloads"), t.T("col.monthly"), t.T("col.first_year"),
		t.T("col.horizon"), t.T("report.col.migration")}
}

// TotalsRows are the recommended mix, then all on each model, then all on each provider.
func TotalsRows(t Text, s Summary) [][]string {
	row := func(tot pricing.Total, byProvider bool) []string {
		name := t.TotalName(tot.Key, byProvider)
		if !Shown(tot) {
			return []string{name, "0", t.T("report.totals.none"), "", "", ""}
		}
		n := strconv.Itoa(tot.Workloads)
		if note := t.TotalNote(tot); note != "" {
			n += " (" + note + ")"
		}
		return []string{name, n, tot.Monthly.Display(), tot.FirstYear.Display(), tot.HorizonTotal.Display(),
			tot.MigrationOneTime.Display()}
	}
	out := [][]string{row(s.Recommended, false)}
	for _, tot := range s.ByModel {
		out = append(out, row(tot, false))
	}
	for _, tot := range s.ByProvider {
		out = append(out, row(tot, true))
	}
	return out
}

// OptionHeader is the header of a workload's options table.
func OptionHeader(t Text) []string {
	return []string{t.T("col.model"), t.T("col.product"), t.T("col.region"), t.T("col.monthly"), t.T("col.first_year"),
		t.T("col.horizon"), t.T("report.col.migration"), t.T("col.range")}
}

// OptionRows are the options in page order; an incomplete option says
// what is missing in place of its figures.
func OptionRows(t Text, opts []pricing.Option) [][]string {
	var out [][]string
	for _, o := range Sorted(opts) {
		model := t.Model(string(o.Model))
		if o.Recommended {
			model += " " + t.T("report.option.recommended")
		}
		if len(o.RuledOutBy) > 0 {
			model += " (" + t.T("advice.ruled_out.label", t.RuleTitles(o.RuledOutBy)) + ")"
		}
		where := t.Where(o)
		if rt := t.RoundTrip(o); rt != "" {
			where += "; " + rt
		}
		for _, f := range o.Flags {
			where += "; " + t.T("report.option.flag", t.Msg(f.Msg), f.Rule)
		}
		r := []string{model, t.OptionName(o), where}
		if o.Complete {
			rng := ""
			if o.Range != nil {
				rng = o.Range.Low.Display() + " – " + o.Range.High.Display()
			}
			r = append(r, o.Monthly.Display(), o.FirstYear.Display(), o.HorizonTotal.Display(), o.MigrationOneTime.Display(), rng)
		} else {
			r = append(r, t.Missing(o), "", "", "", "")
		}
		out = append(out, r)
	}
	return out
}

// LineHeader is the header of an option's cost lines.
func LineHeader(t Text) []string {
	return []string{t.T("col.line"), t.T("col.quantity"), t.T("col.unit"), t.T("col.unit_price"), t.T("col.monthly"),
		t.T("col.as_of"), t.T("col.source")}
}

// LineRows are an option's recurring lines, then its one-time migration lines.
func LineRows(t Text, o pricing.Option) [][]string {
	var out [][]string
	for _, l := range o.Lines {
		out = append(out, []string{t.LineName(l), Quantity(l), t.Unit(l.Unit), Price(l), LineAmountText(o, l), l.AsOf, t.LineSource(l)})
	}
	for _, l := range o.MigrationLines {
		out = append(out, []string{t.T("report.lines.migration") + ": " + t.LineName(l), Quantity(l), t.Unit(l.Unit), Price(l),
			LineAmountText(o, l), l.AsOf, t.LineSource(l)})
	}
	return out
}

func catalogRows(t Text, d Document) [][]string {
	var out [][]string
	for _, c := range d.Catalogs {
		asOf := c.AsOfFrom
		if c.AsOfTo != "" && c.AsOfTo != c.AsOfFrom {
			asOf += " – " + c.AsOfTo
		}
		fetched := c.FetchedAt
		if len(fetched) >= 10 {
			fetched = fetched[:10]
		}
		out = append(out, []string{t.Provider(c.Provider), c.Source, asOf, fetched})
	}
	return out
}

// AssumptionRows are the organisation-wide settings as label and value,
// led by a header row.
func AssumptionRows(t Text, a Assumptions) [][]string {
	rows := [][]string{
		{t.T("report.assumptions"), t.T("report.col.value")},
		{t.T("report.assumption.geography"), t.Geography(a.Geography)},
		{t.T("report.assumption.horizon"), t.N("report.assumption.horizon_value", a.HorizonYears, a.HorizonYears)},
		{t.T("report.assumption.sizing"), t.Sizing(a.Sizing)},
		{t.T("report.assumption.comfort"), a.ComfortFactor.String()},
		{t.T("report.assumption.commitment"), t.Commitment(a.Commitment)},
		{t.T("report.assumption.currency"), a.Currency},
		{t.T("report.assumption.hourly_rate"), a.HourlyRate.Display()},
		{t.T("report.assumption.hourly_basis"), hourlyBasis(t, a.HourlyRateBasis)},
	}
	if a.RoundTrips {
		rows = append(rows, []string{t.T("report.assumption.round_trips"), t.T("price.latency_source")})
	}
	return rows
}

// hourlyBasis is where the hourly rate comes from, with its source.
func hourlyBasis(t Text, b pricing.HourlyCost) string {
	if b.Basis.IsZero() {
		return ""
	}
	s := t.Msg(b.Basis)
	if b.Source != "" {
		s += " (" + b.Source + ", " + b.AsOf + ")"
	}
	return s
}

// LabourRows are the monthly operations allowances.
func LabourRows(t Text, a Assumptions) [][]string {
	var out [][]string
	for _, l := range a.Labour {
		out = append(out, []string{t.T("report.labour." + l.Key), l.Hours.String(), t.Source(l.Reason)})
	}
	return out
}

// MigrationHeader is the header of the migration effort table.
func MigrationHeader(t Text) []string {
	return []string{t.T("report.col.strategy"), t.T("report.col.per_workload"), t.T("report.col.per_instance"),
		t.T("report.col.per_database"), t.T("report.col.dual_run")}
}

// MigrationRows are the one-time hours by strategy.
func MigrationRows(t Text, a Assumptions) [][]string {
	var out [][]string
	for _, e := range a.Migration {
		out = append(out, []string{t.Strategy(e.Strategy), e.PerWorkload.String(), e.PerInstance.String(),
			e.PerDatabase.String(), strconv.Itoa(e.DualRunMonths)})
	}
	return out
}

// RateLines name the rate table and each rate used.
func RateLines(t Text, a Assumptions) []string {
	out := []string{t.T("report.assumption.rates_table", a.Rates.AsOf, a.Rates.Base, a.Rates.Source)}
	if a.Rates.Stale {
		out[0] += " " + t.T("assumptions.rates_stale", strconv.Itoa(a.Rates.AgeDays))
	}
	if len(a.Rates.Used) == 0 {
		return append(out, t.T("report.assumption.rates_none"))
	}
	for _, r := range a.Rates.Used {
		out = append(out, t.T("report.assumption.rate", r.From, pricing.RateText(r.Rate), r.To)+" ("+r.AsOf+", "+r.Source+")")
	}
	return out
}

func sourceRows(t Text, d Document) [][]string {
	var out [][]string
	for _, s := range d.Sources {
		out = append(out, []string{t.Source(s.Source), s.AsOf, strconv.Itoa(s.Lines)})
	}
	return out
}

// shortHash shortens a rules version hash for display.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
