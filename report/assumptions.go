package report

import (
	"time"

	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Assumptions are the organisation-wide choices every price depends on.
type Assumptions struct {
	Geography     string             `json:"geography"`
	HorizonYears  int                `json:"horizon_years"`
	Sizing        pricing.SizingMode `json:"sizing"`
	ComfortFactor decimal.Decimal    `json:"comfort_factor"`
	Commitment    pricing.Commitment `json:"commitment"`
	Currency      string             `json:"currency"`
	HourlyRate    pricing.Money      `json:"hourly_rate"`
	// HourlyRateBasis is where the hourly rate comes from (survey, conversion or the user).
	HourlyRateBasis pricing.HourlyCost `json:"hourly_rate_basis"`
	// Labour is the monthly operations hours by allowance, in a fixed order.
	Labour []Allowance `json:"labour"`
	// Migration is the one-time effort by strategy.
	Migration []Effort `json:"migration"`
	Rates     Rates    `json:"rates"`
	// RoundTrips is true when an option shows a round trip from the users
	// (pricing.Option.RoundTripMs): the assumptions then cite its source.
	RoundTrips bool `json:"round_trips,omitempty"`
}

// Allowance is one editable number of engineer hours and why.
type Allowance struct {
	Key    string          `json:"key"`
	Hours  decimal.Decimal `json:"hours"`
	Reason string          `json:"reason"`
}

// Effort is the one-time migration effort of a strategy, in hours.
type Effort struct {
	Strategy      string          `json:"strategy"`
	PerWorkload   decimal.Decimal `json:"per_workload"`
	PerInstance   decimal.Decimal `json:"per_instance"`
	PerDatabase   decimal.Decimal `json:"per_database"`
	DualRunMonths int             `json:"dual_run_months"`
}

// Rates is the exchange-rate table and the rates the options used.
type Rates struct {
	Base   string `json:"base"`
	AsOf   string `json:"as_of"`
	Source string `json:"source"`
	// AgeDays is the table's age when the assessment was made; Stale is
	// true beyond pricing.StaleAfterDays.
	AgeDays int               `json:"age_days"`
	Stale   bool              `json:"stale"`
	Used    []pricing.RateUse `json:"used"`
}

func assumptionsOf(o advisor.Organization, ws []Workload, assessed time.Time) Assumptions {
	l := o.Labour
	a := Assumptions{Geography: o.Geography, HorizonYears: o.HorizonYears, Sizing: o.Sizing,
		ComfortFactor: o.ComfortFactor, Commitment: o.Commitment, Currency: o.Currency,
		HourlyRate:      pricing.Money{Amount: o.EngineerHourlyCost, Currency: o.Currency},
		HourlyRateBasis: o.EngineerHourlyCostBasis,
		Labour: []Allowance{
			{"iaas_per_instance", l.IaaSPerInstance.Hours, l.IaaSPerInstance.Reason},
			{"iaas_per_workload", l.IaaSPerWorkload.Hours, l.IaaSPerWorkload.Reason},
			{"self_run_database", l.SelfRunDatabase.Hours, l.SelfRunDatabase.Reason},
			{"paas_per_instance", l.PaaSPerInstance.Hours, l.PaaSPerInstance.Reason},
			{"paas_per_workload", l.PaaSPerWorkload.Hours, l.PaaSPerWorkload.Reason},
			{"managed_database", l.ManagedDatabase.Hours, l.ManagedDatabase.Reason},
			{"saas_per_workload", l.SaaSPerWorkload.Hours, l.SaaSPerWorkload.Reason},
			{"saas_per_user", l.SaaSPerUser.Hours, l.SaaSPerUser.Reason},
		},
		Rates: Rates{Base: o.Rates.Base, AsOf: o.Rates.AsOf, Source: o.Rates.Source, Used: []pricing.RateUse{}},
	}
	a.Rates.AgeDays, _ = o.Rates.AgeDays(assessed)
	a.Rates.Stale = o.Rates.Stale(assessed)
	m := o.Migration
	for _, e := range []struct {
		name string
		e    pricing.StrategyEffort
	}{{"rehost", m.Rehost}, {"replatform", m.Replatform}, {"refactor", m.Refactor}, {"repurchase", m.Repurchase}} {
		a.Migration = append(a.Migration, Effort{Strategy: e.name, PerWorkload: e.e.PerWorkload.Hours,
			PerInstance: e.e.PerInstance.Hours, PerDatabase: e.e.PerDatabase.Hours, DualRunMonths: e.e.DualRunMonths})
	}
	for _, w := range ws {
		for _, opt := range w.Options {
			a.RoundTrips = a.RoundTrips || opt.RoundTripMs > 0
			for _, r := range opt.Rates {
				if !slices.ContainsFunc(a.Rates.Used, func(u pricing.RateUse) bool { return sameRate(u, r) }) {
					a.Rates.Used = append(a.Rates.Used, r)
				}
			}
		}
	}
	slices.SortFunc(a.Rates.Used, func(x, y pricing.RateUse) int {
		return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To), cmp.Compare(x.AsOf, y.AsOf))
	})
	return a
}

func sameRate(a, b pricing.RateUse) bool {
	return a.From == b.From && a.To == b.To && a.Rate.Equal(b.Rate) && a.AsOf == b.AsOf && a.Source == b.Source
}
