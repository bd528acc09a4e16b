package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/templates"
)

// errStatus maps domain errors to HTTP status codes, in one place.
func errStatus(err error) int {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, advisor.ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, errMalformed):
		return http.StatusBadRequest
	case errors.Is(err, advisor.ErrInvalid):
		return http.StatusUnprocessableEntity
	case errors.Is(err, advisor.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, advisor.ErrStorage):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errMalformed marks a request body that could not be decoded at all.
var errMalformed = errors.New("malformed request")

// page adapts a handler that returns an error to one error page.
func (s *Server) page(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.errorPage(w, r, err)
		}
	}
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	status := errStatus(err)
	if status >= 500 {
		s.serverError(w, r, err)
		return
	}
	s.renderStatus(w, r, status)
}

// renderStatus shows the friendly page for a 4xx status.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int) {
	s.render(w, r, status, templates.ErrorPage(templates.ErrorView{Status: status, RequestID: RequestID(r.Context())}))
}

// serverError logs the error once and shows a page without its text: 503
// when the database cannot be written (nothing was changed, reads go on),
// else 500.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("server error", "method", r.Method, "path", r.URL.Path, "err", err, "request_id", RequestID(r.Context()))
	status := http.StatusInternalServerError
	if errStatus(err) == http.StatusServiceUnavailable {
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "60")
	}
	view := templates.ErrorView{Status: status, RequestID: RequestID(r.Context())}
	var buf bytes.Buffer
	if templates.ErrorPage(view).Render(r.Context(), &buf) != nil {
		http.Error(w, i18n.Tc(r.Context(), "error."+strconv.Itoa(status)+".title"), status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// render writes a component with a status, rendering into a buffer first so a
// template failure still gives a proper error page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	var buf bytes.Buffer
	if err := c.Render(r.Context(), &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// notFound is the friendly 404 page for unknown paths.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return advisor.ErrNotFound
}

// apiError is the JSON error body.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Field   string     `json:"field,omitempty"`
	Message string     `json:"message"`
	Fields  []apiField `json:"fields,omitempty"`
}

type apiField struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// api adapts a JSON handler: errors become a JSON error body.
func (s *Server) api(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status := errStatus(err)
		body := apiError{Error: apiErrorBody{Message: i18n.Tc(r.Context(), statusKey(status))}}
		var fe advisor.FieldErrors
		var me *malformedError
		switch {
		case errors.As(err, &fe):
			for _, f := range fe {
				body.Error.Fields = append(body.Error.Fields, apiField{f.Field, fieldMessage(r.Context(), f)})
			}
			body.Error.Field, body.Error.Message = fe[0].Field, body.Error.Fields[0].Message
		case errors.As(err, &me):
			body.Error.Message = me.msg
		case status >= 500:
			if status == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", "60")
			}
			s.log.Error("server error", "method", r.Method, "path", r.URL.Path, "err", err, "request_id", RequestID(r.Context()))
		}
		writeJSON(w, status, body)
	}
}

// malformedError is a body that is not the JSON expected; msg says where.
type malformedError struct{ msg string }

func (e *malformedError) Error() string   { return e.msg }
func (e *malformedError) Is(t error) bool { return t == errMalformed }

func statusKey(status int) string {
	switch status {
	case 400, 404, 413, 422, 503:
		return "error.status." + strconv.Itoa(status)
	}
	return "error.status.500"
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
