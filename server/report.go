package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/report"
	"cloudadvisor/templates"
)

// reportFormat is one export of the report.
type reportFormat struct {
	contentType string
	write       func(w io.Writer, d report.Document, lang string) error
}

// reportFormats are the exports by file extension. The HTML print view is
// rendered with templ (see writeReport).
var reportFormats = map[string]reportFormat{
	"pdf":  {"application/pdf", report.PDF},
	"csv":  {"text/csv; charset=utf-8", report.CSV},
	"xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.XLSX},
	"json": {"application/json", func(w io.Writer, d report.Document, _ string) error { return report.JSON(w, d) }},
	"md":   {"text/markdown; charset=utf-8", report.Markdown},
	"html": {"text/html; charset=utf-8", nil},
}

// reportOf builds the report of an assessment with the catalog versions its
// options were priced on: those recorded on it, or for an assessment saved
// before versions were recorded the active versions of its providers.
func (s *Server) reportOf(ctx context.Context, a advisor.Assessment) (report.Document, error) {
	versions, err := s.store.CatalogVersions(ctx)
	if err != nil {
		return report.Document{}, err
	}
	used := usedProviders(a)
	pricedOn := func(v pricing.CatalogVersion) bool { return v.Status == "active" && used[v.Provider] }
	if rec := a.Pricing.Versions; len(rec) > 0 {
		pricedOn = func(v pricing.CatalogVersion) bool {
			return slices.ContainsFunc(rec, func(r pricing.VersionRef) bool { return r.ID == v.ID })
		}
	}
	var cats []report.Catalog
	for _, v := range versions {
		if pricedOn(v) {
			cats = append(cats, report.Catalog{Provider: v.Provider, Source: v.Source, AsOfFrom: v.AsOfMin,
				AsOfTo: v.AsOfMax, FetchedAt: v.FetchedAt.UTC().Format(time.RFC3339)})
		}
	}
	slices.SortStableFunc(cats, func(x, y report.Catalog) int {
		return strings.Compare(x.Provider+"\x00"+x.Source, y.Provider+"\x00"+y.Source)
	})
	d := report.Build(a, cats, s.now())
	if d.Pricing != nil {
		c, err := s.priceChange(ctx, a)
		if err != nil {
			return report.Document{}, err
		}
		if c != nil {
			d.Pricing.Newer = c.Active
		}
		if c != nil && c.Compared {
			d.Pricing.Repriced = &report.Repriced{Monthly: c.New.Monthly, Complete: c.New.Complete,
				Changes: slices.Concat([]pricing.OptionChange{}, c.Lines), More: c.More}
		}
	}
	return d, nil
}

// assessmentReport serves GET /assessments/{id}/report.<ext> to the owner.
func (s *Server) assessmentReport(ext string) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if sent, err := s.cachedOwnReport(w, r, ext); sent || err != nil {
			return err
		}
		a, err := s.owned(w, r)
		if err != nil {
			return err
		}
		return s.writeReport(w, r, a, ext, "/assessments/"+a.ID)
	}
}

// cachedOwnReport sends the owner an export the cache holds without reading
// the assessment, which for a large estate costs seconds and hundreds of MB:
// the session's list of its assessments gives the revision (and proves the
// ownership). It sends nothing when the export is not cached, or the
// assessment is not among the session's latest ones.
func (s *Server) cachedOwnReport(w http.ResponseWriter, r *http.Request, ext string) (sent bool, err error) {
	if ext == "json" || s.exportCache.budget <= 0 {
		return false, nil
	}
	a, ok, err := s.ownRevision(w, r)
	if err != nil || !ok {
		return false, err
	}
	key, err := s.exportKeyOf(r.Context(), a, ext, "/assessments/"+a.ID)
	if err != nil {
		return false, err
	}
	e, ok := s.exportCache.get(key)
	if !ok {
		return false, nil
	}
	s.sendExport(w, e, ext)
	return true, nil
}

