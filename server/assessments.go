package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"cloudadvisor/advisor"
	"cloudadvisor/chart"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/report"
	"cloudadvisor/templates"
)

// maxFormBytes bounds a questionnaire submission.
const maxFormBytes = 1 << 20

// assess resolves, recommends and prices, with the catalog of the
// organisation's geography.
func (s *Server) assess(ctx context.Context, org advisor.OrganizationInput, wls []advisor.WorkloadInput) (advisor.Assessment, error) {
	cat, err := s.catalogFor(ctx, org.Geography)
	if err != nil {
		return advisor.Assessment{}, err
	}
	return advisor.Assess(s.rules, cat, org, wls)
}

// catalogFor loads the catalog of a geography as given, us-east when the
// answer is empty or invalid (validation reports it).
func (s *Server) catalogFor(ctx context.Context, geography *string) (*pricing.Catalog, error) {
	geo := "us-east"
	if geography != nil && pricing.ValidGeography(*geography) {
		geo = *geography
	}
	return s.catalog(ctx, geo)
}

// owner checks that the assessment of the path's {id} belongs to the
// request's session, reading only its owner, and returns the session: any
// other session gets ErrNotFound, as for an id that does not exist, without
// costing the read of a large assessment.
func (s *Server) owner(w http.ResponseWriter, r *http.Request) (string, error) {
	sid, err := s.sessionID(w, r, false)
	if err != nil || sid == "" {
		return "", errors.Join(err, advisor.ErrNotFound)
	}
	owner, err := s.store.AssessmentSession(r.Context(), r.PathValue("id"))
	if err != nil {
		return "", err
	}
	if owner != sid {
		return "", advisor.ErrNotFound
	}
	return sid, nil
}

// owned returns the assessment if it belongs to the request's session (see
// owner).
func (s *Server) owned(w http.ResponseWriter, r *http.Request) (advisor.Assessment, error) {
	if _, err := s.owner(w, r); err != nil {
		return advisor.Assessment{}, err
	}
	return s.store.Assessment(r.Context(), r.PathValue("id"))
}

// ownedWorkload is owned, plus the workload named by the path's {wid}.
func (s *Server) ownedWorkload(w http.ResponseWriter, r *http.Request) (advisor.Assessment, advisor.Assessed, error) {
	a, err := s.owned(w, r)
	if err != nil {
		return a, advisor.Assessed{}, err
	}
	aw, err := a.Workload(r.PathValue("wid"))
	return a, aw, err
}

// ownedOverview is owned for overview pages: the light read of the store.
func (s *Server) ownedOverview(w http.ResponseWriter, r *http.Request) (advisor.Assessment, error) {
	if _, err := s.owner(w, r); err != nil {
		return advisor.Assessment{}, err
	}
	return s.store.AssessmentOverview(r.Context(), r.PathValue("id"))
}

// resultOf reads the request's assessment for the result page, whose
// ownership the caller checked: a large estate is read with only the
// requested page's workloads in full; a small one wholly, since a catalog
// change re-prices it on the page (priceChange).
func (s *Server) resultOf(r *http.Request) (advisor.Assessment, error) {
	from, to := 0, 0 // a page out of range is refused by resultPager, with the real count
	if pg, err := paging(r, advisor.MaxWorkloads, resultPerPage, resultMaxPerPage); err == nil {
		from, to = pg.Bounds()
	}
	a, err := s.store.AssessmentPage(r.Context(), r.PathValue("id"), from, to)
	if err != nil || len(a.Workloads) > templates.LargeEstate {
		return a, err
	}
	return s.store.Assessment(r.Context(), a.ID)
}

