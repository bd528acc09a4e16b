package digitalocean

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"cloudadvisor/pricing"
)

// DefaultBaseURL is the DigitalOcean API.
const DefaultBaseURL = "https://api.digitalocean.com"

// maxPages bounds a fetch in case a server keeps returning next links.
const maxPages = 1000

// Fetch reads baseURL/v2/sizes with the bearer token and follows
// links.pages.next, sending every offer to sink with asOf as its date. Next
// links must stay on baseURL's host, so the token is never sent elsewhere.
func Fetch(ctx context.Context, client *http.Client, baseURL, token string, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, error) {
	var stats pricing.ImportStats
	base, err := url.Parse(baseURL)
	if err != nil {
		return stats, fmt.Errorf("import digitalocean sizes: base url: %w", err)
	}
	next := base.JoinPath("v2", "sizes").String() + "?per_page=200"
	for n := 1; next != ""; n++ {
		if n > maxPages {
			return stats, fmt.Errorf("import digitalocean sizes: more than %d pages", maxPages)
		}
		page, err := fetchPage(ctx, client, base, next, token, asOf, sink, &stats)
		if err != nil {
			return stats, fmt.Errorf("import digitalocean sizes page %d: %w", n, err)
		}
		if page.Next == next {
			return stats, fmt.Errorf("import digitalocean sizes page %d: next link points to the same page", n)
		}
		next = page.Next
	}
	return stats, nil
}

func fetchPage(ctx context.Context, client *http.Client, base *url.URL, page, token string, asOf time.Time,
	sink pricing.Sink, stats *pricing.ImportStats) (Page, error) {
	u, err := url.Parse(page)
	if err != nil {
		return Page{}, err
	}
	if u.Host != base.Host {
		return Page{}, fmt.Errorf("next link %s leaves %s", page, base.Host)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, page, nil)
	if err != nil {
		return Page{}, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return Page{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return Page{}, fmt.Errorf("get %s: status %s: %s", page, resp.Status, body)
	}
	return parsePage(resp.Body, page, asOf, sink, stats)
}
