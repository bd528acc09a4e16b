package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/providertest"
	"cloudadvisor/internal/samples"
	"cloudadvisor/internal/storetest"
	"cloudadvisor/pricing"
)

// refreshEnv is a catalog env whose provider endpoints are a fake serving
// the real sample responses.
func refreshEnv(tb testing.TB) (*catalogEnv, *providertest.Server) {
	tb.Helper()
	srv := providertest.New(tb, "")
	c := newCatalogEnv(tb)
	c.env["ADVISOR_AWS_PRICING_URL"] = srv.URL
	c.env["ADVISOR_AZURE_PRICES_URL"] = srv.URL + providertest.AzurePrices + "?api-version=2023-01-01-preview"
	c.env["ADVISOR_GCP_BILLING_URL"] = srv.URL
	c.env["ADVISOR_DIGITALOCEAN_URL"] = srv.URL
	c.env["ADVISOR_ECB_URL"] = srv.URL + providertest.ECB
	c.env["ADVISOR_DIGITALOCEAN_TOKEN"] = providertest.DigitalOceanToken
	return c, srv
}

// offer reads one active price from the env's database.
func (c *catalogEnv) offer(tb testing.TB, f pricing.OfferFilter) (pricing.Offer, bool) {
	tb.Helper()
	db, err := openStore(context.Background(), c.env["ADVISOR_DB"], "")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	offers, err := db.Offers(context.Background(), f)
	if err != nil {
		tb.Fatal(err)
	}
	if len(offers) == 0 {
		return pricing.Offer{}, false
	}
	return offers[0], true
}

// TestCatalogRefresh runs `web catalog refresh` against the real responses
// through the environment overrides and finds the published figures in the
// store; gcp, without its key, is skipped with one line.
func TestCatalogRefresh(t *testing.T) {
	c, _ := refreshEnv(t)
	out := c.mustRun(t, "refresh", "--geographies", "us-east", "--aws-services", "AmazonEC2")
	for _, want := range []string{"skipped gcp: ADVISOR_GCP_API_KEY is not set",
		"skipped ncp: ADVISOR_NCP_ACCESS_KEY and ADVISOR_NCP_SECRET_KEY are not both set", "refreshed aws: version",
		"refreshed azure: version", "refreshed digitalocean: version", "refreshed ecb: version",
		"note digitalocean: managed databases not refreshed: the API's /v2/databases/options lists sizes without prices"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, tc := range []struct {
		name string
		f    pricing.OfferFilter
		want string
	}{
		{"aws p4d.24xlarge", pricing.OfferFilter{Provider: "aws", Region: "us-east-1", SKU: "H7NGEAC6UEHNTKSJ", Term: pricing.OnDemand}, "32.7726"},
		{"digitalocean s-2vcpu-4gb", pricing.OfferFilter{Provider: "digitalocean", Region: "nyc3", SKU: "s-2vcpu-4gb"}, "24"},
		{"ecb usd", pricing.OfferFilter{Provider: "ecb", SKU: "EUR/USD"}, "1.0705"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, ok := c.offer(t, tc.f)
			if !ok {
				t.Fatalf("no price for %+v", tc.f)
			}
			if o.Amount.String() != tc.want {
				t.Errorf("got %s, want %s", o.Amount, tc.want)
			}
		})
	}
}

// TestCatalogRefreshNCP refreshes Naver Cloud for Seoul through the
// environment (key pair and base URL) from the fake List Price API, which
// checks each request's signature and serves two pages of the
// documented-shape fixture (not a real response): prices land in KRW.
func TestCatalogRefreshNCP(t *testing.T) {
	c, srv := refreshEnv(t)
	c.env["ADVISOR_NCP_URL"] = srv.URL + providertest.NCPBase
	c.env["ADVISOR_NCP_ACCESS_KEY"], c.env["ADVISOR_NCP_SECRET_KEY"] = providertest.NCPAccessKey, providertest.NCPSecretKey
	out := c.mustRun(t, "refresh", "--geographies", "asia-seoul", "--providers", "ncp")
	if !strings.Contains(out, "refreshed ncp: version") {
		t.Fatalf("got %q, want ncp refreshed", out)
	}
	o, ok := c.offer(t, pricing.OfferFilter{Provider: "ncp", Region: "KR", SKU: "SPSVRSTAND000006", Term: pricing.OnDemand})
	if !ok || o.Amount.String() != "317" || o.Currency != "KRW" {
		t.Errorf("got %v %s %s, want the fixture's server at 317 KRW", ok, o.Amount, o.Currency)
	}
}

// TestCatalogRefreshFailureKeepsPrevious: a page missing on the second
// refresh fails azure alone, and its first version keeps serving.
func TestCatalogRefreshFailureKeepsPrevious(t *testing.T) {
	c, srv := refreshEnv(t)
	args := []string{"refresh", "--geographies", "us-east", "--providers", "azure,ecb", "--azure-services", "Virtual Machines"}
	c.mustRun(t, args...)
	srv.Miss(providertest.AzurePage2)
	out, err := c.run(t, args...)
	if err == nil || !strings.Contains(out, "failed azure") || !strings.Contains(out, "refreshed ecb") {
		t.Fatalf("got %v:\n%s\nwant azure failed and ecb refreshed", err, out)
	}
	o, ok := c.offer(t, pricing.OfferFilter{Provider: "azure", Region: "eastus", Term: pricing.OnDemand, OS: "linux", Service: pricing.Compute, OrderBy: "price"})
	if !ok || o.Amount.String() != "0.0104" {
		t.Errorf("got %v %s, want the first refresh's Standard_B1s at 0.0104 still serving", ok, o.Amount)
	}
}

