package ncp

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"cloudadvisor/pricing"
)

// DefaultBaseURL is the List Price API (Billing API v1) of the public
// cloud (https://api.ncloud-docs.com/docs/platform-listprice).
const DefaultBaseURL = "https://billingapi.apigw.ntruss.com/billing/v1"

// The environment variables of a fetch: the API key pair (an NCP access
// key and the secret key mapped to it) and a base URL override.
const (
	EnvAccessKey = "ADVISOR_NCP_ACCESS_KEY"
	EnvSecretKey = "ADVISOR_NCP_SECRET_KEY"
	EnvURL       = "ADVISOR_NCP_URL"
)

// Headers of a signed request (api.ncloud-docs.com/docs/common-ncpapi).
const (
	HeaderTimestamp = "x-ncp-apigw-timestamp"
	HeaderAccessKey = "x-ncp-iam-access-key"
	HeaderSignature = "x-ncp-apigw-signature-v2"
)

// PageSize is the rows asked for per page: the documented maximum.
const PageSize = 1000

// maxPages bounds a listing in case a server never reaches totalRows.
const maxPages = 10_000

// ErrNoCredentials says the access key or the secret key is not set.
var ErrNoCredentials = errors.New("ncp: " + EnvAccessKey + " and " + EnvSecretKey + " must both be set")

// Client reads getProductPriceList, signing each request with the key
// pair.
type Client struct {
	BaseURL              string // DefaultBaseURL when empty
	AccessKey, SecretKey string
	HTTP                 *http.Client     // http.DefaultClient when nil
	Now                  func() time.Time // time.Now when nil; stamps the signature
}

// Query is one listing: a region code (KR, JPN, ...), the currency prices
// are asked in (KRW, USD or JPY) and optional product category and item
// kind filters ("" lists every product of the region).
type Query struct {
	Region, Currency, ProductCategoryCode, ProductItemKindCode string
}

// Sign returns the x-ncp-apigw-signature-v2 of a request: the Base64 of the
// HMAC-SHA256, keyed with the secret key, of "METHOD URI\nTIMESTAMP\nACCESSKEY",
// where URI is the path and query string without the host and TIMESTAMP
// the x-ncp-apigw-timestamp header (milliseconds since 1970 UTC).
func Sign(secretKey, method, requestURI, timestamp, accessKey string) string {
	mac := hmac.New(sha256.New, []byte(secretKey))
	mac.Write([]byte(method + " " + requestURI + "\n" + timestamp + "\n" + accessKey))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// Fetch reads every page of the listing q, in JSON, and sends its offers to
// sink; prices stay in the currency asked for, and asOf dates those without
// a startDate. It asks pages until it has read totalRows products; a failed
// request, a page that does not parse or an empty page before totalRows
// stops it with an error naming the page.
func (c *Client) Fetch(ctx context.Context, q Query, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, error) {
	var st pricing.ImportStats
	if c.AccessKey == "" || c.SecretKey == "" {
		return st, ErrNoCredentials
	}
	read := 0
	for n := 1; ; n++ {
		if n > maxPages {
			return st, fmt.Errorf("import ncp prices %s: more than %d pages", q.Region, maxPages)
		}
		pg, err := c.page(ctx, q, n, asOf, &st, sink)
		if err != nil {
			return st, fmt.Errorf("import ncp prices %s page %d: %w", q.Region, n, err)
		}
		read += pg.products
		switch {
		case read >= pg.totalRows:
			return st, nil
		case pg.products == 0:
			// A listing cut short would otherwise pass for a whole one.
			return st, fmt.Errorf("import ncp prices %s page %d: empty after %d of %d rows", q.Region, n, read, pg.totalRows)
		}
	}
}

// page gets and parses page n of q.
func (c *Client) page(ctx context.Context, q Query, n int, asOf time.Time, st *pricing.ImportStats, sink pricing.Sink) (pageInfo, error) {
	req, err := c.request(ctx, q, n)
	if err != nil {
		return pageInfo{}, err
	}
	client := c.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return pageInfo{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return pageInfo{}, fmt.Errorf("get %s: status %s: %s", req.URL.Path, resp.Status, body)
	}
	dec := json.NewDecoder(resp.Body)
	dec.UseNumber()
	pg, err := parseResponse(dec, req.URL.String(), asOf, st, sink)
	if errors.Is(err, io.EOF) {
		return pageInfo{}, &ParseError{Product: -1, Reason: "empty response"}
	}
	return pg, err
}

// request builds the signed GET of page n. The Retry transport of a refresh
// resends it as it is: its timestamp stays within the gateway's five
// minutes over the few retries it makes.
func (c *Client) request(ctx context.Context, q Query, n int) (*http.Request, error) {
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+"/product/getProductPriceList", nil)
	if err != nil {
		return nil, err
	}
	v := req.URL.Query()
	v.Set("regionCode", q.Region)
	v.Set("payCurrencyCode", q.Currency)
	v.Set("responseFormatType", "json")
	v.Set("pageNo", strconv.Itoa(n))
	v.Set("pageSize", strconv.Itoa(PageSize))
	for k, f := range map[string]string{"productCategoryCode": q.ProductCategoryCode, "productItemKindCode": q.ProductItemKindCode} {
		if f != "" {
			v.Set(k, f)
		}
	}
	req.URL.RawQuery = v.Encode()
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	ts := strconv.FormatInt(now().UnixMilli(), 10)
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderAccessKey, c.AccessKey)
	req.Header.Set(HeaderSignature, Sign(c.SecretKey, http.MethodGet, req.URL.RequestURI(), ts, c.AccessKey))
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// fetchFromEnv is the registry's fetcher: the key pair and base URL from
// the environment, the region of req (KR when empty), its currency (KRW
// when empty) and req.Service as a product category code.
func fetchFromEnv(ctx context.Context, req pricing.FetchRequest, sink pricing.Sink) (pricing.ImportStats, error) {
	getenv := req.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	c := Client{BaseURL: getenv(EnvURL), AccessKey: getenv(EnvAccessKey), SecretKey: getenv(EnvSecretKey)}
	q := Query{Region: or(req.Region, "KR"), Currency: or(req.Currency, "KRW"), ProductCategoryCode: req.Service}
	return c.Fetch(ctx, q, req.AsOf, sink)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
