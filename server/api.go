package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/report"
)

// maxAPIBytes bounds an API request body: an assessment of
// advisor.MaxWorkloads workloads, each with every answer given and indented
// as a JSON library writes it, is about 38 MB (TestAPIBodyLimitFitsMaxWorkloads).
const maxAPIBytes = 48 << 20

// errBodyTooLarge is an API request body over maxAPIBytes.
var errBodyTooLarge = errors.New("request body too large")

// SchemaVersion is the version of the assessment JSON document; the JSON
// export carries the same document (see report.Document).
const SchemaVersion = report.SchemaVersion

// apiRequest is the body of POST /api/v1/assessments. Workloads are decoded
// one by one so that an error names the workload's index.
type apiRequest struct {
	Organization advisor.OrganizationInput `json:"organization"`
	Workloads    []json.RawMessage         `json:"workloads"`
}

// workloads decodes each workload, naming the index of a bad one.
func (req apiRequest) workloads() ([]advisor.WorkloadInput, error) {
	out := make([]advisor.WorkloadInput, len(req.Workloads))
	for i, raw := range req.Workloads {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := decodeError(dec.Decode(&out[i])); err != nil {
			var fe advisor.FieldErrors
			if errors.As(err, &fe) {
				return nil, fe.Prefix("workloads[" + strconv.Itoa(i) + "].")
			}
			var me *malformedError
			if errors.As(err, &me) {
				me.msg = "workloads[" + strconv.Itoa(i) + "]: " + me.msg
			}
			return nil, err
		}
	}
	return out, nil
}

// writeDocument sends the assessment document of the API (the report's
// Document, the same that report.json exports) with status, encoded one
// workload at a time. ?lines=false leaves every option's cost lines out, for
// large estates; any other value but "true" is a 422.
func (s *Server) writeDocument(w http.ResponseWriter, r *http.Request, status int, a advisor.Assessment) error {
	lines := true
	switch v := r.URL.Query().Get("lines"); v {
	case "", "true":
	case "false":
		lines = false
	default:
		return advisor.FieldErrors{{Field: "lines", Code: "one_of", Args: []string{"true, false"}}}
	}
	doc, err := s.reportOf(r.Context(), a)
	if err != nil {
		return err
	}
	if !lines {
		dropLines(doc)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := report.JSON(w, doc); err != nil {
		s.log.Warn("write assessment document", "err", err, "request_id", RequestID(r.Context()))
	}
	return nil
}

// dropLines leaves every option's cost lines out of the document, as
// report.WithoutLines does but in place: the options are the handler's own
// (a new assessment, or the store's copy of a saved one), so the 50,000
// workloads' options need not be copied.
func dropLines(d report.Document) {
	for _, w := range d.Workloads {
		for j := range w.Options {
			w.Options[j].Lines, w.Options[j].MigrationLines = nil, nil
		}
	}
}

// apiCreateAssessment assesses and saves the posted organisation and workloads.
func (s *Server) apiCreateAssessment(w http.ResponseWriter, r *http.Request) error {
	var req apiRequest
	if err := decodeJSON(w, r, &req); err != nil {
		return err
	}
	wls, err := req.workloads()
	if err != nil {
		return err
	}
	a, err := s.assess(r.Context(), req.Organization, wls)
	if err != nil {
		return err
	}
	if a.SessionID, err = s.sessionID(w, r, true); err != nil {
		return err
	}
	if err := s.stamp(r.Context(), &a, true); err != nil {
		return err
	}
	if err := s.store.CreateAssessment(r.Context(), &a); err != nil {
		return err
	}
	s.metrics.assessments.Inc()
	w.Header().Set("Location", "/api/v1/assessments/"+a.ID)
	return s.writeDocument(w, r, http.StatusCreated, a)
}

// apiGetAssessment returns a saved assessment.
func (s *Server) apiGetAssessment(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	return s.writeDocument(w, r, http.StatusOK, a)
}

// decodeJSON reads one JSON object into v. Syntax errors and unknown fields
// are malformed (400); a value of the wrong type, or a number too long to
// parse, names its field (422).
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	raw, err := readBody(w, r)
	if err != nil {
		return err
	}
	if err := checkJSONNumbers(raw); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err = decodeError(dec.Decode(v))
	if err == nil && dec.More() {
		return &malformedError{msg: "the body holds more than one JSON value"}
	}
	return err
}

// readBody reads the request body, refusing one over maxAPIBytes by its
// Content-Length before reading any of it, or else once the limit is read.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > maxAPIBytes {
		return nil, errBodyTooLarge
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength) + bytes.MinRead) // one allocation for a large body
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, maxAPIBytes))
	if isMaxBytes(err) {
		return nil, errBodyTooLarge
	}
	return buf.Bytes(), decodeError(err)
}

// decodeError classifies a JSON decoding error.
func decodeError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &mbe):
		return err
	case errors.As(err, &syn):
		return &malformedError{msg: fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, syn)}
	case errors.As(err, &typ) && typ.Field == "": // the whole value, not a field of it
		return &malformedError{msg: "want a JSON object, got " + typ.Value}
	case errors.As(err, &typ):
		return advisor.FieldErrors{{Field: typ.Field, Code: "type", Args: []string{typ.Value}}}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &malformedError{msg: "the body is empty or truncated JSON"}
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return &malformedError{msg: strings.TrimPrefix(err.Error(), "json: ")}
	}
	return &malformedError{msg: "the body is not valid JSON: " + err.Error()}
}

// errMethod is a request to an API path with a method it does not take.
var errMethod = errors.New("method not allowed")

// apiNoRoute answers API requests no route took: 405 with Allow when the path
// exists under other methods, else 404, both as JSON errors.
func (s *Server) apiNoRoute(w http.ResponseWriter, r *http.Request) error {
	var allow []string
	for _, rt := range s.apiRoutes() {
		probe := http.NewServeMux()
		probe.HandleFunc(rt.pattern, func(http.ResponseWriter, *http.Request) {})
		pr := http.Request{Method: "GET", URL: r.URL, Host: r.Host}
		if _, pat := probe.Handler(&pr); pat == rt.pattern {
			allow = append(allow, rt.method)
		}
	}
	if len(allow) == 0 {
		return advisor.ErrNotFound
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	return errMethod
}
