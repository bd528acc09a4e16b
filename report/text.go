package report

import (
	"strconv"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// Text words the report in one language; every format uses it, so the
// PDF, the print view and the Markdown say the same things.
type Text struct{ Lang string }

// T returns the message for key with placeholders filled.
func (t Text) T(key string, args ...any) string { return i18n.T(t.Lang, key, args...) }

// or returns the message for key, or fallback when the catalog lacks it.
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
			s += " (" + t.T("report.excluded", t.Model(string(m)), strings.Join(ids, ", ")) + ")"
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
	detail = t.T("report.reason.effect", rs.Rule, strings.Join(parts, " · "))
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
	return rs.Text, detail
}

// Missing says why an option is not priced.
func (t Text) Missing(o pricing.Option) string {
	return t.T("report.option.incomplete") + ": " + t.T("report.option.missing", strings.Join(o.Missing, "; "))
}

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

// Answer shows an answer a rule read by its question and value in words:
// "Kind: Web application", "Custom code: Yes".
func (t Text) Answer(field, value string) string {
	label := t.or("field."+field+".label", field)
	switch value {
	case "true":
		value = t.T("form.yes")
	case "false":
		value = t.T("form.no")
	default:
		value = t.or("enum."+field+"."+value, value)
	}
	return label + ": " + value
}
