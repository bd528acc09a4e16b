package server

import (
	"net/http"

	"cloudadvisor/templates"
)

// listRules shows every rule in force with its condition, effects and reason.
func (s *Server) listRules(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, templates.RulesPage(templates.RulesView{Rules: s.rules.List(), Version: s.rules.Version()}))
	return nil
}
