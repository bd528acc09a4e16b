package pricing

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Total sums one choice of option per workload.
type Total struct {
	Key              string `json:"key"` // model, provider, or "mix"
	Monthly          Money  `json:"monthly"`
	FirstYear        Money  `json:"first_year"`
	HorizonTotal     Money  `json:"horizon_total"`
	MigrationOneTime Money  `json:"migration_one_time"`
	Workloads        int    `json:"workloads"` // workloads with a complete option counted
	// Missing names the workloads (by index) with no complete option of the key.
	Missing  []string `json:"missing"`
	Complete bool     `json:"complete"`
}

// Totals are an assessment's costs by model (every workload on its cheapest
// complete option of the model), by provider (cheapest complete option of
// the provider, any model) and for the mix (each workload's recommended
// option). All options must be in the same display currency.
type Totals struct {
	Currency   string  `json:"currency"`
	ByModel    []Total `json:"by_model"`
	ByProvider []Total `json:"by_provider"`
	Mix        Total   `json:"mix"`
}

// Summarize totals the options of each workload (one slice per workload;
// a retired workload has none and counts nowhere).
func Summarize(workloads [][]Option, currency string) Totals {
	t := Totals{Currency: currency}
	for _, m := range []Model{ModelIaaS, ModelPaaS, ModelSaaS} {
		t.ByModel = append(t.ByModel, sum(string(m), workloads, currency, func(o Option) bool { return o.Model == m }))
	}
	var providers []string
	for _, opts := range workloads {
		for _, o := range opts {
			if !slices.Contains(providers, o.Provider) {
				providers = append(providers, o.Provider)
			}
		}
	}
	slices.Sort(providers)
	for _, p := range providers {
		t.ByProvider = append(t.ByProvider, sum(p, workloads, currency, func(o Option) bool { return o.Provider == p }))
	}
	t.Mix = sum("mix", workloads, currency, func(o Option) bool { return o.Recommended })
	return t
}

// sum adds, per workload, the cheapest complete option that keep accepts; a
// workload with options but none accepted makes the total incomplete.
func sum(key string, workloads [][]Option, cur string, keep func(Option) bool) Total {
	t := Total{Key: key, Missing: []string{}}
	m, f, h, mig := decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
	for i, opts := range workloads {
		if len(opts) == 0 {
			continue
		}
		best := -1
		for j, o := range opts {
			if keep(o) && o.Complete && (best < 0 || o.HorizonTotal.Amount.LessThan(opts[best].HorizonTotal.Amount)) {
				best = j
			}
		}
		if best < 0 {
			t.Missing = append(t.Missing, fmt.Sprintf("workloads[%d]", i))
			continue
		}
		o := opts[best]
		m, f, h = m.Add(o.Monthly.Amount), f.Add(o.FirstYear.Amount), h.Add(o.HorizonTotal.Amount)
		mig = mig.Add(o.MigrationOneTime.Amount)
		t.Workloads++
	}
	t.Monthly, t.FirstYear, t.HorizonTotal, t.MigrationOneTime = Money{m, cur}, Money{f, cur}, Money{h, cur}, Money{mig, cur}
	t.Complete = len(t.Missing) == 0
	return t
}
