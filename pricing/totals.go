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
	// Of is the number of workloads the total is about (those with options,
	// retired ones excluded): the total covers Workloads of Of.
	Of int `json:"of"`
	// Missing names the workloads (by index) with no complete option of the key.
	Missing []string `json:"missing"`
	// Gaps says, per workload left out, what its nearest option lacks.
	Gaps     []Gap `json:"gaps"`
	Complete bool  `json:"complete"`
	// SavingsMonthly is the current cost minus the total, set only when the
	// total is complete and every counted workload's current cost is known:
	// a partial total never shows a saving.
	SavingsMonthly *Money `json:"savings_monthly,omitempty"`
}

// Gap is a workload a total leaves out and the prices its nearest option
// (of the total's key: cheapest incomplete one) is missing.
type Gap struct {
	Workload string `json:"workload"` // workloads[i]
	Index    int    `json:"index"`
	Missing  []Msg  `json:"missing"`
}

// Coverage is "N of M priced" as a message for any view.
func (t Total) Coverage() Msg { return M("price.total.coverage", t.Workloads, t.Of) }

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
		t.ByModel = append(t.ByModel, sum(string(m), workloads, currency, func(o *Option) bool { return o.Model == m }))
	}
	var providers []string
	for _, opts := range workloads {
		for j := range opts {
			if p := opts[j].Provider; !slices.Contains(providers, p) {
				providers = append(providers, p)
			}
		}
	}
	slices.Sort(providers)
	for _, p := range providers {
		t.ByProvider = append(t.ByProvider, sum(p, workloads, currency, func(o *Option) bool { return o.Provider == p }))
	}
	t.Mix = sum("mix", workloads, currency, func(o *Option) bool { return o.Recommended })
	return t
}

// sum adds, per workload, the cheapest complete option that keep accepts; a
// workload with options but none accepted makes the total incomplete.
func sum(key string, workloads [][]Option, cur string, keep func(*Option) bool) Total {
	t := Total{Key: key, Missing: []string{}, Gaps: []Gap{}}
	m, f, h, mig, current := decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero
	allCurrent := true
	for i, opts := range workloads {
		if len(opts) == 0 {
			continue
		}
		t.Of++
		best, near := -1, -1
		for j := range opts {
			o := &opts[j] // not a copy: an estate has tens of thousands of options
			if keep(o) && o.Complete && (best < 0 || o.HorizonTotal.Amount.LessThan(opts[best].HorizonTotal.Amount)) {
				best = j
			}
			// the nearest option says what is missing: one the key keeps,
			// else any (the mix keeps only recommended, hence complete, ones)
			if !o.Complete && (near < 0 || keep(o) && !keep(&opts[near]) ||
				keep(o) == keep(&opts[near]) && len(o.Missing) < len(opts[near].Missing)) {
				near = j
			}
		}
		if best < 0 {
			id := fmt.Sprintf("workloads[%d]", i)
			t.Missing = append(t.Missing, id)
			g := Gap{Workload: id, Index: i, Missing: []Msg{M("price.total.no_option")}}
			if near >= 0 {
				g.Missing = opts[near].Missing
			}
			t.Gaps = append(t.Gaps, g)
			continue
		}
		o := &opts[best]
		m, f, h = m.Add(o.Monthly.Amount), f.Add(o.FirstYear.Amount), h.Add(o.HorizonTotal.Amount)
		mig = mig.Add(o.MigrationOneTime.Amount)
		if o.CurrentMonthly != nil && o.CurrentMonthly.Currency == cur {
			current = current.Add(o.CurrentMonthly.Amount)
		} else {
			allCurrent = false
		}
		t.Workloads++
	}
	t.Monthly, t.FirstYear, t.HorizonTotal, t.MigrationOneTime = Money{m, cur}, Money{f, cur}, Money{h, cur}, Money{mig, cur}
	t.Complete = len(t.Missing) == 0
	if t.Complete && allCurrent && t.Workloads > 0 {
		t.SavingsMonthly = &Money{current.Sub(m), cur}
	}
	return t
}
