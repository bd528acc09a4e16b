package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// The fuzz targets below decode what a client sends: form bodies, API JSON
// and query strings. Each must never panic, must report every problem as
// field errors with a code the message catalog knows (or as a malformed
// request), and must return only values within the documented limits when
// it reports none. Seeds live in testdata/fuzz/<FuzzName>/; see
// docs/FUZZING.md for longer runs.

// checkFieldErrors fails on a field error whose code has no message, and
// renders each message, which must not panic either.
func checkFieldErrors(t *testing.T, errs advisor.FieldErrors) {
	t.Helper()
	for _, fe := range errs {
		if fe.Field == "" || !i18n.Has("error.field."+fe.Code) {
			t.Fatalf("field error %+v: empty field or code without a message", fe)
		}
		if msg := fieldMessage(context.Background(), fe); strings.Contains(msg, "[error.field.") {
			t.Fatalf("field error %+v: message %q has a missing key", fe, msg)
		}
	}
}

// asFieldErrors returns err's field errors; any other error fails.
func asFieldErrors(t *testing.T, err error) advisor.FieldErrors {
	t.Helper()
	if err == nil {
		return nil
	}
	var fe advisor.FieldErrors
	if !errors.As(err, &fe) || len(fe) == 0 {
		t.Fatalf("got error %v (%T), want field errors", err, err)
	}
	return fe
}

// formValues parses a form body as the server does; false when the server
// would refuse it as malformed before decoding.
func formValues(body string) (*form, bool) {
	v, err := url.ParseQuery(body)
	if err != nil {
		return nil, false
	}
	return &form{values: v}, true
}

func inRange(x, lo, hi float64) bool { return x >= lo && x <= hi } // false for NaN

func checkWorkload(t *testing.T, w advisor.Workload) {
	t.Helper()
	ok := w.Name != "" && len([]rune(w.Name)) <= advisor.MaxNameLen &&
		slices.Contains(advisor.Kinds, w.Kind) && slices.Contains(advisor.OSes, w.OS) &&
		slices.Contains(advisor.DatabaseEngines, w.DatabaseEngine) &&
		inRange(float64(w.Instances), 1, advisor.MaxInstances) && inRange(float64(w.VCPU), 1, advisor.MaxVCPU) &&
		inRange(w.MemoryGiB, 0.5, advisor.MaxMemoryGiB) && inRange(float64(w.StorageGB), 0, advisor.MaxStorageGB) &&
		inRange(float64(w.EgressGBMonth), 0, advisor.MaxEgressGB) && inRange(float64(w.Users), 0, advisor.MaxUsers) &&
		inRange(float64(w.Developers), 0, advisor.MaxDevelopers) && inRange(float64(w.LifetimeMonths), 1, advisor.MaxLifetime) &&
		inRange(w.AvgCPUUtilizationPct, 0, 100) && inRange(w.AvgMemoryUtilizationPct, 0, 100) &&
		(w.CurrentMonthlyCost == nil || !w.CurrentMonthlyCost.IsNegative())
	if !ok {
		t.Fatalf("resolved workload outside the limits: %+v", w)
	}
}

func checkOrganization(t *testing.T, o advisor.Organization) {
	t.Helper()
	ok := o.Name != "" && len([]rune(o.Name)) <= advisor.MaxNameLen &&
		slices.Contains(advisor.Geographies, o.Geography) && slices.Contains(advisor.Currencies, o.Currency) &&
		inRange(float64(o.HorizonYears), 1, advisor.MaxHorizonYears) &&
		!o.EngineerHourlyCost.IsNegative() && !o.EngineerHourlyCost.GreaterThan(decimal.NewFromInt(1_000_000))
	if !ok {
		t.Fatalf("resolved organisation outside the limits: %+v", o)
	}
}

func FuzzOrganizationForm(f *testing.F) {
	f.Add("organization.name=Acme+Corp&organization.geography=us-east&organization.currency=EUR&organization.horizon_years=3")
	f.Add("organization.name=&organization.horizon_years=9&organization.geography=mars")
	f.Add("organization.name=A&organization.engineer_hourly_cost=1e400&organization.comfort_factor=-1&organization.sizing=performance")
	f.Add("organization.name=A&organization.labour.operate_iaas=12&organization.migration.rehost=1.5&organization.rates.EUR=0.9&organization.rates.as_of=2026-01-01")
	f.Fuzz(func(t *testing.T, body string) {
		fm, ok := formValues(body)
		if !ok {
			return
		}
		in := fm.organization(orgPrefix, pricing.DefaultRates())
		o, err := in.Resolve(pricing.DefaultRates())
		errs := append(fm.errs, asFieldErrors(t, err)...)
		checkFieldErrors(t, errs)
		if len(errs) == 0 {
			checkOrganization(t, o)
		}
	})
}

