package server

import (
	"net/http"
	"net/url"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/templates"
)

// workloadPrefix names the workload form's fields: workload.vcpu, ...
const workloadPrefix = "workload."

// listWorkloads shows step 2: the workloads, to add, edit, duplicate or remove.
func (s *Server) listWorkloads(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.WorkloadsPage(templates.WorkloadsView{A: a, Removed: r.URL.Query().Get("removed")}))
	return nil
}

// confirmDeleteWorkload asks before a workload is removed: what goes with
// it, and a way back. The list's Remove leads here; the form posts to delete.
func (s *Server) confirmDeleteWorkload(w http.ResponseWriter, r *http.Request) error {
	a, aw, err := s.ownedWorkload(w, r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.RemoveWorkloadPage(templates.RemoveWorkloadView{A: a, W: aw}))
	return nil
}

// newWorkload shows an empty workload form.
func (s *Server) newWorkload(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	view := templates.WorkloadFormView{A: a, Action: "/assessments/" + a.ID + "/workloads"}
	s.render(w, r, http.StatusOK, templates.WorkloadFormPage(view))
	return nil
}

// addWorkload saves a new workload; "add another" comes back to an empty form.
func (s *Server) addWorkload(w http.ResponseWriter, r *http.Request) error {
	return s.saveWorkload(w, r, "")
}

// editWorkload shows a saved workload's answers.
func (s *Server) editWorkload(w http.ResponseWriter, r *http.Request) error {
	a, aw, err := s.ownedWorkload(w, r)
	if err != nil {
		return err
	}
	vals := inputValues(workloadPrefix, aw.Input)
	if aw.Input.InUse == nil {
		// Left unanswered (the API, an inventory file) means in use: the
		// switch must not show off, or saving the form would retire it.
		vals.Set(workloadPrefix+"in_use", "true")
	}
	view := templates.WorkloadFormView{A: a, Editing: aw.ID, Action: "/assessments/" + a.ID + "/workloads/" + aw.ID,
		Form: templates.FormView{Values: vals}}
	s.render(w, r, http.StatusOK, templates.WorkloadFormPage(view))
	return nil
}

// updateWorkload saves a workload's changed answers.
func (s *Server) updateWorkload(w http.ResponseWriter, r *http.Request) error {
	return s.saveWorkload(w, r, r.PathValue("wid"))
}

// saveWorkload validates the form and adds (id "") or updates a workload;
// bad input comes back with 422 and nothing saved.
func (s *Server) saveWorkload(w http.ResponseWriter, r *http.Request, id string) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	f, err := parseForm(w, r)
	if err != nil {
		return err
	}
	in := f.workload(workloadPrefix)
	cat, err := s.catalogFor(r.Context(), &a.Organization.Geography)
	if err != nil {
		return err
	}
	action := "/assessments/" + a.ID + "/workloads"
	if id == "" {
		err = a.AddWorkload(s.rules, cat, in)
	} else {
		action += "/" + id
		err = a.UpdateWorkload(s.rules, cat, id, in)
	}
	if bad := invalid(f, err); bad != nil {
		bad = prefixBare(bad, workloadPrefix)
		view := templates.WorkloadFormView{A: a, Editing: id, Action: action,
			Form: templates.FormView{Values: r.PostForm, Errors: fieldMessages(r.Context(), bad)}}
		s.render(w, r, http.StatusUnprocessableEntity, templates.WorkloadFormPage(view))
		return nil
	} else if err != nil {
		return err
	}
	if err := s.stamp(r.Context(), &a, false); err != nil {
		return err
	}
	if err := s.store.UpdateAssessment(r.Context(), &a); err != nil {
		return err
	}
	next := "/assessments/" + a.ID + "/workloads"
	if r.PostForm.Get("then") == "add" {
		next += "/new"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// prefixBare prefixes the errors the domain named without the form's prefix.
func prefixBare(errs advisor.FieldErrors, prefix string) advisor.FieldErrors {
	out := make(advisor.FieldErrors, len(errs))
	for i, e := range errs {
		if len(e.Field) < len(prefix) || e.Field[:len(prefix)] != prefix {
			e.Field = prefix + e.Field
		}
		out[i] = e
	}
	return out
}

// duplicateWorkload copies a workload right after itself.
func (s *Server) duplicateWorkload(w http.ResponseWriter, r *http.Request) error {
	return s.changeWorkloads(w, r, func(a *advisor.Assessment, cat *pricing.Catalog) error {
		return a.DuplicateWorkload(cat, r.PathValue("wid"))
	})
}

// deleteWorkload removes a workload.
func (s *Server) deleteWorkload(w http.ResponseWriter, r *http.Request) error {
	var name string
	return s.changeWorkloadsThen(w, r, func(a *advisor.Assessment, cat *pricing.Catalog) error {
		aw, err := a.Workload(r.PathValue("wid"))
		if err != nil {
			return err
		}
		name = aw.Workload.Name
		return a.RemoveWorkload(cat, aw.ID)
	}, func(id string) string {
		return "/assessments/" + id + "/workloads?" + url.Values{"removed": {name}}.Encode()
	})
}

func (s *Server) changeWorkloads(w http.ResponseWriter, r *http.Request, change func(*advisor.Assessment, *pricing.Catalog) error) error {
	return s.changeWorkloadsThen(w, r, change, func(id string) string { return "/assessments/" + id + "/workloads" })
}

// changeWorkloadsThen saves a change to the workloads and redirects to next(assessment id).
func (s *Server) changeWorkloadsThen(w http.ResponseWriter, r *http.Request, change func(*advisor.Assessment, *pricing.Catalog) error, next func(string) string) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	cat, err := s.catalogFor(r.Context(), &a.Organization.Geography)
	if err != nil {
		return err
	}
	if err := change(&a, cat); err != nil {
		return err
	}
	if err := s.stamp(r.Context(), &a, false); err != nil {
		return err
	}
	if err := s.store.UpdateAssessment(r.Context(), &a); err != nil {
		return err
	}
	http.Redirect(w, r, next(a.ID), http.StatusSeeOther)
	return nil
}
