package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/provenance"
)

// Text words the report in one language; every format uses it, so the
// PDF, the print view and the Markdown say the same things.
type Text struct {
	Lang string
	// At is the day prices' ages are judged at (the report's date); zero
	// leaves ages unjudged.
	At time.Time
}

// T returns the message for key with placeholders filled.
func (t Text) T(key string, args ...any) string { return i18n.T(t.Lang, key, args...) }

// N is T for a count n (i18n.N): the singular form for one where the
// language has one.
func (t Text) N(key string, n int, args ...any) string { return i18n.N(t.Lang, key, n, args...) }

// Or returns the message for key, or fallback when the catalog lacks it.
func (t Text) Or(key, fallback string) string { return t.or(key, fallback) }

func (t Text) or(key, fallback string) string {
	if m, ok := i18n.Lookup(t.Lang, key); ok {
		return m
	}
	return fallback
}

// Model names a model: IaaS, PaaS, SaaS, Retire.
func (t Text) Model(m string) string { return t.or("model."+m, m) }

// Strategy names a strategy.
func (t Text) Strategy(s string) string { return t.or("strategy."+s, s) }

// Provider names a provider or vendor.
func (t Text) Provider(p string) string { return t.or("provider."+p, p) }

// Geography names a geography.
func (t Text) Geography(g string) string { return t.or("enum.geography."+g, g) }

// Unit names a price unit.
func (t Text) Unit(u pricing.Unit) string { return t.or("unit."+string(u), string(u)) }

// OptionName is the option as people name it: provider and product.
func (t Text) OptionName(o pricing.Option) string {
	return strings.TrimSpace(t.Provider(o.Provider) + " " + o.Product)
}

// Where is the option's region with the country its data would live in:
// "ap-northeast-2 (South Korea)".
func (t Text) Where(o pricing.Option) string {
	region := t.Region(o.Region)
	if o.Country == "" {
		return region
	}
	if country := t.or("country.name."+o.Country, t.T("country."+o.Country)); !strings.Contains(region, country) {
		return region + " · " + country
	}

	return region
}

// RoundTrip is the indicative round trip from the users to an option's
// region abroad; "" when the option has none. Its source is among the
// assumptions (AssumptionRows).
func (t Text) RoundTrip(o pricing.Option) string {
	if o.RoundTripMs == 0 {
		return ""
	}
	return t.T("report.option.round_trip", o.RoundTripMs)
}

// Verdict is the one-line recommendation of a workload.
func (t Text) Verdict(r advisor.Recommendation) string {
	return t.T("report.verdict", t.Model(string(r.Model)), t.Strategy(string(r.Strategy)), r.Confidence)
}

// Scores lists the three models' scores and which rules ruled each out.
func (t Text) Scores(r advisor.Recommendation) []string {
	var out []string
	for _, m := range advisor.Models {
		s := t.T("report.score", t.Model(string(m)), signed(r.Scores.Get(m)))
		if ids := r.Excluded[m]; len(ids) > 0 {
			s += " (" + t.T("report.excluded", t.Model(string(m)), t.RuleTitles(ids)) + ")"
		}
		out = append(out, s)
	}
	return out
}

// Reason is a fired rule as the result page shows it: its text, the rule
// id with its effect and exclusions, and the answers that fired it.
func (t Text) Reason(rs advisor.Reason) (text, detail string) {
	parts := []string{effectText(rs.Effect)}
	for _, m := range rs.Excludes {
		parts = append(parts, t.T("result.rules_out", t.Model(string(m))))
	}
	detail = t.T("report.reason.effect", t.RuleName(rs.Rule), strings.Join(parts, " · "))
	if len(rs.Answers) > 0 {
		var as []string
		for _, a := range rs.Answers {
			s := t.Answer(a.Field, a.Value)
			if a.Assumed {
				s += " " + t.T("result.assumed")
			}
			as = append(as, s)
		}
		detail += "; " + t.T("result.because") + " " + strings.Join(as, ", ")
	}
	return t.RuleReason(rs.Rule, rs.Text), detail
}

// RuleReason is a rule's reason in the reader's language: the catalog's
// rule.<id>.reason, else english, the rules file's text (which an
// assessment keeps from the day it was made). It is chosen when shown, so
// a saved assessment reads in the viewer's language.
func (t Text) RuleReason(id, english string) string { return t.or("rule."+id+".reason", english) }

// RuleTitle is a rule's short title, or its id when it has none.
func (t Text) RuleTitle(id string) string { return t.or("rule."+id+".title", id) }

// LineFlags are the warnings a cost line's price carries, in words: read
// from a third party's copy, or in effect for more than 12 months at t.At.
func (t Text) LineFlags(l pricing.Line) []string {
	var out []string
	if provenance.Kind(l.SourceKind) == provenance.ThirdParty {
		out = append(out, t.T("prov.kind.third_party"))
	}
	if provenance.LineStale(l, t.At) {
		out = append(out, t.T("prov.stale"))
	}
	return out
}

// LineSource is a cost line's source with its warnings: "https://… (third
// party, stale)".
func (t Text) LineSource(l pricing.Line) string {
	s := t.Source(l.Source)
	if f := t.LineFlags(l); len(f) > 0 {
		s += " (" + strings.Join(f, ", ") + ")"
	}
	return s
}

// RuleTitles names rules by their titles, each quoted, joined:
// “No mail server on your own VMs”, “Needs control of the OS”.
func (t Text) RuleTitles(ids []string) string {
	titles := make([]string, len(ids))
	for i, id := range ids {
		titles[i] = "“" + t.RuleTitle(id) + "”"
	}
	return strings.Join(titles, ", ")
}

