package server

import (
	"net/http"
	"slices"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/templates"
)

// whatIf re-prices one workload with the user's changes (seats, utilisation,
// commitment, hourly rate, currency) without saving anything. An htmx request
// gets the workload's comparison fragment; a plain form post the whole page.
func (s *Server) whatIf(w http.ResponseWriter, r *http.Request) error {
	a, aw, err := s.ownedWorkload(w, r)
	if err != nil {
		return err
	}
	f, err := parseForm(w, r)
	if err != nil {
		return err
	}
	ov, bad := whatIfOverrides(f, templates.WhatIfPrefix(aw.ID))
	status := http.StatusOK
	if len(bad) > 0 {
		status = http.StatusUnprocessableEntity
	} else if aw.Recommendation.Model != advisor.Retire {
		cat, err := s.catalogFor(r.Context(), &a.Organization.Geography)
		if err != nil {
			return err
		}
		need := advisor.NeedFor(aw.Workload, a.Organization, aw.Recommendation)
		aw.Options = pricing.WhatIf(need, cat, a.Organization.Settings(), ov)
		advisor.MarkRecommended(aw.Options, pricing.Model(aw.Recommendation.Model))
		advisor.MarkRuledOut(aw.Options, aw.Recommendation.Excluded)
		a = withWorkload(a, aw)
	}
	i := slices.IndexFunc(a.Workloads, func(w advisor.Assessed) bool { return w.ID == aw.ID })
	view := resultView(a, i18n.Lang(r.Context()), pagerAt(i, len(a.Workloads), "/assessments/"+a.ID))
	view.WhatIf = templates.WhatIfView{Workload: aw.ID, Form: templates.FormView{Values: r.PostForm,
		Errors: fieldMessages(r.Context(), bad)}}
	if r.Header.Get("HX-Request") == "true" {
		if status == http.StatusOK {
			s.render(w, r, status, templates.WhatIfResult(view, aw))
		} else {
			s.render(w, r, status, templates.Comparison(view, aw))
		}
		return nil
	}
	s.render(w, r, status, templates.AssessmentPage(view))
	return nil
}

// withWorkload returns the assessment with one workload replaced, leaving
// the original's workload list untouched.
func withWorkload(a advisor.Assessment, aw advisor.Assessed) advisor.Assessment {
	a.Workloads = slices.Clone(a.Workloads)
	for i := range a.Workloads {
		if a.Workloads[i].ID == aw.ID {
			a.Workloads[i] = aw
		}
	}
	return a
}

// whatIfOverrides decodes the what-if form; empty fields change nothing.
func whatIfOverrides(f *form, p string) (pricing.Overrides, advisor.FieldErrors) {
	var ov pricing.Overrides
	var bad advisor.FieldErrors
	if ov.Users = f.int(p + "users"); ov.Users != nil && (*ov.Users < 0 || *ov.Users > advisor.MaxUsers) {
		bad = append(bad, advisor.FieldError{Field: p + "users", Code: "range", Args: []string{"0", "10000000"}})
	}
	for _, u := range []struct {
		name string
		dst  **float64
	}{{"avg_cpu_utilization_pct", &ov.CPUUtilizationPct}, {"avg_memory_utilization_pct", &ov.MemoryUtilizationPct}} {
		if *u.dst = f.float(p + u.name); *u.dst != nil && !(**u.dst >= 0 && **u.dst <= 100) {
			bad = append(bad, advisor.FieldError{Field: p + u.name, Code: "range", Args: []string{"0", "100"}})
		}
	}
	if c := f.str(p + "commitment"); c != nil {
		cm := pricing.Commitment(*c)
		if !cm.Valid() {
			bad = append(bad, advisor.FieldError{Field: p + "commitment", Code: "one_of", Args: pricing.CommitmentNames()})
		}
		ov.Commitment = &cm
	}
	if sz := f.str(p + "sizing"); sz != nil {
		m := pricing.SizingMode(*sz)
		if !m.Valid() {
			bad = append(bad, advisor.FieldError{Field: p + "sizing", Code: "one_of", Args: advisor.Sizings})
		}
		ov.Sizing = &m
	}
	if ov.HourlyRate = f.decimal(p + "engineer_hourly_cost"); ov.HourlyRate != nil && (ov.HourlyRate.IsNegative() || ov.HourlyRate.IntPart() > 1_000_000) {
		bad = append(bad, advisor.FieldError{Field: p + "engineer_hourly_cost", Code: "range", Args: []string{"0", "1000000"}})
	}
	if c := f.str(p + "currency"); c != nil {
		if !slices.Contains(advisor.Currencies, *c) {
			bad = append(bad, advisor.FieldError{Field: p + "currency", Code: "one_of", Args: advisor.Currencies})
		}
		ov.Currency = c
	}
	return ov, append(f.errs, bad...)
}
