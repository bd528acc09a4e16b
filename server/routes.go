package server

import (
	"net/http"

	"cloudadvisor/static"
)

// routes lists every route.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page(s.home))
	mux.HandleFunc("GET /assessments/new", s.page(s.newAssessment))
	mux.HandleFunc("POST /assessments", s.page(s.createAssessment))
	mux.HandleFunc("GET /assessments/{id}", s.page(s.showAssessment))

	mux.HandleFunc("POST /api/v1/assessments", s.api(s.apiCreateAssessment))
	mux.HandleFunc("GET /api/v1/assessments/{id}", s.api(s.apiGetAssessment))

	mux.Handle("GET "+static.Prefix, static.Handler())
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, static.Path("favicon.svg"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("/", s.page(s.notFound))
	return mux
}
