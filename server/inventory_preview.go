package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/inventory"
	"cloudadvisor/templates"
)

// Preview sizes: rows and problems shown on the page (all problems are in
// the CSV download).
const (
	previewRows     = 50
	previewProblems = 200
)

// staged loads the request's assessment and its staged import.
func (s *Server) staged(w http.ResponseWriter, r *http.Request) (advisor.Assessment, advisor.StagedImport, error) {
	a, err := s.owned(w, r)
	if err != nil {
		return a, advisor.StagedImport{}, err
	}
	st, err := s.store.StagedImport(r.Context(), a.ID, r.PathValue("staged"))
	return a, st, err
}

// showInventoryPreview shows what the staged file would import.
func (s *Server) showInventoryPreview(w http.ResponseWriter, r *http.Request) error {
	a, st, err := s.staged(w, r)
	if err != nil {
		return err
	}
	v, err := previewView(r.Context(), a, st)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, templates.InventoryPreviewPage(v))
	return nil
}

// previewView counts what the import would do against the assessment as it
// is now.
func previewView(ctx context.Context, a advisor.Assessment, st advisor.StagedImport) (templates.InventoryPreviewView, error) {
	var stats stagedStats
	var problems []inventory.Problem
	if err := json.Unmarshal(st.Stats, &stats); err != nil {
		return templates.InventoryPreviewView{}, fmt.Errorf("decode staged stats: %w", err)
	}
	if err := json.Unmarshal(st.Problems, &problems); err != nil {
		return templates.InventoryPreviewView{}, fmt.Errorf("decode staged problems: %w", err)
	}
	v := templates.InventoryPreviewView{A: a, StagedID: st.ID, FileName: st.FileName, Format: st.Format,
		Read: stats.Read, Importable: len(st.Rows), Skipped: stats.Skipped, ProblemCount: len(problems)}
	known := map[string]bool{}
	for _, w := range a.Workloads {
		if w.Source.Key != "" {
			known[w.Source.Key] = true
		}
	}
	for i, row := range st.Rows {
		update := row.Source.Key != "" && known[row.Source.Key]
		if update {
			v.Updated++
		} else {
			v.Added++
		}
		for _, f := range row.Source.Flags {
			switch f {
			case "powered_off", "suspended":
				v.PoweredOff++
			case "template", "srm_placeholder":
				v.Templates++
			case "kind_inferred":
				v.KindInferred++
			}
		}
		if i < previewRows {
			v.Rows = append(v.Rows, previewRow(row, update))
		}
	}
	for f, n := range stats.Assumptions {
		v.Assumptions = append(v.Assumptions, templates.FieldCount{Field: f, Count: n})
	}
	slices.SortFunc(v.Assumptions, func(x, y templates.FieldCount) int {
		if x.Count != y.Count {
			return y.Count - x.Count
		}
		return strings.Compare(x.Field, y.Field)
	})
	for _, p := range problems[:min(len(problems), previewProblems)] {
		v.Problems = append(v.Problems, templates.ProblemRow{Line: p.Line, Column: p.Column, Value: p.Value, Reason: problemText(ctx, p)})
	}
	return v, nil
}

