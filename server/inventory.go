package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/inventory"
	"cloudadvisor/templates"
)

// inventoryOptions are the limits of an upload: inventory's defaults.
var inventoryOptions = inventory.Options{MaxRows: inventory.DefaultMaxRows, MaxBytes: inventory.DefaultMaxBytes}

// maxInventoryBody bounds an upload: the file limit plus room for the
// multipart envelope, so that a file just under the limit still gets through
// to Parse, which names the limit.
const maxInventoryBody = inventory.DefaultMaxBytes + 1<<20

// multipartMemory is how much of an upload is kept in memory; the rest of a
// larger file is spooled to a temporary file.
const multipartMemory = 16 << 20

// bigAssessment is the size beyond which an import lands on the estate
// overview rather than the full result page.
const bigAssessment = 50

// showInventoryUpload shows the upload form.
func (s *Server) showInventoryUpload(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.InventoryUploadPage(uploadView(a)))
	return nil
}

func uploadView(a advisor.Assessment) templates.InventoryUploadView {
	v := templates.InventoryUploadView{A: a, MaxMB: inventoryOptions.MaxBytes >> 20, MaxRows: inventoryOptions.MaxRows}
	for _, f := range inventory.Formats {
		v.Formats = append(v.Formats, string(f))
	}
	return v
}

// inventoryTemplate downloads our CSV template.
func (s *Server) inventoryTemplate(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="cloudadvisor-inventory-template.csv"`)
	w.Write(inventory.Template())
	return nil
}

// uploadInventory parses the posted file and stages it for the preview. A
// file that is refused comes back with its message (413 or 422) and nothing
// stored; rows with problems do not refuse the file.
func (s *Server) uploadInventory(w http.ResponseWriter, r *http.Request) error {
	a, err := s.owned(w, r)
	if err != nil {
		return err
	}
	res, name, err := s.parseUpload(w, r)
	if err != nil {
		return s.refuseUpload(w, r, a, err)
	}
	st := advisor.StagedImport{AssessmentID: a.ID, FileName: name, Format: string(res.Format), Rows: importRows(res.Rows)}
	if st.Problems, err = json.Marshal(nonNilProblems(res.Problems)); err != nil {
		return err
	}
	if st.Stats, err = json.Marshal(stagedStatsOf(res)); err != nil {
		return err
	}
	if err := s.store.StageImport(r.Context(), &st); err != nil {
		return err
	}
	s.redirect(w, r, inventoryURL(a.ID)+"/"+st.ID)
	return nil
}

// redirect sends a plain request on with 303 and an htmx one with
// HX-Redirect, which makes the browser load the page.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", to)
		w.WriteHeader(http.StatusOK)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

func inventoryURL(id string) string { return "/assessments/" + id + "/inventory" }

// parseUpload reads the multipart form's file and parses it.
func (s *Server) parseUpload(w http.ResponseWriter, r *http.Request) (inventory.Result, string, error) {
	if r.ContentLength > maxInventoryBody {
		return inventory.Result{}, "", &http.MaxBytesError{Limit: maxInventoryBody}
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxInventoryBody)
	if err := r.ParseMultipartForm(multipartMemory); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return inventory.Result{}, "", err
		}
		return inventory.Result{}, "", errNoFile
	}
	defer r.MultipartForm.RemoveAll()
	f, fh, err := r.FormFile("file")
	if err != nil {
		return inventory.Result{}, "", errNoFile
	}
	defer f.Close()
	ra, ok := f.(io.ReaderAt)
	if !ok || fh.Size == 0 {
		return inventory.Result{}, "", errNoFile
	}
	res, err := inventory.Parse(ra, fh.Size, fh.Filename, inventoryOptions)
	return res, baseFileName(fh.Filename), err
}

// errNoFile is an upload without a file.
var errNoFile = errors.New("no file uploaded")

// refuseUpload shows why a file was refused: the upload page again, or (htmx)
// just the message.
func (s *Server) refuseUpload(w http.ResponseWriter, r *http.Request, a advisor.Assessment, err error) error {
	status, msg, detail, ok := uploadError(r, err)
	if !ok {
		return err
	}
	if r.Header.Get("HX-Request") == "true" {
		s.render(w, r, status, templates.InventoryUploadError(msg, detail))
		return nil
	}
	v := uploadView(a)
	v.Error, v.Detail = msg, detail
	s.render(w, r, status, templates.InventoryUploadPage(v))
	return nil
}

// uploadError maps a refused file to its status and message through the one
// error table; ok is false for an error that is not the file's fault.
func uploadError(r *http.Request, err error) (status int, msg, detail string, ok bool) {
	status = errStatus(err)
	if status != http.StatusRequestEntityTooLarge && status != http.StatusUnprocessableEntity {
		return 0, "", "", false
	}
	_, msg = errMessage(r.Context(), err)
	if errors.Is(err, inventory.ErrNotInventory) {
		detail = notInventoryWhy(err)
	}
	return status, msg, detail, true
}

// formatList names every accepted format.
func formatList(ctx context.Context) string {
	names := make([]string, len(inventory.Formats))
	for i, f := range inventory.Formats {
		names[i] = i18n.Tc(ctx, "inventory.format."+string(f))
	}
	return strings.Join(names, "; ")
}

// notInventoryWhy is what the parser found instead of an inventory: its
// message without the error's name and the list of formats.
func notInventoryWhy(err error) string {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, inventory.ErrNotInventory.Error()+": "); ok {
		msg = after
	}
	msg, _, _ = strings.Cut(msg, "; accepted formats")
	return msg
}

func baseFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// importRows turns parsed rows into the assessment's import rows.
func importRows(rows []inventory.Row) []advisor.ImportRow {
	out := make([]advisor.ImportRow, len(rows))
	for i, r := range rows {
		out[i] = advisor.ImportRow{Line: r.Line, Input: r.Input,
			Source: advisor.Source{Key: r.Key, Group: r.Group, Tags: r.Tags, Flags: r.Flags}}
	}
	return out
}

func nonNilProblems(p []inventory.Problem) []inventory.Problem {
	if p == nil {
		return []inventory.Problem{}
	}
	return p
}

// stagedStats is what the preview needs of the parse besides the rows: the
// counts and, per field, how many rows take its default.
type stagedStats struct {
	Read        int            `json:"read"`
	Imported    int            `json:"imported"`
	Skipped     int            `json:"skipped"`
	Assumptions map[string]int `json:"assumptions,omitempty"`
}

func stagedStatsOf(res inventory.Result) stagedStats {
	st := stagedStats{Read: res.Stats.Read, Imported: res.Stats.Imported, Skipped: res.Stats.Skipped,
		Assumptions: map[string]int{}}
	for _, row := range res.Rows {
		for _, f := range row.Assumptions {
			st.Assumptions[f]++
		}
	}
	return st
}
