package server

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/a-h/templ"

	"cloudadvisor/i18n"
	"cloudadvisor/templates"
)

type ctxKey int

const requestIDKey ctxKey = iota

// RequestID returns the request's id, which logs and error pages show.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// statusWriter records the status code written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests gives each request an id and logs one line when it is done.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		b := make([]byte, 8)
		rand.Read(b)
		id := hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
		s.log.Info("request", "method", methodLabel(r.Method), "path", logPath(r), "status", sw.status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000, "request_id", id)
	})
}

// recoverPanics turns a panic into a logged 500 page.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.serverError(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// secureHeaders sets a strict Content-Security-Policy with a per-request
// nonce for inline scripts, and the other protective headers.
func (s *Server) secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 16)
		rand.Read(b)
		nonce := base64.StdEncoding.EncodeToString(b)
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-"+nonce+"'; style-src 'self'; "+
			"img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		lang := i18n.Match(langCookie(r), r.Header.Get("Accept-Language"))
		h.Set("Content-Language", lang)
		h.Add("Vary", "Accept-Language, Cookie")
		ctx := templates.WithNow(i18n.WithLang(templ.WithNonce(r.Context(), nonce), lang), s.now())
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// logPath is the request path as logs may keep it: a share link's token is a
// credential, so it is replaced by "[token]", and a path is cut at 256 bytes.
func logPath(r *http.Request) string {
	p := r.URL.Path
	if rest, ok := strings.CutPrefix(p, "/shared/"); ok {
		_, tail, _ := strings.Cut(rest, "/")
		p = "/shared/[token]"
		if tail != "" {
			p += "/" + tail
		}
	}
	if len(p) > 256 {
		p = p[:256] + "…"
	}
	return p
}
