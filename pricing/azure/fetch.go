package azure

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"cloudadvisor/pricing"
)

// DefaultBaseURL is the Retail Prices API. The 2023-01-01-preview version
// adds the savingsPlan array to items.
const DefaultBaseURL = "https://prices.azure.com/api/retail/prices?api-version=2023-01-01-preview"

// maxPages bounds a fetch in case a server keeps returning next links.
const maxPages = 100000

// Fetch reads baseURL with the OData filter (for example
// "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'"; empty for
// none) and follows NextPageLink until it is null, sending every offer to sink.
// Each offer's Source is the address of its page. Tiers are ended only by
// tiers on the same page.
func Fetch(ctx context.Context, client *http.Client, baseURL, filter string, sink pricing.Sink) (pricing.ImportStats, error) {
	next, err := firstPage(baseURL, filter)
	if err != nil {
		return pricing.ImportStats{}, err
	}
	p := newParser(sink)
	for n := 1; next != ""; n++ {
		if n > maxPages {
			return p.stats, fmt.Errorf("import azure prices: more than %d pages", maxPages)
		}
		page := next
		next, err = p.fetchPage(ctx, client, page)
		if err != nil {
			return p.stats, fmt.Errorf("import azure prices page %d: %w", n, err)
		}
		if next == page {
			return p.stats, fmt.Errorf("import azure prices page %d: NextPageLink points to the same page", n)
		}
	}
	return p.stats, nil
}

// firstPage adds the filter to baseURL's query.
func firstPage(baseURL, filter string) (string, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "", fmt.Errorf("import azure prices: base url: %w", err)
	}
	if filter != "" {
		q := u.Query()
		q.Set("$filter", filter)
		u.RawQuery = q.Encode()
	}
	return u.String(), nil
}

// fetchPage gets and parses one page and returns its NextPageLink.
func (p *parser) fetchPage(ctx context.Context, client *http.Client, page string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, page, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return "", fmt.Errorf("get %s: status %s: %s", page, resp.Status, body)
	}
	return p.page(resp.Body, page)
}
