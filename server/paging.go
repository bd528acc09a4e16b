package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"cloudadvisor/templates"
)

// Page sizes of the paged lists: the result page's workload sections (each
// a full comparison) and the estate view's rows of one group.
const (
	resultPerPage    = 25
	resultMaxPerPage = 100
	estateMaxPerPage = 500
)

// paramError is a query parameter that is not a whole number (Malformed:
// 400) or is outside Min..Max (422). Name is the parameter as the URL
// spells it, so the message can name it.
type paramError struct {
	Name      string
	Min, Max  int
	Malformed bool
}

func (e *paramError) Error() string {
	return "query parameter " + e.Name + ": want a whole number from " + strconv.Itoa(e.Min) + " to " + strconv.Itoa(e.Max)
}

// isParam matches a paramError that is (or is not) malformed.
func isParam(malformed bool) func(error) bool {
	return func(err error) bool {
		var pe *paramError
		return errors.As(err, &pe) && pe.Malformed == malformed
	}
}

// paramArgs are a paramError's name and allowed range, for its message.
func paramArgs(_ context.Context, err error) []any {
	var pe *paramError
	errors.As(err, &pe)
	return []any{pe.Name, pe.Min, pe.Max}
}

// intParam reads an optional whole-number query parameter within min..max;
// absent or empty, it is def.
func intParam(q url.Values, name string, def, min, max int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 9 {
		return 0, &paramError{Name: name, Min: min, Max: max, Malformed: true}
	}
	if n < min || n > max {
		return 0, &paramError{Name: name, Min: min, Max: max}
	}
	return n, nil
}

// paging reads page and per_page of the request for a list of total items
// shown perPage at a time by default (at most maxPer). The path and the
// query's other parameters (less keep's exclusions) make the pager's links.
func paging(r *http.Request, total, perPage, maxPer int) (templates.PagerView, error) {
	q := r.URL.Query()
	per, err := intParam(q, "per_page", perPage, 1, maxPer)
	if err != nil {
		return templates.PagerView{}, err
	}
	pages := max(1, (total+per-1)/per)
	page, err := intParam(q, "page", 1, 1, pages)
	if err != nil {
		return templates.PagerView{}, err
	}
	keep := url.Values{}
	for k, v := range q {
		if k != "page" && k != "per_page" && k != "changed" && k != "added" && k != "updated" &&
			k != "unchanged" && k != "refused" {
			keep[k] = v
		}
	}
	return templates.PagerView{Page: page, Pages: pages, PerPage: per, DefaultPerPage: perPage, Total: total,
		Path: r.URL.Path, Query: keep}, nil
}
