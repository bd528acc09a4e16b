package server

import (
	"net/http"

	"cloudadvisor/advisor"
)

const sessionName = "advisor_session"

// sessionID returns the browser's session id, creating the session (and its
// cookie) when create is true and there is none. The cookie holds only the id;
// everything else lives in SQLite.
func (s *Server) sessionID(w http.ResponseWriter, r *http.Request, create bool) (string, error) {
	sess, _ := s.sessions.Get(r, sessionName) // a bad or old cookie gives a new, empty session
	if id, ok := sess.Values["id"].(string); ok && id != "" {
		return id, nil
	}
	if !create {
		return "", nil
	}
	id := advisor.NewID()
	sess.Values["id"] = id
	opts := *s.sessions.Options
	opts.Secure = opts.Secure || s.overHTTPS(r)
	sess.Options = &opts
	if err := sess.Save(r, w); err != nil {
		return "", err
	}
	return id, nil
}

// overHTTPS reports whether the client reached us over HTTPS: directly, or
// through a proxy we trust that says so in X-Forwarded-Proto.
func (s *Server) overHTTPS(r *http.Request) bool {
	return r.TLS != nil || (s.trustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}