// previewRow shows a row's answers as given; an empty cell means the default.
func previewRow(row advisor.ImportRow, update bool) templates.PreviewRow {
	in := row.Input
	p := templates.PreviewRow{Line: row.Line, Group: row.Source.Group, Flags: row.Source.Flags, Update: update,
		Name: deref(in.Name), Kind: deref(in.Kind), OS: deref(in.OS)}
	if in.VCPU != nil || in.MemoryGiB != nil {
		inst := 1
		if in.Instances != nil {
			inst = *in.Instances
		}
		mem := ""
		if in.MemoryGiB != nil {
			mem = strconv.FormatFloat(*in.MemoryGiB, 'f', -1, 64)
		}
		p.Size = fmt.Sprintf("%d × %s vCPU, %s GiB", inst, intText(in.VCPU), mem)
	}
	p.StorageGB = intText(in.StorageGB)
	return p
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func intText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// inventoryProblems downloads every problem of the staged file as CSV,
// headed and worded in the reader's language, as the preview lists them.
func (s *Server) inventoryProblems(w http.ResponseWriter, r *http.Request) error {
	_, st, err := s.staged(w, r)
	if err != nil {
		return err
	}
	var problems []inventory.Problem
	if err := json.Unmarshal(st.Problems, &problems); err != nil {
		return fmt.Errorf("decode staged problems: %w", err)
	}
	name := strings.TrimSuffix(st.FileName, "."+fileExt(st.FileName))
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+safeFileName(name)+`-problems.csv"`)
	ctx := r.Context()
	header := inventory.ProblemsHeader{i18n.Tc(ctx, "inventory.preview.col.line"), i18n.Tc(ctx, "inventory.preview.col.column"),
		i18n.Tc(ctx, "inventory.preview.col.value"), i18n.Tc(ctx, "inventory.preview.col.reason")}
	return inventory.WriteProblemsCSV(w, header, problems, func(p inventory.Problem) string { return problemText(ctx, p) })
}

func fileExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return ""
}

// safeFileName keeps a file name to characters safe in a header.
func safeFileName(name string) string {
	out := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, name)
	if out == "" {
		return "inventory"
	}
	return out
}

// confirmInventory imports the staged rows into the assessment: classify,
// price, save, and drop the staged file, then shows the result (the estate
// overview for a big assessment).
func (s *Server) confirmInventory(w http.ResponseWriter, r *http.Request) error {
	a, st, err := s.staged(w, r)
	if err != nil {
		return err
	}
	cat, err := s.catalogFor(r.Context(), &a.Organization.Geography)
	if err != nil {
		return err
	}
	sum, err := a.Import(s.rules, cat, st.Rows)
	if fe, ok := err.(advisor.FieldErrors); ok && len(fe) > 0 && fe[0].Code == "too_many" {
		return s.refuseConfirm(w, r, st, i18n.Tc(r.Context(), "inventory.error.too_many_workloads", advisor.MaxWorkloads))
	} else if err != nil {
		return err
	}
	if err := s.stamp(r.Context(), &a, false); err != nil {
		return err
	}
	if err := s.store.ConfirmImport(r.Context(), &a, st.ID); err != nil {
		return err
	}
	s.log.Info("inventory imported", "assessment", a.ID, "format", st.Format, "added", sum.Added,
		"updated", sum.Updated, "unchanged", sum.Unchanged, "refused", len(sum.Refused))
	next := "/assessments/" + a.ID
	if len(a.Workloads) > bigAssessment {
		next += "/estate?" + importedQuery(sum)
	}
	s.redirect(w, r, next)
	return nil
}

// refuseConfirm shows the preview again with why the import was refused;
// the assessment is unchanged.
func (s *Server) refuseConfirm(w http.ResponseWriter, r *http.Request, st advisor.StagedImport, msg string) error {
	if r.Header.Get("HX-Request") == "true" {
		s.render(w, r, http.StatusUnprocessableEntity, templates.InventoryUploadError(msg, ""))
		return nil
	}
	a, err := s.owned(w, r) // the one Import changed is not saved: show the stored one
	if err != nil {
		return err
	}
	v, err := previewView(r.Context(), a, st)
	if err != nil {
		return err
	}
	v.Error = msg
	s.render(w, r, http.StatusUnprocessableEntity, templates.InventoryPreviewPage(v))
	return nil
}

// importedQuery tells the estate page what the import did.
func importedQuery(sum advisor.ImportSummary) string {
	return fmt.Sprintf("added=%d&updated=%d&unchanged=%d&refused=%d", sum.Added, sum.Updated, sum.Unchanged, len(sum.Refused))
}

// problemText words an import problem in the reader's language: its
// message code where the catalog has it, else the importer's own words.
func problemText(ctx context.Context, p inventory.Problem) string {
	if p.Key == "" || !i18n.Has(p.Key) {
		return p.Reason
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		args[i] = a
	}
	return i18n.Tc(ctx, p.Key, args...)
}