// RuleName names a rule as "title (id)", or just the id when it has no title.
func (t Text) RuleName(id string) string {
	if title := t.RuleTitle(id); title != id {
		return title + " (" + id + ")"
	}
	return id
}

// Missing says why an option is not priced.
func (t Text) Missing(o pricing.Option) string {
	if o.Availability == pricing.NotPriced {
		return strings.Join(t.Msgs(o.Missing), "; ") // each says "not priced" and why
	}
	return t.T("report.option.incomplete") + ": " + t.T("report.option.missing", strings.Join(t.Msgs(o.Missing), "; "))
}

// Msg words a pricing message in the text's language; an argument that is
// a pricing.Ref is worded too.
func (t Text) Msg(m pricing.Msg) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = t.arg(a)
	}
	return t.T(m.Key, args...)
}

func (t Text) arg(a string) any {
	ref, ok := strings.CutPrefix(a, "#")
	if !ok {
		return a
	}
	parts := strings.Split(ref, pricing.RefSep)
	if _, ok := i18n.Lookup(t.Lang, parts[0]); !ok {
		// a name the catalog does not hold (a provider or vendor added by
		// an import): the code itself, not a bracketed key
		_, code, _ := strings.Cut(parts[0], ".")
		return code
	}
	return t.Msg(pricing.Msg{Key: parts[0], Args: parts[1:]})
}

// Msgs words each message.
func (t Text) Msgs(ms []pricing.Msg) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = t.Msg(m)
	}
	return out
}

// Note words an optional note, or "".
func (t Text) Note(m *pricing.Msg) string {
	if m == nil {
		return ""
	}
	return t.Msg(*m)
}

// LineName says what a cost line is: its label, and the price tier it is
// in when the SKU has several.
func (t Text) LineName(l pricing.Line) string {
	s := l.Name
	if !l.Label.IsZero() {
		s = t.Msg(l.Label)
	}
	if l.TierFrom != "" {
		s += " " + t.T("price.line.tier", l.TierFrom, t.Unit(l.Unit))
	}
	return s
}

// Source is where a line's price comes from: a reference as the catalog
// holds it, or a message of the advisor's own.
func (t Text) Source(src string) string { return fmt.Sprint(t.arg(src)) }

// Savings describes an option's comparison with today's cost, or "".
func (t Text) Savings(o pricing.Option) string {
	if o.CurrentMonthly == nil || o.SavingsMonthly == nil || !o.Complete {
		return ""
	}
	s := t.T("report.option.savings", t.OptionName(o), o.CurrentMonthly.Display(), o.SavingsMonthly.Display())
	if o.BreakEvenMonth > 0 {
		return s + " · " + t.T("report.option.break_even", o.BreakEvenMonth)
	}
	return s + " · " + t.T("report.option.no_break_even")
}

// TotalName names a line of the totals table.
func (t Text) TotalName(key string, byProvider bool) string {
	switch {
	case key == "mix":
		return t.T("report.totals.recommended")
	case byProvider:
		return t.T("report.totals.all_on", t.Provider(key))
	}
	return t.T("report.totals.all_on", t.Model(key))
}

// TotalNote qualifies a total that does not cover every priced workload, or "".
func (t Text) TotalNote(tot pricing.Total) string {
	if tot.Complete {
		return ""
	}
	return t.T("report.totals.partial", tot.Workloads, tot.Workloads+len(tot.Missing))
}

// Shown reports whether a total has figures to show: a total over no
// workload at all is not available rather than a zero.
func Shown(tot pricing.Total) bool { return tot.Workloads > 0 }

// Commitment names a commitment.
func (t Text) Commitment(c pricing.Commitment) string {
	return t.or("enum.commitment."+string(c), strings.ReplaceAll(string(c), "_", " "))
}

// Sizing names a sizing mode.
func (t Text) Sizing(s pricing.SizingMode) string { return t.or("enum.sizing."+string(s), string(s)) }

// Price shows a unit price exactly as the catalog holds it, as the result page does.
func Price(l pricing.Line) string { return l.Currency + " " + l.UnitPrice.String() }

// Quantity shows a quantity without needless decimals, grouped.
func Quantity(l pricing.Line) string { return pricing.GroupThousands(l.Quantity.String()) }

// LineAmount is a line's monthly (or one-time) amount in its own currency.
func LineAmount(l pricing.Line) pricing.Money {
	return pricing.Money{Amount: l.Monthly, Currency: l.Currency}
}

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// effectText shows a rule's effect on the scores, as every page and report does.
func effectText(s advisor.Scores) string { return s.EffectText() }

// Column names an export column in the reader's language (report.col.<name>
// of the CSV and XLSX headers), or its code.
func (t Text) Column(name string) string { return t.or("report.xcol."+name, name) }

// Columns names export columns, as Column.
func (t Text) Columns(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = t.Column(n)
	}
	return out
}

// Answer shows an answer a rule read by its question and value in words:
// "Kind: Web application", "Custom code: Yes".
func (t Text) Answer(field, value string) string {
	label := t.or("field."+field+".label", field)
	switch value {
	case "true":
		value = t.T("form.yes")
	case "false":
		value = t.T("form.no")
	case "":
		value = t.or("enum."+field+".none", "") // an optional choice left empty
	default:
		value = t.or("enum."+field+"."+value, value)
	}
	return label + ": " + value
}
