package server

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/templates"
)

// bulkEdit sets one answer of the selected workloads (or of every workload
// on the list's page) and goes back to the list. A bad value comes back with
// 422 and its message, and nothing changes.
func (s *Server) bulkEdit(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	f, err := parseForm(w, r)
	if err != nil {
		return err
	}
	back := bulkBack(a.ID, f.get("back"))
	ids := r.PostForm["ids"]
	if f.get("all") == "page" {
		ids = r.PostForm["page_ids"]
	}
	field, value := f.get("field"), f.get("value")
	var msg string
	switch {
	case len(ids) == 0:
		msg = i18n.Tc(r.Context(), "bulk.none_selected")
	case !slices.Contains(templates.BulkFields, field):
		msg = i18n.Tc(r.Context(), "bulk.bad_field")
	default:
		cat, err := s.catalogFor(r.Context(), &a.Organization.Geography)
		if err != nil {
			return err
		}
		err = a.SetField(s.rules, cat, ids, field, value)
		var fe advisor.FieldErrors
		switch {
		case errors.As(err, &fe) && len(fe) > 0:
			msg = fieldMessage(r.Context(), fe[0])
		case err != nil:
			return err
		}
	}
	if msg != "" {
		return s.refuseBulk(w, r, back, msg)
	}
	if err := s.stamp(r.Context(), &a, false); err != nil {
		return err
	}
	if err := s.store.UpdateAssessment(r.Context(), &a); err != nil {
		return err
	}
	http.Redirect(w, r, withChanged(back, len(ids)), http.StatusSeeOther)
	return nil
}

// withChanged adds to the list's URL how many workloads were changed, which
// the list then says.
func withChanged(back string, n int) string {
	u, _ := url.Parse(back) // bulkBack made it
	q := u.Query()
	q.Set("changed", strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return u.String()
}

// refuseBulk shows the list the edit came from with the message; the
// assessment is reloaded so the page shows what is saved.
func (s *Server) refuseBulk(w http.ResponseWriter, r *http.Request, back, msg string) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	u, _ := url.Parse(back)
	list := r.Clone(r.Context())
	list.URL = u
	v, err := estateView(a, list)
	if err != nil {
		return err
	}
	v.BulkError = msg
	v.Bulk = templates.FormView{Values: r.PostForm}
	s.render(w, r, http.StatusUnprocessableEntity, templates.EstatePage(v))
	return nil
}

// bulkBack is the list to go back to: the posted one when it is this
// assessment's estate page, else the estate overview.
func bulkBack(id, back string) string {
	base := "/assessments/" + id + "/estate"
	u, err := url.Parse(back)
	if err != nil || u.Scheme != "" || u.Host != "" || (u.Path != base) || strings.Contains(back, "\\") {
		return base
	}
	return u.String()
}
