package server

import (
	"net/http"

	"github.com/gorilla/sessions"

	"cloudadvisor/advisor"
)

const sessionName = "advisor_session"

// sessionID returns the browser's session id, creating the session (and its
// cookie) when create is true and there is none. The cookie holds only the id;
// everything else lives in SQLite.
func (s *Server) sessionID(w http.ResponseWriter, r *http.Request, create bool) (string, error) {
	sess, _ := s.sessions.Get(r, sessionName) // a bad or old cookie gives a new, empty session
	if id, ok := sess.Values["id"].(string); ok && id != "" {
		// Re-issue a cookie more than a day old, so a session in use never
		// reaches its end: its 400 days count from the last visit.
		if issued, _ := sess.Values["issued"].(int64); w != nil && s.now().Unix()-issued > sessionRefresh {
			if err := s.saveSession(w, r, sess); err != nil {
				s.log.Warn("refresh session cookie", "err", err)
			}
		}
		return id, nil
	}
	if !create {
		return "", nil
	}
	id := advisor.NewID()
	sess.Values["id"] = id
	if err := s.saveSession(w, r, sess); err != nil {
		return "", err
	}
	return id, nil
}

// sessionMaxAge is how long a session cookie lives after its last refresh
// (400 days, the most browsers keep a cookie); sessionRefresh is how old a
// cookie must be to be re-issued on a visit (in seconds).
const (
	sessionMaxAge  = 400 * 24 * 3600
	sessionRefresh = 24 * 3600
)

// saveSession writes the session cookie with the time it was issued.
func (s *Server) saveSession(w http.ResponseWriter, r *http.Request, sess *sessions.Session) error {
	sess.Values["issued"] = s.now().Unix()
	opts := *s.sessions.Options
	opts.Secure = opts.Secure || s.overHTTPS(r)
	sess.Options = &opts
	return sess.Save(r, w)
}

// overHTTPS reports whether the client reached us over HTTPS: directly, or
// through a proxy we trust that says so in X-Forwarded-Proto.
func (s *Server) overHTTPS(r *http.Request) bool {
	return r.TLS != nil || (s.trustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}
