package server

import (
	"net/http"

	"cloudadvisor/advisor"
	"cloudadvisor/templates"
)

// optionLines shows one option's cost lines: the fragment an expanded row
// asks for (htmx), or a page of their own without JavaScript.
func (s *Server) optionLines(w http.ResponseWriter, r *http.Request) error {
	a, aw, err := s.ownedWorkload(w, r)
	if err != nil {
		return err
	}
	for _, o := range aw.Options {
		if templates.OptionID(o) == r.PathValue("option") {
			if r.Header.Get("HX-Request") == "true" {
				s.render(w, r, http.StatusOK, templates.CostLines(o))
			} else {
				s.render(w, r, http.StatusOK, templates.CostLinesPage(a, aw, o))
			}
			return nil
		}
	}
	return advisor.ErrNotFound
}
