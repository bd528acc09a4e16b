package server

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/provenance"
	"cloudadvisor/templates"
)

// Page sizes of the price browser and API.
const (
	pricesPerPage = 100
	maxPriceLimit = 1000
	maxCSVRows    = 100_000
)

// maxNameFilter is the longest product name the price filter takes; the
// longest in the catalogs is under 80 characters.
const maxNameFilter = 100

// priceQuery reads the price filters from the query string, naming every
// bad one.
func priceQuery(q url.Values) (pricing.OfferFilter, advisor.FieldErrors) {
	var errs advisor.FieldErrors
	f := pricing.OfferFilter{Provider: q.Get("provider"), Region: q.Get("region"), SKU: q.Get("sku"),
		Name: strings.TrimSpace(q.Get("name")), OS: q.Get("os"), Term: pricing.Term(q.Get("term")), Service: pricing.Service(q.Get("service")),
		OrderBy: q.Get("sort"), Limit: pricesPerPage}
	if len(f.Name) > maxNameFilter {
		errs = append(errs, advisor.FieldError{Field: "name", Code: "too_long", Args: []string{strconv.Itoa(maxNameFilter)}})
	}
	if f.Term != "" && !f.Term.Valid() {
		errs = append(errs, advisor.FieldError{Field: "term", Code: "one_of", Args: pricing.TermNames()})
	}
	if f.Service != "" && !f.Service.Valid() {
		errs = append(errs, advisor.FieldError{Field: "service", Code: "one_of", Args: pricing.ServiceNames()})
	}
	if f.OS != "" && f.OS != "linux" && f.OS != "windows" {
		errs = append(errs, advisor.FieldError{Field: "os", Code: "one_of", Args: []string{"linux", "windows"}})
	}
	if g := q.Get("geography"); g != "" {
		if !pricing.ValidGeography(g) {
			errs = append(errs, advisor.FieldError{Field: "geography", Code: "one_of", Args: advisor.Geographies})
		} else {
			// A place people know, resolved to each provider's own region code.
			f.Regions = map[string]string{}
			for _, p := range append(pricing.Providers(), "heroku") {
				if r, ok := pricing.Region(g, p); ok {
					f.Regions[p] = r
				}
			}
		}
	}
	if c := q.Get("currency"); c != "" && !slices.Contains(advisor.Currencies, c) {
		errs = append(errs, advisor.FieldError{Field: "currency", Code: "one_of", Args: advisor.Currencies})
	}
	if !slices.Contains([]string{"", "price", "provider", "vcpu", "memory"}, f.OrderBy) {
		errs = append(errs, advisor.FieldError{Field: "sort", Code: "one_of", Args: []string{"price", "provider", "vcpu", "memory"}})
	}
	num := func(name string, dst *float64, hi float64) {
		if s := q.Get(name); s != "" {
			if fe := advisor.CheckNumberLen(name, s); fe != nil {
				errs = append(errs, *fe)
				return
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || !(v >= 0 && v <= hi) { // also refuses NaN
				errs = append(errs, advisor.FieldError{Field: name, Code: "range", Args: []string{"0", strconv.FormatFloat(hi, 'f', -1, 64)}})
			}
			*dst = v
		}
	}
	num("vcpu", &f.MinVCPU, advisor.MaxVCPU)
	num("memory_gib", &f.MinMemory, advisor.MaxMemoryGiB)
	var limit, page float64
	num("limit", &limit, maxPriceLimit)
	num("page", &page, 1e6)
	if limit >= 1 { // a limit under 1 would truncate to 0, which means no limit
		f.Limit = int(limit)
	}
	if page > 1 {
		f.Offset = (int(page) - 1) * f.Limit
	}
	return f, errs
}

// priceItem is one price in the API.
type priceItem struct {
	Provider  string  `json:"provider"`
	Service   string  `json:"service"`
	Region    string  `json:"region"`
	SKU       string  `json:"sku"`
	Name      string  `json:"name"`
	OS        string  `json:"os"`
	VCPU      float64 `json:"vcpu,omitempty"`
	MemoryGiB float64 `json:"memory_gib,omitempty"`
	Term      string  `json:"term"`
	Unit      string  `json:"unit"`
	Price     string  `json:"price"`
	Upfront   string  `json:"upfront,omitempty"`
	Currency  string  `json:"currency"`
	TierStart string  `json:"tier_start,omitempty"`
	TierEnd   string  `json:"tier_end,omitempty"`
	AsOf      string  `json:"as_of"`
	Source    string  `json:"source"`
	// Provenance: the provider's own date (as_of), its age in days on the
	// day asked, the kind of source, and whether to treat it with care.
	EffectiveFrom string `json:"effective_from"`
	AgeDays       int    `json:"age_days"`
	SourceKind    string `json:"source_kind"`
	Stale         bool   `json:"stale"`
	Flagged       bool   `json:"flagged"`
}

func item(o pricing.Offer, now time.Time) priceItem {
	it := priceItem{Provider: o.Provider, Service: string(o.Service), Region: o.Region, SKU: o.SKU, Name: o.Name,
		OS: o.OS, VCPU: o.VCPU, MemoryGiB: o.MemoryGiB, Term: string(o.Term), Unit: string(o.Unit),
		Price: o.Amount.String(), Currency: o.Currency, AsOf: o.AsOf.Format(time.DateOnly), Source: o.Source,
		EffectiveFrom: o.AsOf.Format(time.DateOnly), AgeDays: int(provenance.Age(o, now).Hours() / 24),
		SourceKind: string(provenance.Of(o)), Stale: provenance.Stale(o, now), Flagged: provenance.Flagged(o, now)}
	if !o.Upfront.IsZero() {
		it.Upfront = o.Upfront.String()
	}
	if !o.TierStart.IsZero() || !o.Unbounded {
		it.TierStart = o.TierStart.String()
		if !o.Unbounded {
			it.TierEnd = o.TierEnd.String()
		}
	}
	return it
}

// missingPrice says what was asked for and not found: a price that does not
// exist is reported as missing, never as zero.
type missingPrice struct {
	Provider string `json:"provider,omitempty"`
	Region   string `json:"region,omitempty"`
	SKU      string `json:"sku,omitempty"`
	Term     string `json:"term,omitempty"`
	Reason   string `json:"reason"`
}

// apiPrices answers GET /api/v1/prices.
func (s *Server) apiPrices(w http.ResponseWriter, r *http.Request) error {
	f, errs := priceQuery(r.URL.Query())
	if len(errs) > 0 {
		return errs
	}
	offers, err := s.store.Offers(r.Context(), f)
	if err != nil {
		return err
	}
	body := struct {
		Items   []priceItem    `json:"items"`
		Missing []missingPrice `json:"missing,omitempty"`
	}{Items: make([]priceItem, 0, len(offers))}
	for _, o := range offers {
		body.Items = append(body.Items, item(o, s.now()))
	}
	if len(offers) == 0 && (f.SKU != "" || (f.Provider != "" && f.Region != "")) {
		body.Missing = []missingPrice{{Provider: f.Provider, Region: f.Region, SKU: f.SKU, Term: string(f.Term),
			Reason: "the catalog has no price for this selection"}}
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

// browsePrices shows the price browser page.
func (s *Server) browsePrices(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if _, chosen := q["service"]; !chosen {
		// Open on virtual machines, what people look for first, not on
		// the free first tier of data transfer that sorts cheapest.
		q.Set("service", string(pricing.Compute))
	}
	f, errs := priceQuery(q)
	view := templates.PricesView{Query: q, Errors: fieldMessages(r.Context(), errs), Page: 1 + f.Offset/max(f.Limit, 1),
		Now: s.now()}
	var err error
	if view.Rates, err = s.rates(r.Context()); err != nil {
		return err
	}
	if view.Facets, err = s.facets(r.Context()); err != nil {
		return err
	}
	status := http.StatusOK
	if len(errs) > 0 {
		status = http.StatusUnprocessableEntity
	} else {
		if view.Offers, err = s.store.Offers(r.Context(), f); err != nil {
			return err
		}
		if view.Total, err = s.store.CountOffers(r.Context(), f); err != nil {
			return err
		}
		view.PerPage = f.Limit
	}
	s.render(w, r, status, templates.PricesPage(view))
	return nil
}

func (s *Server) facets(ctx context.Context) (templates.Facets, error) {
	f, err := s.store.CatalogFacets(ctx)
	return templates.Facets{Providers: f.Providers, Services: f.Services, Regions: f.Regions}, err
}

// exportPrices writes the filtered table as CSV (UTF-8 with a BOM).
func (s *Server) exportPrices(w http.ResponseWriter, r *http.Request) error {
	f, errs := priceQuery(r.URL.Query())
	if len(errs) > 0 {
		return errs
	}
	f.Limit, f.Offset = maxCSVRows, 0
	offers, err := s.store.Offers(r.Context(), f)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="prices-`+time.Now().UTC().Format("2006-01-02")+`.csv"`)
	w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	cw.Write([]string{"provider", "service", "region", "sku", "name", "os", "vcpu", "memory_gib", "term", "unit",
		"price", "upfront", "currency", "tier_start", "tier_end", "as_of", "source", "source_kind", "age_days", "flagged"})
	for _, o := range offers {
		it := item(o, s.now())
		cw.Write([]string{it.Provider, it.Service, it.Region, it.SKU, safeCell(it.Name), it.OS,
			strconv.FormatFloat(it.VCPU, 'f', -1, 64), strconv.FormatFloat(it.MemoryGiB, 'f', -1, 64), it.Term, it.Unit,
			it.Price, it.Upfront, it.Currency, it.TierStart, it.TierEnd, it.AsOf, safeCell(it.Source), it.SourceKind,
			strconv.Itoa(it.AgeDays), strconv.FormatBool(it.Flagged)})
	}
	cw.Flush()
	return cw.Error()
}

// safeCell neutralises a spreadsheet formula at the start of a cell.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