// TestScheduledRefresh: a server with a short refresh interval refreshes
// in the background against the real responses; the prices appear in the
// API without any request waiting for them.
func TestScheduledRefresh(t *testing.T) {
	scheduledRefresh(t, 1, nil)
}

// TestScheduledRefreshTwoInstances: two instances on one PostgreSQL
// database refresh under its advisory lock, one at a time.
func TestScheduledRefreshTwoInstances(t *testing.T) {
	scheduledRefresh(t, 2, map[string]string{"ADVISOR_DATABASE_URL": storetest.PostgresURL(t),
		"ADVISOR_SESSION_KEYS": testSessionKeys})
}

func scheduledRefresh(t *testing.T, instances int, extra map[string]string) {
	c, srv := refreshEnv(t)
	env := map[string]string{"ADVISOR_REFRESH_INTERVAL": "200ms"}
	for k, v := range c.env {
		if k != "ADVISOR_DB" {
			env[k] = v
		}
	}
	for k, v := range extra {
		env[k] = v
	}
	apps := startApps(t, instances, env)
	// The full geography list is asked for: aws and azure fail (the fake
	// serves us-east only) while digitalocean and ecb succeed. Poll until
	// every instance serves the ECB rates, however long the machine takes.
	for _, a := range apps {
		for {
			_, body := a.Do(t, "GET", "/api/v1/prices?provider=ecb&sku=EUR/USD", "", "")
			if strings.Contains(body, "1.0705") {
				break
			}
			select {
			case err := <-a.done:
				t.Fatalf("server stopped: %v", err)
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
	if n := srv.Hits(providertest.ECB); n < 1 {
		t.Errorf("got %d ECB requests, want at least 1", n)
	}
}

// BenchmarkCatalogRefresh times `web catalog refresh` of aws (EC2), azure,
// digitalocean and ecb for us-east against the fake serving the real sample
// responses: the speed of fetch, spool and import, not of the network.
func BenchmarkCatalogRefresh(b *testing.B) {
	c, _ := refreshEnv(b)
	for b.Loop() {
		c.mustRun(b, "refresh", "--geographies", "us-east", "--aws-services", "AmazonEC2")
	}
}

// TestImportNotDatedByFileTime: a file without dates is dated the day of
// the import, never its modification time, and the import says so.
func TestImportNotDatedByFileTime(t *testing.T) {
	c := newCatalogEnv(t)
	b, err := os.ReadFile(providertest.Samples + "/digitalocean/v2-sizes-all-2024-10-18.json")
	if err != nil {
		samples.Missing(t, "DigitalOcean sample not available: "+err.Error())
	}
	path := filepath.Join(c.dir, "sizes.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	before := time.Now().UTC().Truncate(24 * time.Hour)
	out := c.mustRun(t, "import", "--provider", "digitalocean", "--file", path)
	after := time.Now().UTC()
	if !strings.Contains(out, "dated: by the import date") {
		t.Errorf("output does not say how the prices were dated:\n%s", out)
	}
	o, ok := c.offer(t, pricing.OfferFilter{Provider: "digitalocean", SKU: "s-1vcpu-1gb", Region: "nyc3"})
	if !ok {
		t.Fatal("no s-1vcpu-1gb in nyc3")
	}
	// The import day: on or after the day the import started, not after it
	// ended (a date window, not a duration).
	if day := o.AsOf.UTC(); day.Before(before) || day.After(after) {
		t.Errorf("got as-of %s, want the import day (%s to %s)", day.Format(time.DateOnly),
			before.Format(time.DateOnly), after.Format(time.DateOnly))
	}
}

// TestImportRefusesFirstPage: one page of a paginated response is refused
// unless --allow-partial says it is meant.
func TestImportRefusesFirstPage(t *testing.T) {
	for _, tc := range []struct{ provider, file string }{
		{"gcp", "gcp/cloudbilling-skus-compute-gpu-a2-opencost.json"},
		{"digitalocean", "digitalocean/v2-sizes-page1-per_page20-2024-11-17.json"},
	} {
		t.Run(tc.provider, func(t *testing.T) {
			c := newCatalogEnv(t)
			path := providertest.Samples + "/" + tc.file
			if _, err := os.Stat(path); err != nil {
				t.Skipf("sample not available: %v", err)
			}
			if _, err := c.run(t, "import", "--provider", tc.provider, "--file", path); err == nil || !strings.Contains(err.Error(), "one page of a paginated response") {
				t.Errorf("got %v, want the first page refused", err)
			}
			c.mustRun(t, "import", "--provider", tc.provider, "--file", path, "--allow-partial")
		})
	}
}
