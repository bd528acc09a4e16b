package report

import (
	"strings"

	"cloudadvisor/pricing"
)

// ScenarioHeader is the header of the scenarios table.
func ScenarioHeader(t Text) []string {
	return []string{t.T("scenario.col.name"), t.T("scenario.col.priced"), t.T("exec.monthly"), t.T("exec.upfront"),
		t.T("exec.first_year"), t.T("col.horizon"), t.T("scenario.col.saving"), t.T("scenario.col.break_even")}
}

// ScenarioRows are the scenarios as the result page shows them: one that
// prices nothing has no figures, one that prices only some has no saving.
func ScenarioRows(t Text, s Summary) [][]string {
	var out [][]string
	for _, sc := range s.Scenarios {
		name := t.ScenarioName(sc)
		if len(sc.Unpriced) > 0 {
			name += " — " + t.T("scenario.missing", t.UnpricedNames(sc))
		}
		priced := t.T("scenario.priced", sc.Priced, sc.Workloads)
		if sc.Priced == 0 {
			out = append(out, []string{name, priced, t.T("report.totals.none"), "", "", "", "", ""})
			continue
		}
		saving, breakEven := "–", "–"
		if sv := sc.Saving; sv != nil {
			saving, breakEven = sv.Horizon.Display(), t.BreakEven(sv)
		}
		out = append(out, []string{name, priced, sc.Monthly.Display(), sc.Upfront.Display(), sc.FirstYear.Display(),
			sc.Horizon.Display(), saving, breakEven})
	}
	return out
}

// UnpricedNames lists the workloads a scenario could not price: the first
// few by name, then how many more (a large estate has hundreds).
func UnpricedNames(s Scenario) string { return Text{}.UnpricedNames(s) }

// UnpricedNames is UnpricedNames in the text's language.
func (t Text) UnpricedNames(s Scenario) string {
	var names []string
	for i, u := range s.Unpriced {
		if i == shownUnpriced {
			names = append(names, t.T("scenario.more", len(s.Unpriced)-shownUnpriced))
			break
		}
		names = append(names, u.Name)
	}
	return strings.Join(names, ", ")
}

// shownUnpriced is how many unpriced workloads are named.
const shownUnpriced = 5

// BreakEven is the break-even month in words.
func (t Text) BreakEven(sv *Savings) string {
	if sv.BreakEvenMonth > 0 {
		return t.T("exec.break_even.month", sv.BreakEvenMonth)
	}
	return t.T("exec.break_even.none", sv.HorizonMonths)
}

// PlanLines state the recommended plan in sentences: its totals, what it
// could not price, and today's cost with the saving and the break-even
// when the plan prices every workload.
func (t Text) PlanLines(s Summary) []string {
	p := s.Plan()
	out := []string{t.T("exec.plan") + " · " + t.Workloads(p.Workloads) + ": " + strings.Join([]string{
		t.T("exec.monthly") + " " + p.Monthly.Display(),
		t.T("exec.upfront") + " " + p.Upfront.Display(),
		t.T("exec.first_year") + " " + p.FirstYear.Display(),
		t.T("exec.horizon", p.HorizonMonths) + " " + p.Horizon.Display()}, " · ")}
	if !p.Complete {
		out = append(out, t.T("exec.partial", p.Priced, p.Workloads))
	}
	for i, u := range p.Unpriced {
		if i == shownUnpriced {
			out = append(out, t.T("exec.unpriced")+": "+t.T("scenario.more", len(p.Unpriced)-shownUnpriced))
			break
		}
		missing := strings.Join(t.Msgs(u.Missing), "; ")
		if missing == "" {
			missing = t.T("exec.unpriced.none")
		}
		out = append(out, t.T("exec.unpriced")+": "+u.Name+" — "+missing)
	}
	if sv := p.Saving; sv != nil {
		out = append(out, t.T("exec.current")+": "+sv.CurrentMonthly.Display()+" ("+t.Plural("exec.current.help", sv.Workloads)+")")
		label, m := saving(t, "exec.saving", "exec.extra", sv.Horizon, sv.HorizonMonths)
		out = append(out, label+": "+m.Display()+" ("+t.T("exec.saving.monthly", sv.Monthly.Display())+")",
			t.T("exec.break_even")+": "+t.BreakEven(sv))
	} else if p.Complete {
		out = append(out, t.T("exec.no_current"))
	}
	return out
}

// AppendixOption is the option whose cost lines the report's appendix
// shows for a workload: the recommended one, else the cheapest complete one.
func AppendixOption(w Workload) (pricing.Option, bool) {
	var best *pricing.Option
	for _, o := range w.Options {
		if o.Recommended {
			return o, true
		}
		if o.Complete && (best == nil || o.HorizonTotal.Amount.LessThan(best.HorizonTotal.Amount)) {
			best = &o
		}
	}
	if best == nil {
		return pricing.Option{}, false
	}
	return *best, true
}

// Converted is a line's amount in the option's display currency, and false
// when the option has no rate for the line's currency.
func Converted(o pricing.Option, l pricing.Line) (pricing.Money, bool) {
	cur := o.Monthly.Currency
	vat := o.VATFactor(l)
	if l.Currency == cur || cur == "" {
		m := LineAmount(l)
		return pricing.Money{Amount: m.Amount.Mul(vat), Currency: m.Currency}, true
	}
	for _, r := range o.Rates {
		if r.From == l.Currency && r.To == cur {
			return pricing.Money{Amount: l.Monthly.Mul(r.Rate).Mul(vat), Currency: cur}, true
		}
	}
	return pricing.Money{}, false
}

// LineAmountText shows a line's amount in the display currency with the
// price's own currency beside it when they differ: "KRW 13,650 (USD 10.00)".
func LineAmountText(o pricing.Option, l pricing.Line) string {
	orig := LineAmount(l).Display()
	if m, ok := Converted(o, l); ok && (m.Currency != l.Currency || m.Display() != orig) {
		return m.Display() + " (" + orig + ")"
	}
	return orig
}
