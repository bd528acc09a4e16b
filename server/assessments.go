package server

import (
	"context"
	"errors"
	"net/http"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/sqlite"
	"cloudadvisor/templates"
)

// maxFormBytes bounds a questionnaire submission.
const maxFormBytes = 1 << 20

// newAssessment shows the questionnaire for one workload.
func (s *Server) newAssessment(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, templates.NewAssessmentPage(templates.FormView{}))
	return nil
}

// createAssessment validates the questionnaire, assesses the workload and
// saves the assessment; on bad input it shows the form again with 422.
func (s *Server) createAssessment(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return &malformedError{msg: "the form could not be read"}
	}
	f := &form{values: r.PostForm}
	org := f.organization("organization.")
	wl := f.workload("workloads[0].")
	a, err := s.assess(r.Context(), org, []advisor.WorkloadInput{wl})
	var fe advisor.FieldErrors
	errors.As(err, &fe)
	if len(f.errs) > 0 || len(fe) > 0 {
		all := append(f.errs, fe...)
		view := templates.FormView{Values: r.PostForm, Errors: fieldMessages(r.Context(), all)}
		s.render(w, r, http.StatusUnprocessableEntity, templates.NewAssessmentPage(view))
		return nil
	}
	if err != nil {
		return err
	}
	if a.SessionID, err = s.sessionID(w, r, true); err != nil {
		return err
	}
	if err := s.store.CreateAssessment(r.Context(), &a); err != nil {
		return err
	}
	http.Redirect(w, r, "/assessments/"+a.ID, http.StatusSeeOther)
	return nil
}

// assess resolves, recommends and prices, with the catalog of the
// organisation's geography.
func (s *Server) assess(ctx context.Context, org advisor.OrganizationInput, wls []advisor.WorkloadInput) (advisor.Assessment, error) {
	geo := "us-east"
	if org.Geography != nil && pricing.ValidGeography(*org.Geography) {
		geo = *org.Geography
	}
	cat, err := s.catalog(ctx, geo)
	if err != nil {
		return advisor.Assessment{}, err
	}
	return advisor.Assess(s.rules, cat, org, wls)
}

// catalog loads the active offers of the geography's regions and global ones.
func (s *Server) catalog(ctx context.Context, geography string) (*pricing.Catalog, error) {
	regions := map[string]string{}
	for _, p := range append(pricing.Providers, "heroku") {
		regions[p], _ = pricing.Region(geography, p)
	}
	offers, err := s.store.Offers(ctx, sqlite.OfferFilter{Regions: regions})
	if err != nil {
		return nil, err
	}
	return pricing.NewCatalog(offers), nil
}

// owned returns the assessment if it belongs to the request's session; any
// other session gets ErrNotFound, as for an id that does not exist.
func (s *Server) owned(w http.ResponseWriter, r *http.Request) (advisor.Assessment, error) {
	a, err := s.store.Assessment(r.Context(), r.PathValue("id"))
	if err != nil {
		return a, err
	}
	sid, err := s.sessionID(w, r, false)
	if err != nil {
		return a, err
	}
	if sid == "" || sid != a.SessionID {
		return advisor.Assessment{}, advisor.ErrNotFound
	}
	return a, nil
}

// showAssessment shows a saved assessment's recommendations and options.
func (s *Server) showAssessment(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.AssessmentPage(templates.AssessmentView{A: a}))
	return nil
}