// showAssessment shows a saved assessment's recommendations and options.
// The rendered page is kept in the export cache under everything it
// depends on (revision, catalogs, language, page, origin, share links and
// day), so that viewing an unchanged assessment again, as people do after
// each step and from the back button, costs a lookup instead of a render.
func (s *Server) showAssessment(w http.ResponseWriter, r *http.Request) error {
	key, box, cacheable, err := s.resultPageKey(w, r)
	if err != nil {
		return err
	}
	render := func() (exportEntry, bool, error) {
		body, err := s.renderResult(r, box)
		if err != nil || body == nil {
			return exportEntry{}, false, err
		}
		s.metrics.exportRenders.WithLabelValues("page").Inc()
		catalogs, err := s.store.ActiveCatalogKey(r.Context())
		return exportEntry{body: body}, err == nil && cacheable && catalogs == key.catalogs, nil
	}
	var e exportEntry
	if cacheable {
		var hit bool
		if e, hit, err = s.exportCache.load(r.Context(), key, render); hit {
			s.metrics.exportHits.WithLabelValues("page").Inc()
		}
	} else {
		e, _, err = render()
	}
	if err != nil {
		return err
	}
	if e.body == nil { // no workloads yet
		http.Redirect(w, r, "/assessments/"+r.PathValue("id")+"/workloads/new", http.StatusSeeOther)
		return nil
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(e.body)
	return nil
}

// resultPageKey checks that the request's session owns the assessment and
// returns the export-cache key of the result page it asks for, with the
// page's share box. cacheable is false when the page is not to be kept (an
// assessment outside the session's latest, a bad page parameter: the
// render then answers as it should).
func (s *Server) resultPageKey(w http.ResponseWriter, r *http.Request) (key exportKey, box templates.ShareBoxView, cacheable bool, err error) {
	a, ok, err := s.ownRevision(w, r) // the session's list proves the ownership
	if err == nil && !ok {
		_, err = s.owner(w, r)
	}
	if err != nil {
		return key, box, false, err
	}
	if box, err = s.ShareBoxView(r.Context(), advisor.Assessment{ID: r.PathValue("id")}); err != nil {
		return key, box, false, err
	}
	box.Origin = origin(r)
	pg, err := paging(r, advisor.MaxWorkloads, resultPerPage, resultMaxPerPage)
	if !ok || err != nil {
		return key, box, false, nil
	}
	var links strings.Builder
	for _, l := range box.Links {
		links.WriteString(l.Token + ";")
	}
	key, err = s.exportKeyOf(r.Context(), a, "page", fmt.Sprintf("%s|%d|%d|%s", box.Origin, pg.Page, pg.PerPage, links.String()))
	return key, box, err == nil, err
}

// renderResult renders the result page of the request's assessment, whose
// ownership resultPageKey checked, with its share box; no body and no
// error when the assessment has no workloads yet.
func (s *Server) renderResult(r *http.Request, box templates.ShareBoxView) ([]byte, error) {
	a, err := s.resultOf(r)
	if err != nil || len(a.Workloads) == 0 {
		return nil, err
	}
	pg, err := resultPager(r, a, "/assessments/"+a.ID)
	if err != nil {
		return nil, err
	}
	view := resultView(a, i18n.Lang(r.Context()), pg)
	view.Actions = templates.OwnerActions(a.ID, box)
	if view.PriceChange, err = s.priceChange(r.Context(), a); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := templates.AssessmentPage(view).Render(r.Context(), &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// resultView is the result page's model: the assessment, its totals over
// every workload, and the charts of the workloads of page pg.
func resultView(a advisor.Assessment, lang string, pg templates.PagerView) templates.AssessmentView {
	v := templates.AssessmentView{A: a, Charts: map[string]templates.WorkloadCharts{}, Pager: pg}
	words := chart.WordsFor(lang)
	for _, w := range v.Shown() {
		v.Charts[w.ID] = templates.WorkloadCharts{Bars: chart.CostBars(w.Options, templates.ScreenBox(), words),
			Lines: chart.CostOverTime(w.Options, templates.ScreenBox(), words)}
	}
	v.Summary = report.Summarize(report.WorkloadsOf(a), a.Organization.Currency)
	return v
}

// resultPager reads the page and per_page of a result page whose links go
// to path.
func resultPager(r *http.Request, a advisor.Assessment, path string) (templates.PagerView, error) {
	pg, err := paging(r, len(a.Workloads), resultPerPage, resultMaxPerPage)
	pg.Path = path
	return pg, err
}

// pagerAt is the result page, of the default size, that shows the i-th
// workload of total, with links to path.
func pagerAt(i, total int, path string) templates.PagerView {
	return templates.PagerView{Page: i/resultPerPage + 1, Pages: max(1, (total+resultPerPage-1)/resultPerPage),
		PerPage: resultPerPage, DefaultPerPage: resultPerPage, Total: total, Path: path}
}

// origin is the scheme and host the request came to, as a browser sees them.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
