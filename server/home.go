package server

import (
	"cloudadvisor/i18n"
	"net/http"

	"cloudadvisor/templates"
)

// home explains what the app does, starts an assessment and lists the
// session's assessments so the user can carry on where they left off.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	var view templates.HomeView
	sid, err := s.sessionID(w, r, false)
	if err != nil {
		return err
	}
	if sid != "" {
		list, err := s.store.Assessments(r.Context(), sid)
		if err != nil {
			return err
		}
		for _, a := range list {
			view.Assessments = append(view.Assessments, templates.Summary{ID: a.ID, Organization: a.Organization,
				Workloads: a.Workloads, Updated: i18n.DateTime(i18n.Lang(r.Context()), a.UpdatedAt)})
		}
	}
	s.render(w, r, http.StatusOK, templates.HomePage(view))
	return nil
}