func FuzzWorkloadForm(f *testing.F) {
	f.Add("workload.name=Shop+front&workload.kind=web_app&workload.vcpu=2&workload.memory_gib=4&workload.users=40")
	f.Add("workload.name=&workload.vcpu=1000000000&workload.memory_gib=lots")
	f.Add("workload.name=db&workload.kind=database&workload.database_engine=none&workload.in_use=false&workload.in_use=true")
	f.Add("workload.name=x&workload.avg_cpu_utilization_pct=NaN&workload.memory_gib=Inf&workload.current_monthly_cost=-1")
	f.Fuzz(func(t *testing.T, body string) {
		fm, ok := formValues(body)
		if !ok {
			return
		}
		w, err := fm.workload("workload.").Resolve()
		errs := append(fm.errs, asFieldErrors(t, err)...)
		checkFieldErrors(t, errs)
		if len(errs) == 0 {
			checkWorkload(t, w)
		}
	})
}

func FuzzAPIRequest(f *testing.F) {
	f.Add([]byte(`{"organization":{"name":"Acme","geography":"eu-central","horizon_years":3},
		"workloads":[{"name":"mail","kind":"email_collaboration","users":30},{"name":"api","kind":"api","vcpu":4,"memory_gib":16}]}`))
	f.Add([]byte(`{"organization":`))
	f.Add([]byte(`{"organisation":{}}`))
	f.Add([]byte(`{"organization":{"name":"A"},"workloads":[{"name":"x","vcpu":"two"}]}`))
	f.Add([]byte(`{"organization":{"name":""},"workloads":[{"name":"x","vcpu":-1,"kind":"mainframe"}]}`))
	f.Add([]byte(`{"organization":{"name":"A"},"workloads":[]} {}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("POST", "/api/v1/assessments", bytes.NewReader(body))
		var req apiRequest
		err := decodeJSON(rec, r, &req)
		var wls []advisor.WorkloadInput
		if err == nil {
			wls, err = req.workloads()
		}
		if err != nil {
			var me *malformedError
			var mbe *http.MaxBytesError
			switch {
			case errors.As(err, &me):
				if errStatus(err) != http.StatusBadRequest || me.msg == "" {
					t.Fatalf("malformed error %q: got status %d, want 400 and a message", me.msg, errStatus(err))
				}
			case errors.As(err, &mbe):
			default:
				checkFieldErrors(t, asFieldErrors(t, err))
				if errStatus(err) != http.StatusUnprocessableEntity {
					t.Fatalf("field errors: got status %d, want 422", errStatus(err))
				}
			}
			return
		}
		if o, err := req.Organization.Resolve(pricing.DefaultRates()); err == nil {
			checkOrganization(t, o)
		} else {
			checkFieldErrors(t, asFieldErrors(t, err))
		}
		for _, in := range wls {
			if w, err := in.Resolve(); err == nil {
				checkWorkload(t, w)
			} else {
				checkFieldErrors(t, asFieldErrors(t, err))
			}
		}
	})
}

func FuzzPriceQuery(f *testing.F) {
	f.Add("provider=aws&region=us-east-1&vcpu=2&memory_gib=8&limit=20&page=2&sort=price")
	f.Add("term=forever&service=teleport&os=beos&sort=random")
	f.Add("vcpu=-1&memory_gib=1e309&limit=5000&page=0")
	f.Add("limit=0.5&vcpu=NaN")
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		filter, errs := priceQuery(q)
		checkFieldErrors(t, errs)
		if len(errs) > 0 {
			return
		}
		if filter.Limit < 1 || filter.Limit > maxPriceLimit || filter.Offset < 0 ||
			!inRange(filter.MinVCPU, 0, advisor.MaxVCPU) || !inRange(filter.MinMemory, 0, advisor.MaxMemoryGiB) ||
			(filter.Term != "" && !filter.Term.Valid()) || (filter.Service != "" && !filter.Service.Valid()) {
			t.Fatalf("accepted filter outside the limits: %+v", filter)
		}
	})
}

func FuzzWhatIf(f *testing.F) {
	p := "w-abc."
	f.Add(p + "users=40&" + p + "avg_cpu_utilization_pct=35&" + p + "commitment=1y&" + p + "currency=EUR")
	f.Add(p + "users=-1&" + p + "avg_memory_utilization_pct=101&" + p + "commitment=forever&" + p + "sizing=magic")
	f.Add(p + "engineer_hourly_cost=1e7&" + p + "users=x&" + p + "avg_cpu_utilization_pct=NaN")
	f.Fuzz(func(t *testing.T, body string) {
		fm, ok := formValues(body)
		if !ok {
			return
		}
		ov, errs := whatIfOverrides(fm, p)
		checkFieldErrors(t, errs)
		if len(errs) > 0 {
			return
		}
		pct := func(x *float64) bool { return x == nil || inRange(*x, 0, 100) }
		ok = (ov.Users == nil || inRange(float64(*ov.Users), 0, advisor.MaxUsers)) &&
			pct(ov.CPUUtilizationPct) && pct(ov.MemoryUtilizationPct) &&
			(ov.Commitment == nil || ov.Commitment.Valid()) && (ov.Sizing == nil || ov.Sizing.Valid()) &&
			(ov.HourlyRate == nil || !ov.HourlyRate.IsNegative() && ov.HourlyRate.IntPart() <= 1_000_000) &&
			(ov.Currency == nil || slices.Contains(advisor.Currencies, *ov.Currency))
		if !ok {
			t.Fatalf("accepted overrides outside the limits: %+v", ov)
		}
	})
}
