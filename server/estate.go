package server

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"cloudadvisor/advisor"
	"cloudadvisor/chart"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/templates"
)

// estatePerPage is how many workloads a group's list shows per page unless
// per_page says otherwise (at most estateMaxPerPage).
const estatePerPage = 100

// noneKey is the group of workloads without a provider or a group.
const noneKey = "-"

// showEstate shows the estate overview: the workloads grouped, or one
// group's workloads a page at a time.
func (s *Server) showEstate(w http.ResponseWriter, r *http.Request) error {
	a, err := s.ownedOverview(w, r)
	if err != nil {
		return err
	}
	v, err := estateView(a, r)
	if err != nil {
		return err
	}
	v.Notice = importNotice(r)
	s.render(w, r, http.StatusOK, templates.EstatePage(v))
	return nil
}

// estateView builds the page for the request's grouping, group and page; a
// page or per_page out of range is a paramError.
func estateView(a advisor.Assessment, r *http.Request) (templates.EstateView, error) {
	q := r.URL.Query()
	by := q.Get("by")
	if !slices.Contains(templates.EstateBys, by) {
		by = "model"
	}
	cur := a.Organization.Currency
	v := templates.EstateView{ID: a.ID, Name: a.Organization.Name, Count: len(a.Workloads), By: by,
		Value: q.Get("value"), All: newGroup("", "", cur)}
	groups := map[string]*templates.EstateGroup{}
	var members []int
	for i, w := range a.Workloads {
		key, label := groupOf(by, w)
		g := groups[key]
		if g == nil {
			ng := newGroup(key, label, cur)
			g = &ng
			groups[key] = g
		}
		addTo(g, w)
		addTo(&v.All, w)
		if key == v.Value {
			members = append(members, i)
		}
	}
	for _, g := range groups {
		v.Groups = append(v.Groups, *g)
	}
	sortGroups(by, v.Groups)
	if v.Value == "" {
		return v, nil
	}
	if g := groups[v.Value]; g != nil {
		v.Group = *g
	} else {
		v.Group = newGroup(v.Value, v.Value, cur)
	}
	pg, err := paging(afterBulk(r, len(members)), len(members), estatePerPage, estateMaxPerPage)
	if err != nil {
		return v, err
	}
	v.Pager = pg
	from, to := pg.Bounds()
	for _, i := range members[from:to] {
		v.Rows = append(v.Rows, estateRow(a.Workloads[i]))
	}
	return v, nil
}

// afterBulk is the request with its page moved to the group's last page
// when it is the list a bulk edit went back to (changed=N) and the edit
// moved workloads out of the group, so the page asked for no longer
// exists; other requests are as they are.
func afterBulk(r *http.Request, members int) *http.Request {
	q := r.URL.Query()
	if !q.Has("changed") || q.Get("page") == "" {
		return r
	}
	page, err := strconv.Atoi(q.Get("page"))
	per, perErr := strconv.Atoi(cmp.Or(q.Get("per_page"), strconv.Itoa(estatePerPage)))
	if err != nil || perErr != nil || per < 1 {
		return r
	}
	if last := max(1, (members+per-1)/per); page > last {
		q.Set("page", strconv.Itoa(last))
		r = r.Clone(r.Context())
		r.URL.RawQuery = q.Encode()
	}
	return r
}

func newGroup(key, label, cur string) templates.EstateGroup {
	zero := pricing.Money{Currency: cur}
	return templates.EstateGroup{Key: key, Label: label, Monthly: zero, FirstYear: zero, Horizon: zero, Migration: zero}
}

// groupOf is the workload's group key (for URLs) and label.
func groupOf(by string, w advisor.Assessed) (key, label string) {
	switch by {
	case "provider":
		if o, ok := templates.RecommendedOption(w); ok {
			return o.Provider, o.Provider
		}
		return noneKey, ""
	case "group":
		if w.Source.Group == "" {
			return noneKey, ""
		}
		return w.Source.Group, w.Source.Group
	}
	return string(w.Recommendation.Model), string(w.Recommendation.Model)
}

