package advisor

import (
	"testing"

	"cloudadvisor/pricing"
)

// TestIssue12FiveWorkloadsFigures logs the issue 12 estate's recommended
// option per workload, on demand and with a 3-year no-upfront
// reservation, in Seoul (KRW) and us-east (USD): the figures for the
// issue's closing note. It fails when a commitment changes nothing for a
// complete IaaS or managed-database option, which was the issue's first
// finding.
func TestIssue12FiveWorkloadsFigures(t *testing.T) {
	for _, tt := range []struct{ geo, cur string }{{"asia-seoul", "KRW"}, {"us-east", "USD"}} {
		onDemand := assessFive(t, tt.geo, tt.cur, "on_demand")
		reserved := assessFive(t, tt.geo, tt.cur, string(pricing.Reserved3yNoUpfront))
		for i, w := range onDemand.Workloads {
			for _, o := range w.Options {
				if !o.Recommended {
					continue
				}
				r, ok := option(reserved.Workloads[i].Options, o.Model, o.Provider)
				if !ok {
					t.Errorf("%s %s: no %s %s option with a reservation", tt.geo, w.Workload.Name, o.Model, o.Provider)
					continue
				}
				t.Logf("%-10s %-15s %-4s %-12s %-28s on demand %14s%s  3y no upfront %14s%s", tt.geo, w.Workload.Name, o.Model,
					o.Provider, o.Product, o.Monthly.Amount.StringFixed(0), incomplete(o), r.Monthly.Amount.StringFixed(0), incomplete(r))
				if o.Model == pricing.ModelIaaS && o.Complete && r.Complete && !r.Monthly.Amount.LessThan(o.Monthly.Amount) {
					t.Errorf("%s %s on %s: 3y reservation %s, on demand %s: want the reservation cheaper", tt.geo,
						w.Workload.Name, o.Provider, r.Monthly.Amount, o.Monthly.Amount)
				}
			}
		}
	}
}

func incomplete(o pricing.Option) string {
	if o.Complete {
		return " "
	}
	return "*"
}
