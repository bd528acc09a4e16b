package report

import (
	"strings"

	"cloudadvisor/chart"
	"cloudadvisor/i18n"
)

// Summarize is the executive summary of an assessment's workloads, as Build
// computes it: the page, the print view and the PDF show this one.
func Summarize(ws []Workload, currency string) Summary { return summarize(ws, currency) }

// Plural is key for a count n filled with n: its singular form for one
// where the language has one (i18n.N).
func (t Text) Plural(key string, n int) string { return t.N(key, n, n) }

// Workloads counts workloads in words: "one workload", "3 workloads".
func (t Text) Workloads(n int) string {
	if n == 0 {
		return t.T("count.workloads.zero")
	}
	return t.Plural("count.workloads", n)
}

// ScenarioName names a scenario: "Recommended mix", "All IaaS on AWS".
func (t Text) ScenarioName(s Scenario) string {
	if s.Provider != "" {
		return t.T("scenario.iaas", t.Provider(s.Provider))
	}
	return t.T("scenario." + s.Key)
}

// Region names a provider region by its place, the code beside it:
// "Seoul (ap-northeast-2)"; an unknown code shows as it is.
func (t Text) Region(code string) string {
	if code == "global" {
		return t.T("region.global")
	}
	if name, ok := i18n.Lookup(t.Lang, "region."+code); ok {
		return t.T("region.label", name, code)
	}
	return code
}

// WaveLines are the next steps: one line per migration wave.
func (t Text) WaveLines(s Summary) []string {
	var out []string
	for _, w := range s.Waves {
		names := w.Workloads
		if len(names) > shownUnpriced {
			names = append(names[:shownUnpriced:shownUnpriced], t.T("scenario.more", len(w.Workloads)-shownUnpriced))
		}
		out = append(out, t.T("exec.wave", w.Number, strings.Join(names, ", "))+" — "+t.T("exec.wave."+w.Reason))
	}
	return out
}

// ExecutiveChart is today's cumulative cost against the recommended plan's
// (and the cheapest mix's, when it differs), over the workloads whose current
// cost is known. ok is false when no complete scenario has a current cost to
// compare with; compared is how many workloads the lines cover.
func ExecutiveChart(s Summary, box chart.Box, t Text) (l chart.Lines, compared int, ok bool) {
	w := chart.WordsFor(t.Lang)
	var series []chart.Series
	var base *chart.Series
	months := 0
	for _, key := range []string{ScenarioRecommended, ScenarioCheapest} {
		sc, found := s.Scenario(key)
		if !found || sc.Saving == nil {
			continue
		}
		if len(series) > 0 && sc.Horizon.Amount.Equal(s.Plan().Horizon.Amount) {
			continue // the cheapest mix is the plan: one line
		}
		months, compared = sc.Saving.HorizonMonths, sc.Saving.Workloads
		cs := chart.Series{Key: key, Label: t.ScenarioName(sc)}
		cur := chart.Series{Key: "current", Label: w.T("chart.current")}
		for m := 0; m <= months; m++ {
			cs.Values = append(cs.Values, sc.Cumulative(m, true))
			cur.Values = append(cur.Values, sc.CurrentCumulative(m))
		}
		series = append(series, cs)
		if base == nil {
			base = &cur
		}
	}
	if base == nil {
		return chart.Lines{}, 0, false
	}
	return chart.CumulativeLines(series, base, months, s.Currency, box, w), compared, true
}
