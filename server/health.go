package server

import "net/http"

// healthz answers 200 while the process is up.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// readyz answers 200 when the database answers and a catalog is loaded, so a
// load balancer sends traffic only to an instance that can price.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ping(r.Context()); err != nil {
		s.log.Error("readyz: database", "err", err)
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	versions, err := s.store.CatalogVersions(r.Context())
	if err != nil || len(versions) == 0 {
		http.Error(w, "no price catalog loaded", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ready\n"))
}