// ownRevision is the assessment of the path's id with only its id and
// revision, read from the session's list of its assessments (which proves
// the ownership) without reading the assessment. ok is false when the
// request has no session or the assessment is not among the session's
// latest ones: the caller then reads it in full, which answers those cases.
func (s *Server) ownRevision(w http.ResponseWriter, r *http.Request) (a advisor.Assessment, ok bool, err error) {
	sid, err := s.sessionID(w, r, false)
	if err != nil || sid == "" {
		return a, false, nil // owned answers
	}
	list, err := s.store.Assessments(r.Context(), sid)
	if err != nil {
		return a, false, err
	}
	i := slices.IndexFunc(list, func(x advisor.Summary) bool { return x.ID == r.PathValue("id") })
	if i < 0 {
		return a, false, nil
	}
	return advisor.Assessment{ID: list[i].ID, UpdatedAt: list[i].UpdatedAt}, true, nil
}

// writeReport sends the report in one format as a download named after
// the organisation and the date. The print view is shown inline, so that it
// opens in the browser with its stylesheet, ready to print. Every format
// but JSON (streamed, never held whole) is rendered into a buffer and kept
// in the export cache, so that downloading an unchanged assessment again
// does not render it again.
func (s *Server) writeReport(w http.ResponseWriter, r *http.Request, a advisor.Assessment, ext, base string) error {
	if _, ok := reportFormats[ext]; !ok {
		return advisor.ErrNotFound
	}
	w.Header().Set("Cache-Control", "private, no-store")
	if ext == "json" {
		return s.streamJSONReport(w, r, a, base)
	}
	key, err := s.exportKeyOf(r.Context(), a, ext, base)
	if err != nil {
		return err
	}
	// A large estate's workbook or PDF takes longer than the server's write
	// timeout to render, or to send to a slow client; this response may take
	// longer (the slot and the per-client export rate bound what that costs).
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(exportWriteTimeout))
	e, hit, err := s.exportCache.load(r.Context(), key, func() (exportEntry, bool, error) {
		return s.renderReport(w, r, a, key)
	})
	if err != nil || e.sent {
		return err
	}
	if hit {
		s.sendExport(w, e, ext)
		return nil
	}
	e.setHeaders(w.Header())
	w.Write(e.body)
	return nil
}

// sendExport sends an export from the cache.
func (s *Server) sendExport(w http.ResponseWriter, e exportEntry, ext string) {
	s.metrics.exportHits.WithLabelValues(ext).Inc()
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(exportWriteTimeout)) // a slow client, a large file
	h := w.Header()
	h.Set("Cache-Control", "private, no-store")
	e.setHeaders(h)
	w.Write(e.body)
}

// streamJSONReport writes the report's JSON a workload at a time: a large
// estate's document is hundreds of MB.
func (s *Server) streamJSONReport(w http.ResponseWriter, r *http.Request, a advisor.Assessment, base string) error {
	d, err := s.reportOf(r.Context(), a)
	if err != nil {
		return err
	}
	hideOwner(&d, base)
	w.Header().Set("Content-Type", reportFormats["json"].contentType)
	w.Header().Set("Content-Disposition", contentDisposition("attachment", a.Organization.Name, d.GeneratedAt, "json"))
	if err := report.JSON(w, d); err != nil {
		s.log.Warn("write json report", "err", err, "request_id", RequestID(r.Context()))
	}
	return nil
}

// hideOwner gives a share link's reader the report without the owner's
// address of the assessment: its id would outlive a revoked link.
func hideOwner(d *report.Document, base string) {
	if strings.HasPrefix(base, "/shared/") {
		d.ID, d.URL = "", base
	}
}