// addTo counts a workload in a group: its recommended option in the totals,
// or as retired, or as not priced (never as zero).
func addTo(g *templates.EstateGroup, w advisor.Assessed) {
	g.Count++
	o, ok := templates.RecommendedOption(w)
	switch {
	case ok && o.Monthly.Currency == g.Monthly.Currency:
		g.Priced++
		g.Monthly.Amount = g.Monthly.Amount.Add(o.Monthly.Amount)
		g.FirstYear.Amount = g.FirstYear.Amount.Add(o.FirstYear.Amount)
		g.Horizon.Amount = g.Horizon.Amount.Add(o.HorizonTotal.Amount)
		g.Migration.Amount = g.Migration.Amount.Add(o.MigrationOneTime.Amount)
	case w.Recommendation.Model == advisor.Retire:
		g.Retired++
	default:
		g.Unpriced++
	}
}

// sortGroups puts models in their usual order and other groups biggest
// first, the ungrouped last.
func sortGroups(by string, gs []templates.EstateGroup) {
	order := map[string]int{"iaas": 0, "paas": 1, "saas": 2, "retire": 3}
	slices.SortFunc(gs, func(x, y templates.EstateGroup) int {
		if by == "model" {
			return cmp.Compare(order[x.Key], order[y.Key])
		}
		if (x.Key == noneKey) != (y.Key == noneKey) {
			if x.Key == noneKey {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Key, y.Key))
	})
}

func estateRow(w advisor.Assessed) templates.EstateRow {
	wl := w.Workload
	row := templates.EstateRow{ID: w.ID, Name: wl.Name, Kind: wl.Kind, Flags: w.Source.Flags,
		Size:  strconv.Itoa(wl.Instances) + " × " + strconv.Itoa(wl.VCPU) + " vCPU, " + strconv.FormatFloat(wl.MemoryGiB, 'f', -1, 64) + " GiB",
		Model: string(w.Recommendation.Model), Strategy: string(w.Recommendation.Strategy)}
	if o, ok := templates.RecommendedOption(w); ok {
		row.HasOption, row.Monthly = true, o.Monthly
		row.Provider, row.Product = o.Provider, o.Product
	}
	return row
}

// importNotice says what the import just confirmed, or the bulk edit just
// saved, did: from the query they redirected with.
func importNotice(r *http.Request) string {
	q := r.URL.Query()
	n := func(k string) int { v, _ := strconv.Atoi(q.Get(k)); return v }
	if q.Has("changed") {
		return i18n.Nc(r.Context(), "bulk.done", n("changed"), n("changed"))
	}
	if !q.Has("added") {
		return ""
	}
	msg := i18n.Tc(r.Context(), "estate.imported", n("added"), n("updated"), n("unchanged"))
	if n("refused") > 0 {
		msg += " " + i18n.Nc(r.Context(), "estate.refused", n("refused"), n("refused"))
	}
	return msg
}

// showWorkloadResult shows one workload's recommendation and options: the
// part of the result page a big assessment cannot show all at once.
func (s *Server) showWorkloadResult(w http.ResponseWriter, r *http.Request) error {
	a, aw, err := s.ownedWorkload(w, r)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(a.Workloads, func(w advisor.Assessed) bool { return w.ID == aw.ID })
	words := chart.WordsFor(i18n.Lang(r.Context()))
	one := a
	one.Workloads = []advisor.Assessed{aw}
	view := templates.AssessmentView{A: one, Charts: map[string]templates.WorkloadCharts{aw.ID: {
		Bars: chart.CostBars(aw.Options, templates.ScreenBox(), words), Lines: chart.CostOverTime(aw.Options, templates.ScreenBox(), words)}}}
	s.render(w, r, http.StatusOK, templates.WorkloadResultPage(templates.WorkloadResultView{View: view, W: aw, Index: i}))
	return nil
}
