package server

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/inventory"
)

// apiImportResult is the body of POST /api/v1/assessments/{id}/inventory.
type apiImportResult struct {
	Format    string             `json:"format"`
	File      string             `json:"file"`
	Stats     apiImportStats     `json:"stats"`
	Added     int                `json:"added"`
	Updated   int                `json:"updated"`
	Unchanged int                `json:"unchanged"`
	Problems  []apiImportProblem `json:"problems"`
	Refused   []apiRefusal       `json:"refused"`
}

type apiImportStats struct {
	Read     int `json:"read"`
	Imported int `json:"imported"`
	Skipped  int `json:"skipped"`
}

type apiImportProblem struct {
	Line   int    `json:"line"`
	Column string `json:"column"`
	Value  string `json:"value"`
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

type apiRefusal struct {
	Line   int        `json:"line"`
	Errors []apiField `json:"errors"`
}

// apiImportInventory imports a file at once, without a preview: the body is
// the file itself (or a multipart form's file part); its name comes from
// ?name=, the Content-Disposition header or the part. A refused file gets a
// JSON error with 413 or 422 and changes nothing.
func (s *Server) apiImportInventory(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	res, name, err := s.readAPIInventory(w, r)
	if err != nil {
		return err // the error table answers 413 or 422 on field file
	}
	cat, err := s.catalogFor(r.Context(), &a.Organization.Geography)
	if err != nil {
		return err
	}
	sum, err := a.Import(s.rules, cat, importRows(res.Rows))
	if err != nil {
		return err // the error table: too many workloads is 422 on field workloads
	}
	if err := s.stamp(r.Context(), &a, false); err != nil {
		return err
	}
	if err := s.store.UpdateAssessment(r.Context(), &a); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, apiImportResultOf(r, res, name, sum))
	return nil
}

func apiImportResultOf(r *http.Request, res inventory.Result, name string, sum advisor.ImportSummary) apiImportResult {
	out := apiImportResult{Format: string(res.Format), File: name, Added: sum.Added, Updated: sum.Updated,
		Unchanged: sum.Unchanged, Stats: apiImportStats{res.Stats.Read, res.Stats.Imported, res.Stats.Skipped},
		Problems: []apiImportProblem{}, Refused: []apiRefusal{}}
	for _, p := range res.Problems {
		out.Problems = append(out.Problems, apiImportProblem{p.Line, p.Column, p.Value, p.Code, problemText(r.Context(), p)})
	}
	for _, ref := range sum.Refused {
		rf := apiRefusal{Line: ref.Line}
		for _, fe := range ref.Errors {
			rf.Errors = append(rf.Errors, apiField{fe.Field, fieldMessage(r.Context(), fe)})
		}
		out.Refused = append(out.Refused, rf)
	}
	return out
}

// readAPIInventory reads and parses the posted file.
func (s *Server) readAPIInventory(w http.ResponseWriter, r *http.Request) (inventory.Result, string, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		return s.parseUpload(w, r)
	}
	if r.ContentLength > maxInventoryBody {
		return inventory.Result{}, "", &http.MaxBytesError{Limit: maxInventoryBody}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, inventoryOptions.MaxBytes+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return inventory.Result{}, "", err
		}
		return inventory.Result{}, "", &malformedError{msg: "the body could not be read"}
	}
	if len(body) == 0 {
		return inventory.Result{}, "", errNoFile
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil {
			name = params["filename"]
		}
	}
	name = baseFileName(strings.TrimSpace(name))
	res, err := inventory.Parse(bytes.NewReader(body), int64(len(body)), name, inventoryOptions)
	return res, name, err
}
