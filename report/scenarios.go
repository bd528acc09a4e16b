package report

import (
	"slices"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Scenario keys that are not one provider's IaaS.
const (
	ScenarioRecommended = "recommended"
	ScenarioCheapest    = "cheapest"
)

// Scenario is one way to run every workload in scope (all but the retired):
// the recommended mix, the cheapest complete option of each, or everything
// as IaaS on one provider. Every scenario covers the same workloads, so their
// totals compare; one that cannot price them all says how many it priced, and
// its totals cover only those: it has no saving and no break-even.
type Scenario struct {
	Key      string `json:"key"`                // "recommended", "cheapest" or "iaas-<provider>"
	Model    string `json:"model,omitempty"`    // "iaas" for one provider's IaaS
	Provider string `json:"provider,omitempty"` // that provider
	// Workloads is how many workloads are in scope; Priced how many have a
	// complete option in the scenario.
	Workloads int  `json:"workloads"`
	Priced    int  `json:"priced"`
	Complete  bool `json:"complete"`
	// Monthly is the steady-state monthly cost; Upfront is paid at the start
	// (one-time migration and prepaid commitment fees of month 1).
	Monthly       pricing.Money `json:"monthly"`
	Upfront       pricing.Money `json:"upfront"`
	FirstYear     pricing.Money `json:"first_year"`
	Horizon       pricing.Money `json:"horizon"`
	HorizonMonths int           `json:"horizon_months"`
	// Unpriced are the workloads in scope without a complete option, with what is missing.
	Unpriced []Unpriced `json:"unpriced"`
	// Saving compares a complete scenario with today's cost over the
	// workloads whose current cost is known; nil otherwise.
	Saving *Savings `json:"saving,omitempty"`

	chosen []*pricing.Option // one per priced workload, in the document
}

// Unpriced is a workload a scenario could not price and why.
type Unpriced struct {
	Index   int           `json:"index"`
	Name    string        `json:"name"`
	Missing []pricing.Msg `json:"missing"`
}

// Cumulative is the scenario's cash paid by the end of month m, over the
// workloads whose current cost is known when compared is true, else over all
// it priced.
func (s Scenario) Cumulative(m int, compared bool) decimal.Decimal {
	t := decimal.Zero
	for _, o := range s.chosen {
		if !compared || o.CurrentMonthly != nil {
			t = t.Add(o.Cumulative(min(m, o.HorizonMonths)))
		}
	}
	return t
}

// CurrentCumulative is today's cost by the end of month m over the workloads
// whose current cost is known.
func (s Scenario) CurrentCumulative(m int) decimal.Decimal {
	t := decimal.Zero
	for _, o := range s.chosen {
		if o.CurrentMonthly != nil {
			t = t.Add(o.CurrentMonthly.Amount.Mul(decimal.NewFromInt(int64(m))))
		}
	}
	return t
}

// scenarios builds the recommended mix, the cheapest mix and one IaaS
// scenario per provider offering IaaS, in that order. A provider with no
// price list here (every option of it not priced) has no scenario: the
// options say why, and a row of "not available" compares nothing.
func scenarios(ws []Workload, currency string) []Scenario {
	out := []Scenario{
		scenario(ScenarioRecommended, "", "", ws, currency, func(w Workload, o pricing.Option) bool { return o.Recommended }),
		scenario(ScenarioCheapest, "", "", ws, currency, func(Workload, pricing.Option) bool { return true }),
	}
	var providers []string
	for _, w := range ws {
		for _, o := range w.Options {
			if o.Model == pricing.ModelIaaS && o.Availability != pricing.NotPriced && !slices.Contains(providers, o.Provider) {
				providers = append(providers, o.Provider)
			}
		}
	}
	slices.Sort(providers)
	for _, p := range providers {
		out = append(out, scenario("iaas-"+p, string(pricing.ModelIaaS), p, ws, currency, func(_ Workload, o pricing.Option) bool {
			return o.Model == pricing.ModelIaaS && o.Provider == p
		}))
	}
	return out
}

// scenario takes, per workload in scope, the complete option keep accepts
// with the lowest horizon total.
func scenario(key, model, provider string, ws []Workload, cur string, keep func(Workload, pricing.Option) bool) Scenario {
	s := Scenario{Key: key, Model: model, Provider: provider, Unpriced: []Unpriced{}}
	zero := func() pricing.Money { return pricing.Money{Amount: decimal.Zero, Currency: cur} }
	s.Monthly, s.Upfront, s.FirstYear, s.Horizon = zero(), zero(), zero(), zero()
	for i, w := range ws {
		if w.Recommendation.Model == advisor.Retire {
			continue
		}
		s.Workloads++
		var best *pricing.Option
		var missing []pricing.Msg
		for j := range w.Options {
			o := &w.Options[j] // not a copy: a scenario visits every option of the estate
			if !keep(w, *o) {
				continue
			}
			if !o.Complete {
				missing = append(missing, o.Missing...)
				continue
			}
			if best == nil || o.HorizonTotal.Amount.LessThan(best.HorizonTotal.Amount) {
				best = o
			}
		}
		if best == nil {
			if key == ScenarioRecommended && len(missing) == 0 {
				missing = missingOfModel(w)
			}
			s.Unpriced = append(s.Unpriced, Unpriced{Index: i, Name: w.Name, Missing: firstN(missing, 2)})
			continue
		}
		s.Priced++
		s.chosen = append(s.chosen, best)
		s.HorizonMonths = max(s.HorizonMonths, best.HorizonMonths)
		s.Monthly.Amount = s.Monthly.Amount.Add(best.Monthly.Amount)
		s.Upfront.Amount = s.Upfront.Amount.Add(best.MigrationOneTime.Amount).Add(firstMonthFees(*best))
		s.FirstYear.Amount = s.FirstYear.Amount.Add(best.FirstYear.Amount)
		s.Horizon.Amount = s.Horizon.Amount.Add(best.HorizonTotal.Amount)
	}
	s.Complete = s.Priced == s.Workloads && s.Workloads > 0
	if s.Complete {
		s.Saving = s.saving(cur)
	}
	return s
}

// missingOfModel says what the options of the recommended model lack when
// none of them is complete (so none was marked recommended).
func missingOfModel(w Workload) []pricing.Msg {
	var out []pricing.Msg
	for _, o := range w.Options {
		if string(o.Model) == string(w.Recommendation.Model) {
			out = append(out, o.Missing...)
		}
	}
	return out
}

func firstN(s []pricing.Msg, n int) []pricing.Msg {
	s = slices.CompactFunc(s, func(a, b pricing.Msg) bool { return a.String() == b.String() })
	if len(s) > n {
		s = s[:n]
	}
	if s == nil {
		return []pricing.Msg{}
	}
	return s
}

// firstMonthFees are the prepaid commitment fees paid in month 1.
func firstMonthFees(o pricing.Option) decimal.Decimal {
	t := decimal.Zero
	for _, p := range o.Upfronts {
		if p.Month <= 1 {
			t = t.Add(p.Amount.Amount)
		}
	}
	return t
}

// saving compares the scenario with today's cost over the workloads whose
// current cost is known; nil when none is.
func (s Scenario) saving(cur string) *Savings {
	n, months := 0, 0
	current, monthly := decimal.Zero, decimal.Zero
	for _, o := range s.chosen {
		if o.CurrentMonthly != nil {
			n++
			current = current.Add(o.CurrentMonthly.Amount)
			monthly = monthly.Add(o.Monthly.Amount)
			months = max(months, o.HorizonMonths)
		}
	}
	if n == 0 {
		return nil
	}
	sv := &Savings{Workloads: n, HorizonMonths: months,
		CurrentMonthly:     pricing.Money{Amount: current, Currency: cur},
		RecommendedMonthly: pricing.Money{Amount: monthly, Currency: cur},
		Monthly:            pricing.Money{Amount: current.Sub(monthly), Currency: cur},
		Horizon:            pricing.Money{Amount: s.CurrentCumulative(months).Sub(s.Cumulative(months, true)), Currency: cur}}
	for m := 1; m <= months; m++ {
		if s.Cumulative(m, true).LessThan(s.CurrentCumulative(m)) {
			sv.BreakEvenMonth = m
			break
		}
	}
	return sv
}

// Scenario returns the scenario with the key, and whether there is one.
func (s Summary) Scenario(key string) (Scenario, bool) {
	i := slices.IndexFunc(s.Scenarios, func(x Scenario) bool { return x.Key == key })
	if i < 0 {
		return Scenario{}, false
	}
	return s.Scenarios[i], true
}

// Plan is the recommended scenario.
func (s Summary) Plan() Scenario {
	p, _ := s.Scenario(ScenarioRecommended)
	return p
}

// Wave is a group of workloads to move together, in order.
type Wave struct {
	Number    int      `json:"number"`
	Reason    string   `json:"reason"` // "quick_win", "rehost", "rework"
	Workloads []string `json:"workloads"`
}

// Waves orders the migration: first the quick wins (retire, and replace with
// SaaS: nothing to build or run), then what moves as it is (rehost), then
// what has to change (replatform, refactor); within a wave the largest
// monthly saving goes first.
func Waves(ws []Workload) []Wave {
	type item struct {
		name   string
		saving decimal.Decimal
	}
	groups := map[string][]item{}
	for _, w := range ws {
		reason := "rework"
		switch {
		case w.Recommendation.Model == advisor.Retire || w.Recommendation.Model == advisor.SaaS:
			reason = "quick_win"
		case w.Recommendation.Strategy == advisor.Rehost:
			reason = "rehost"
		}
		it := item{name: w.Name, saving: decimal.Zero}
		for _, o := range w.Options {
			if o.Recommended && o.SavingsMonthly != nil {
				it.saving = o.SavingsMonthly.Amount
			}
		}
		groups[reason] = append(groups[reason], it)
	}
	var out []Wave
	for _, r := range []string{"quick_win", "rehost", "rework"} {
		g := groups[r]
		if len(g) == 0 {
			continue
		}
		slices.SortStableFunc(g, func(a, b item) int { return b.saving.Cmp(a.saving) })
		wv := Wave{Number: len(out) + 1, Reason: r}
		for _, it := range g {
			wv.Workloads = append(wv.Workloads, it.name)
		}
		out = append(out, wv)
	}
	return out
}
