package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"cloudadvisor/advisor"
	"cloudadvisor/templates"
)

// parseForm reads a bounded form body.
func parseForm(w http.ResponseWriter, r *http.Request) (*form, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, &malformedError{msg: "the form could not be read"}
	}
	return &form{values: r.PostForm}, nil
}

// invalid returns the field errors of a form and of a domain error, or nil
// when there are none and err is not a validation error.
func invalid(f *form, err error) advisor.FieldErrors {
	all := append(advisor.FieldErrors{}, f.errs...)
	var fe advisor.FieldErrors
	if errors.As(err, &fe) {
		all = append(all, fe...)
	}
	if len(all) == 0 {
		return nil
	}
	return all
}

// inputValues turns saved answers back into form values, so an edit form
// shows exactly what the user gave (and leaves empty what they left empty).
func inputValues(prefix string, in any) url.Values {
	b, _ := json.Marshal(in)
	var m map[string]any
	json.Unmarshal(b, &m)
	v := url.Values{}
	for k, x := range m {
		switch x := x.(type) {
		case nil:
		case float64:
			v.Set(prefix+k, strconv.FormatFloat(x, 'f', -1, 64))
		case bool:
			v.Set(prefix+k, strconv.FormatBool(x))
		case string:
			if k == "database_engine" && x == "" {
				x = "none"
			}
			v.Set(prefix+k, x)
		}
	}
	return v
}

// newAssessment shows step 1: the organisation.
func (s *Server) newAssessment(w http.ResponseWriter, r *http.Request) error {
	rates, err := s.rates(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.OrganizationPage(orgView(templates.OrganizationView{Action: "/assessments"}, rates)))
	return nil
}

// createAssessment saves step 1 and goes on to the first workload.
func (s *Server) createAssessment(w http.ResponseWriter, r *http.Request) error {
	f, err := parseForm(w, r)
	if err != nil {
		return err
	}
	rates, err := s.rates(r.Context())
	if err != nil {
		return err
	}
	a, err := advisor.NewDraft(s.rules, rates, f.organization("organization.", rates))
	if bad := invalid(f, err); bad != nil {
		view := templates.OrganizationView{Action: "/assessments", Form: templates.FormView{Values: r.PostForm, Errors: fieldMessages(r.Context(), bad)}}
		s.render(w, r, http.StatusUnprocessableEntity, templates.OrganizationPage(orgView(view, rates)))
		return nil
	}
	if a.SessionID, err = s.sessionID(w, r, true); err != nil {
		return err
	}
	if err := s.store.CreateAssessment(r.Context(), &a); err != nil {
		return err
	}
	s.metrics.assessments.Inc()
	http.Redirect(w, r, "/assessments/"+a.ID+"/workloads/new", http.StatusSeeOther)
	return nil
}

// editOrganization shows step 1 again with the saved answers.
func (s *Server) editOrganization(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	view := templates.OrganizationView{A: &a, Action: "/assessments/" + a.ID + "/organization",
		Form: templates.FormView{Values: orgValues(a.OrgInput)}}
	rates, err := s.rates(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.OrganizationPage(orgView(view, rates)))
	return nil
}

// updateOrganization saves step 1 and re-prices every workload.
func (s *Server) updateOrganization(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	f, err := parseForm(w, r)
	if err != nil {
		return err
	}
	rates, err := s.rates(r.Context())
	if err != nil {
		return err
	}
	in := f.organization("organization.", rates)
	cat, err := s.catalogFor(r.Context(), in.Geography)
	if err != nil {
		return err
	}
	err = a.SetOrganization(s.rules, cat, in)
	if bad := invalid(f, err); bad != nil {
		view := templates.OrganizationView{A: &a, Action: "/assessments/" + a.ID + "/organization",
			Form: templates.FormView{Values: r.PostForm, Errors: fieldMessages(r.Context(), bad)}}
		s.render(w, r, http.StatusUnprocessableEntity, templates.OrganizationPage(orgView(view, rates)))
		return nil
	}
	if err := s.stamp(r.Context(), &a, true); err != nil {
		return err
	}
	if err := s.store.UpdateAssessment(r.Context(), &a); err != nil {
		return err
	}
	http.Redirect(w, r, "/assessments/"+a.ID+"/workloads", http.StatusSeeOther)
	return nil
}
