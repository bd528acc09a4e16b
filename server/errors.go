package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/inventory"
	"cloudadvisor/templates"
)

// errorKinds is the one table from errors to what the user gets: the HTTP
// status and, for errors that are the request's fault, the message key (and
// its arguments) that says what was wrong. Pages, the JSON API, share links
// and uploads all answer through it.
var errorKinds = []struct {
	match  func(error) bool
	status int
	key    string                             // message key; "" uses the status's generic message
	keyOf  func(error) string                 // message key from the error, when key is ""
	args   func(context.Context, error) []any // arguments of the key
	field  string                             // the request field at fault, for the JSON body
}{
	{match: is(advisor.ErrNotFound), status: http.StatusNotFound},
	{match: is(errGone), status: http.StatusGone, key: "error.410.text"},
	{match: is(errBodyTooLarge), status: http.StatusRequestEntityTooLarge, key: "error.body_too_large",
		args: func(context.Context, error) []any { return []any{maxAPIBytes >> 20} }},
	{match: isMaxBytes, status: http.StatusRequestEntityTooLarge, key: "inventory.error.too_large",
		args: func(context.Context, error) []any { return []any{inventoryOptions.MaxBytes >> 20} }, field: "file"},
	{match: isLimit(http.StatusRequestEntityTooLarge), status: http.StatusRequestEntityTooLarge, keyOf: limitKey, args: limitArgs, field: "file"},
	{match: isLimit(http.StatusUnprocessableEntity), status: http.StatusUnprocessableEntity, keyOf: limitKey, args: limitArgs, field: "file"},
	{match: is(inventory.ErrTooLarge), status: http.StatusRequestEntityTooLarge, key: "inventory.error.too_large",
		args: func(context.Context, error) []any { return []any{inventoryOptions.MaxBytes >> 20} }, field: "file"},
	{match: is(inventory.ErrTooManyRows), status: http.StatusUnprocessableEntity, key: "inventory.error.too_many_rows",
		args: func(context.Context, error) []any { return []any{inventoryOptions.MaxRows} }, field: "file"},
	{match: is(inventory.ErrNotInventory), status: http.StatusUnprocessableEntity, key: "inventory.error.not_inventory",
		args: func(ctx context.Context, _ error) []any { return []any{formatList(ctx)} }, field: "file"},
	{match: is(inventory.ErrUnreadable), status: http.StatusUnprocessableEntity, key: "inventory.error.unreadable", field: "file"},
	{match: is(errNoFile), status: http.StatusUnprocessableEntity, key: "inventory.error.no_file", field: "file"},
	{match: tooManyWorkloads, status: http.StatusUnprocessableEntity, key: "inventory.error.too_many_workloads",
		args: func(context.Context, error) []any { return []any{advisor.MaxWorkloads} }, field: "workloads"},
	{match: quota("staged_bytes"), status: http.StatusRequestEntityTooLarge, key: "error.quota.staged_bytes",
		args: quotaLimit(20), field: "file"},
	{match: quota("assessments"), status: http.StatusUnprocessableEntity, key: "error.quota.assessments",
		args: quotaLimit(0)},
	{match: quota("staged_total"), status: http.StatusServiceUnavailable, key: "error.quota.staged_total", field: "file"},
	{match: isParam(true), status: http.StatusBadRequest, key: "error.param.malformed", args: paramArgs},
	{match: isParam(false), status: http.StatusUnprocessableEntity, key: "error.param.range", args: paramArgs},
	{match: is(errMalformed), status: http.StatusBadRequest},
	{match: is(errMethod), status: http.StatusMethodNotAllowed},
	{match: is(advisor.ErrInvalid), status: http.StatusUnprocessableEntity},
	{match: is(advisor.ErrConflict), status: http.StatusConflict},
	{match: is(errTooManyRequests), status: http.StatusTooManyRequests},
	{match: is(advisor.ErrStorage), status: http.StatusServiceUnavailable},
	{match: is(advisor.ErrBusy), status: http.StatusServiceUnavailable},
}

func is(target error) func(error) bool { return func(err error) bool { return errors.Is(err, target) } }

