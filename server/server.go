// Package server is the HTTP adapter: pages rendered on the server with templ,
// the JSON API, sessions and middleware. Handlers are methods on Server, one
// file per resource; routes.go lists every route.
package server

import (
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/gorilla/sessions"

	"cloudadvisor/advisor"
)

// Options configure a Server.
type Options struct {
	Store        Store
	Rules        *advisor.Rules
	Log          *slog.Logger
	SessionKeys  [][]byte // newest first; older keys still verify cookies
	SecureCookie bool
	// TrustProxy makes X-Forwarded-Proto: https mark the cookie Secure (set it
	// only behind a proxy that sets the header itself).
	TrustProxy bool
	Now        func() time.Time
	// ExportCacheBytes is the memory budget of rendered exports kept for
	// repeated downloads: DefaultExportCacheBytes when 0, none when negative.
	ExportCacheBytes int64
}

// Server holds what every handler needs.
type Server struct {
	store    Store
	rules    *advisor.Rules
	log      *slog.Logger
	sessions *sessions.CookieStore
	now      func() time.Time
	metrics  *metrics
	// trustProxy: see Options.TrustProxy.
	trustProxy bool
	catalogs   catalogCache
	apiRate    *limiter
	formRate   *limiter
	exportRate *limiter
	// exports admits the report renderings that may run at once: each is
	// CPU-bound, so about one per two cores, the rest wait their turn.
	exports chan struct{}
	// exportCache keeps rendered exports per assessment revision.
	exportCache *exportCache
}

// New returns a Server.
func New(o Options) *Server {
	var pairs [][]byte
	for _, k := range o.SessionKeys {
		pairs = append(pairs, k, nil) // sign only: the cookie holds nothing but a random session id
	}
	cs := sessions.NewCookieStore(pairs...)
	// MaxAge sets the cookie's lifetime and the codecs' limit together: the
	// codecs' own default (30 days) would silently drop older sessions.
	cs.MaxAge(sessionMaxAge)
	cs.Options = &sessions.Options{Path: "/", MaxAge: sessionMaxAge, HttpOnly: true, Secure: o.SecureCookie,
		SameSite: http.SameSiteLaxMode}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.ExportCacheBytes == 0 {
		o.ExportCacheBytes = DefaultExportCacheBytes
	}
	s := &Server{store: o.Store, rules: o.Rules, log: o.Log, sessions: cs, now: o.Now, trustProxy: o.TrustProxy,
		exportCache: newExportCache(o.ExportCacheBytes)}
	s.metrics = newMetrics(s)
	// Per client: the API and state-changing form posts each get a bucket.
	// A person filling the questionnaire stays far below these; a script
	// hammering the API gets 429 with Retry-After.
	s.apiRate = newLimiter(20, 60, o.Now)
	s.formRate = newLimiter(10, 40, o.Now)
	// Exports (PDF, XLSX) cost far more than a page: a few a second each.
	s.exportRate = newLimiter(2, 10, o.Now)
	s.exports = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))
	return s
}

// Handler returns the routes wrapped in the middleware.
func (s *Server) Handler() http.Handler {
	var h http.Handler = s.metrics.measure(s.routes())
	h = http.NewCrossOriginProtection().Handler(h)
	h = s.secureHeaders(h)
	h = s.recoverPanics(h)
	h = s.logRequests(h)
	return h
}
