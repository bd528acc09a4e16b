package gcp

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"cloudadvisor/pricing"
)

// DefaultBaseURL is the Cloud Billing Catalog API; ComputeEngine is its
// service id for Compute Engine.
const (
	DefaultBaseURL = "https://cloudbilling.googleapis.com"
	ComputeEngine  = "6F81-5844-456A"
)

// maxPages bounds a fetch in case a server keeps returning page tokens.
const maxPages = 10000

// Fetch lists baseURL/v1/services/{serviceID}/skus in currency (empty for the
// API's default, USD) following nextPageToken, and sends every offer to sink.
// An API key may be given in baseURL's query (?key=...); it is left out of
// the offers' Source. SKUs without an effectiveTime are dated when the fetch
// began.
func Fetch(ctx context.Context, client *http.Client, baseURL, serviceID, currency string, sink pricing.Sink) (pricing.ImportStats, error) {
	var total pricing.ImportStats
	base, err := url.Parse(baseURL)
	if err != nil {
		return total, fmt.Errorf("import gcp skus: base url: %w", err)
	}
	started := time.Now().UTC()
	token := ""
	for n := 1; ; n++ {
		if n > maxPages {
			return total, fmt.Errorf("import gcp skus: more than %d pages", maxPages)
		}
		page := pageURL(base, serviceID, currency, token)
		stats, next, err := fetchPage(ctx, client, page, started, sink)
		add(&total, stats)
		if err != nil {
			return total, fmt.Errorf("import gcp skus page %d: %w", n, err)
		}
		if next == "" {
			return total, nil
		}
		if next == token {
			return total, fmt.Errorf("import gcp skus page %d: nextPageToken repeats", n)
		}
		token = next
	}
}

// pageURL is the address of one page; the key-less copy is the Source.
func pageURL(base *url.URL, serviceID, currency, token string) *url.URL {
	u := base.JoinPath("v1", "services", serviceID, "skus")
	q := u.Query()
	if currency != "" {
		q.Set("currencyCode", currency)
	}
	q.Set("pageSize", "5000")
	if token != "" {
		q.Set("pageToken", token)
	}
	u.RawQuery = q.Encode()
	return u
}

func fetchPage(ctx context.Context, client *http.Client, page *url.URL, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, page.String(), nil)
	if err != nil {
		return pricing.ImportStats{}, "", err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return pricing.ImportStats{}, "", err
	}
	defer resp.Body.Close()
	source := *page
	q := source.Query()
	q.Del("key")
	source.RawQuery = q.Encode()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return pricing.ImportStats{}, "", fmt.Errorf("get %s: status %s: %s", source.String(), resp.Status, body)
	}
	return ParsePage(resp.Body, source.String(), asOf, sink)
}

// add adds the counts of s to total.
func add(total *pricing.ImportStats, s pricing.ImportStats) {
	total.Products += s.Products
	total.Prices += s.Prices
	for reason, n := range s.Skipped {
		for range n {
			total.Skip(reason)
		}
	}
}
