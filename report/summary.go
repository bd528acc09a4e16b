package report

import (
	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Summary is the executive summary: how many workloads go to each model,
// the totals of the recommended options (the mix), the totals if every
// workload went to one model or one provider, and the savings against
// today's cost where it is known.
type Summary struct {
	Currency  string       `json:"currency"`
	Workloads int          `json:"workloads"`
	Mix       []ModelCount `json:"mix"`
	// Recommended totals each workload's recommended option: monthly, first
	// year, horizon and one-time migration.
	Recommended pricing.Total   `json:"recommended"`
	ByModel     []pricing.Total `json:"by_model"`
	ByProvider  []pricing.Total `json:"by_provider"`
	// Savings is nil when no workload with a recommended option has a known current cost.
	Savings *Savings `json:"savings,omitempty"`
	// Scenarios each cover every workload but the retired: the recommended
	// mix first, then the cheapest mix, then all IaaS on each provider.
	Scenarios []Scenario `json:"scenarios"`
	// Waves are the suggested migration order.
	Waves []Wave `json:"waves"`
}

// ModelCount is how many workloads are recommended a model (retire included).
type ModelCount struct {
	Model     advisor.Model `json:"model"`
	Workloads int           `json:"workloads"`
}

// Savings compares the recommended options with today's cost, over the
// workloads whose current monthly cost is known.
type Savings struct {
	Workloads          int           `json:"workloads"`
	CurrentMonthly     pricing.Money `json:"current_monthly"`
	RecommendedMonthly pricing.Money `json:"recommended_monthly"`
	// Monthly is current minus recommended: negative is an extra cost.
	Monthly       pricing.Money `json:"monthly"`
	HorizonMonths int           `json:"horizon_months"`
	// Horizon is today's cost over the horizon minus the recommended
	// options' cash over it, migration included.
	Horizon pricing.Money `json:"horizon"`
	// BreakEvenMonth is the first month whose cumulative cost of the
	// recommended options is below today's cumulative cost; 0 for none.
	BreakEvenMonth int `json:"break_even_month"`
}

func summarize(ws []Workload, currency string) Summary {
	s := Summary{Currency: currency, Workloads: len(ws)}
	all := make([][]pricing.Option, len(ws))
	counts := map[advisor.Model]int{}
	for i, w := range ws {
		all[i] = w.Options
		counts[w.Recommendation.Model]++
	}
	for _, m := range append(append([]advisor.Model{}, advisor.Models...), advisor.Retire) {
		if counts[m] > 0 {
			s.Mix = append(s.Mix, ModelCount{Model: m, Workloads: counts[m]})
		}
	}
	if s.Mix == nil {
		s.Mix = []ModelCount{}
	}
	t := pricing.Summarize(all, currency)
	s.Recommended, s.ByModel, s.ByProvider = t.Mix, t.ByModel, t.ByProvider
	if s.ByProvider == nil {
		s.ByProvider = []pricing.Total{}
	}
	s.Savings = savings(ws, currency)
	s.Scenarios = scenarios(ws, currency)
	s.Waves = Waves(ws)
	if s.Waves == nil {
		s.Waves = []Wave{}
	}
	return s
}

// savings adds up the recommended options whose current cost is known.
func savings(ws []Workload, currency string) *Savings {
	var recs cashFlow
	for _, w := range ws {
		for j := range w.Options {
			if o := &w.Options[j]; o.Recommended && o.Complete && o.CurrentMonthly != nil {
				recs.add(o)
			}
		}
	}
	return recs.savings(currency)
}