// renderReport renders the export key names into a buffer in a rendering
// slot. An export larger than the buffer may hold is sent to w as it is
// rendered instead (e.sent), and not kept. keep is also false when a
// catalog version was activated meanwhile: the bytes may then not be those
// of key's catalogs.
func (s *Server) renderReport(w http.ResponseWriter, r *http.Request, a advisor.Assessment, key exportKey) (e exportEntry, keep bool, err error) {
	ctx := r.Context()
	d, err := s.reportOf(ctx, a)
	if err != nil {
		return e, false, err
	}
	hideOwner(&d, key.base)
	release, err := s.exportSlot(ctx)
	if err != nil {
		return e, false, err
	}
	defer release()
	s.metrics.exportRenders.WithLabelValues(key.ext).Inc()
	f := reportFormats[key.ext]
	disposition := "attachment"
	if key.ext == "html" {
		disposition = "inline"
	}
	e = exportEntry{contentType: f.contentType,
		disposition: contentDisposition(disposition, a.Organization.Name, d.GeneratedAt, key.ext)}
	out := &spillWriter{w: w, limit: s.exportCache.largest(), headers: e.setHeaders}
	if key.ext == "html" {
		err = templates.ReportPage(templates.ReportView{D: d, Base: key.base}).Render(ctx, out)
	} else {
		err = f.write(out, d, key.lang)
	}
	if out.spilled {
		if err != nil { // the response has begun: it can only be cut short
			s.log.Warn("write report", "format", key.ext, "err", err, "request_id", RequestID(ctx))
		}
		return exportEntry{sent: true}, false, nil
	}
	if err != nil {
		return e, false, fmt.Errorf("render %s report of %s: %w", key.ext, a.ID, err)
	}
	e.body = out.buf.Bytes()
	catalogs, err := s.store.ActiveCatalogKey(ctx)
	return e, err == nil && catalogs == key.catalogs, nil
}

// exportKeyOf is the cache key of an export of the assessment in the
// request's language.
func (s *Server) exportKeyOf(ctx context.Context, a advisor.Assessment, ext, base string) (exportKey, error) {
	catalogs, err := s.store.ActiveCatalogKey(ctx)
	if err != nil {
		return exportKey{}, err
	}
	return exportKey{id: a.ID, revision: a.UpdatedAt.UTC().Format(time.RFC3339Nano), catalogs: catalogs,
		ext: ext, lang: i18n.Lang(ctx), base: base, date: s.now().Format(time.DateOnly)}, nil
}

// exportWriteTimeout is how long an export's response may take to render and send.
const exportWriteTimeout = 10 * time.Minute

// exportWait is how long an export waits for a rendering slot before the
// server answers 503 with Retry-After.
var exportWait = 30 * time.Second

// exportSlot waits for a rendering slot; release gives it back.
func (s *Server) exportSlot(ctx context.Context) (release func(), err error) {
	t := time.NewTimer(exportWait)
	defer t.Stop()
	select {
	case s.exports <- struct{}{}:
		return func() { <-s.exports }, nil
	case <-t.C:
		return nil, fmt.Errorf("export: every rendering slot busy for %s: %w", exportWait, advisor.ErrBusy)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// contentDisposition names the file "<organisation slug>-<YYYY-MM-DD>.<ext>"
// in ASCII, and adds the RFC 5987 filename* with the name's own letters
// when it has non-ASCII ones.
func contentDisposition(kind, org string, date time.Time, ext string) string {
	suffix := "-" + date.Format("2006-01-02") + "." + ext
	ascii := slug(org, true)
	v := kind + `; filename="` + ascii + suffix + `"`
	if full := slug(org, false); full != ascii {
		v += "; filename*=UTF-8''" + strings.ReplaceAll(url.PathEscape(full+suffix), "+", "%2B")
	}
	return v
}

// slug lower-cases the name and joins its runs of letters and digits with
// hyphens; asciiOnly keeps only ASCII letters and digits. An empty slug is
// "assessment".
func slug(name string, asciiOnly bool) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		ok := unicode.IsLetter(c) || unicode.IsDigit(c)
		if asciiOnly {
			ok = c < unicode.MaxASCII && ok
		}
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(c)
	}
	if b.Len() == 0 {
		return "assessment"
	}
	s := b.String()
	if len(s) > 80 {
		s = strings.TrimRight(s[:80], "-")
	}
	return strings.ToValidUTF8(s, "")
}
