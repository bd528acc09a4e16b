package server

import (
	"net/http"

	"cloudadvisor/templates"
)

// home explains what the app does and starts an assessment.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, templates.HomePage())
	return nil
}