func isMaxBytes(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// tooManyWorkloads is an import or a request that would take an assessment
// past advisor.MaxWorkloads.
func tooManyWorkloads(err error) bool {
	var fe advisor.FieldErrors
	return errors.As(err, &fe) && len(fe) > 0 && fe[0].Code == "too_many"
}

// quota matches an advisor.QuotaError of one kind.
func quota(what string) func(error) bool {
	return func(err error) bool {
		var qe *advisor.QuotaError
		return errors.As(err, &qe) && qe.What == what
	}
}

// quotaLimit is the quota's limit as an argument, shifted right by shift
// bits (20 for MiB).
func quotaLimit(shift uint) func(context.Context, error) []any {
	return func(_ context.Context, err error) []any {
		var qe *advisor.QuotaError
		errors.As(err, &qe)
		return []any{qe.Limit >> shift}
	}
}

// errTooManyRequests is a client over its rate limit.
var errTooManyRequests = errors.New("too many requests")

// errStatus maps an error to its HTTP status through errorKinds: 500 for
// anything not in the table.
func errStatus(err error) int {
	for _, k := range errorKinds {
		if k.match(err) {
			return k.status
		}
	}
	return http.StatusInternalServerError
}

// errMessage is what the user reads about err in the request's language, and
// the field at fault where there is one. Errors outside the table, and
// server errors, get the status's generic message and never their own text.
func errMessage(ctx context.Context, err error) (field, msg string) {
	field, msg, status := errOwnMessage(ctx, err)
	if msg == "" {
		msg = i18n.Tc(ctx, statusKey(status))
	}
	return field, msg
}

// errOwnMessage is errMessage without the fallback: msg is "" when the
// error has no message of its own, only its status's.
func errOwnMessage(ctx context.Context, err error) (field, msg string, status int) {
	for _, k := range errorKinds {
		if !k.match(err) {
			continue
		}
		key := k.key
		if k.keyOf != nil {
			key = k.keyOf(err)
		}
		if key == "" {
			return k.field, "", k.status
		}
		var args []any
		if k.args != nil {
			args = k.args(ctx, err)
		}
		return k.field, i18n.Tc(ctx, key, args...), k.status
	}
	return "", "", http.StatusInternalServerError
}

// retryAfter is the Retry-After of a 503: a locked database frees up in
// seconds, a full or read-only disk needs an administrator.
func retryAfter(err error) string {
	if errors.Is(err, advisor.ErrBusy) {
		return "5"
	}
	return "60"
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
	_, msg, _ := errOwnMessage(r.Context(), err)
	s.render(w, r, status, templates.ErrorPage(templates.ErrorView{Status: status, Message: msg, RequestID: RequestID(r.Context())}))
}

// renderStatus shows the friendly page for a 4xx status.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int) {
	s.render(w, r, status, templates.ErrorPage(templates.ErrorView{Status: status, RequestID: RequestID(r.Context())}))
}

// serverError logs the error once and shows a page without its text: 503
// when the database cannot be written (nothing was changed, reads go on),
// else 500.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("server error", "method", methodLabel(r.Method), "path", logPath(r), "err", err, "request_id", RequestID(r.Context()))
	status := http.StatusInternalServerError
	if errStatus(err) == http.StatusServiceUnavailable {
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", retryAfter(err))
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
		var body apiError
		body.Error.Field, body.Error.Message = errMessage(r.Context(), err)
		var fe advisor.FieldErrors
		var me *malformedError
		switch {
		case errors.As(err, &fe) && !tooManyWorkloads(err):
			for _, f := range fe {
				body.Error.Fields = append(body.Error.Fields, apiField{f.Field, fieldMessage(r.Context(), f)})
			}
			body.Error.Field, body.Error.Message = fe[0].Field, body.Error.Fields[0].Message
		case errors.As(err, &me):
			body.Error.Message = me.msg
		case status >= 500:
			if status == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", retryAfter(err))
			}
			s.log.Error("server error", "method", methodLabel(r.Method), "path", logPath(r), "err", err, "request_id", RequestID(r.Context()))
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
	case 400, 404, 405, 410, 413, 422, 429, 503:
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
