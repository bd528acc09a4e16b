package refresh

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/providertest"
	"cloudadvisor/pricing"
)

// memStore keeps the offers of each scope's active version, replacing them
// only when an import succeeds, as the SQL stores do.
type memStore struct {
	active map[string][]pricing.Offer
	n      int64
}

func (m *memStore) ImportCatalog(ctx context.Context, in pricing.CatalogImport,
	parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error) {
	var got []pricing.Offer
	if _, err := parse(func(o pricing.Offer) error { got = append(got, o); return o.Validate() }); err != nil {
		return pricing.CatalogVersion{}, err
	}
	if len(got) == 0 {
		return pricing.CatalogVersion{}, errors.New("the file holds no prices")
	}
	if m.active == nil {
		m.active = map[string][]pricing.Offer{}
	}
	m.active[in.Scope] = got
	m.n++
	return pricing.CatalogVersion{ID: m.n, Provider: in.Provider, Scope: in.Scope, Prices: len(got)}, nil
}

// find returns the offer of scope with sku, region and term.
func (m *memStore) find(scope, region, sku string, term pricing.Term) (pricing.Offer, bool) {
	for _, o := range m.active[scope] {
		if o.Region == region && o.SKU == sku && o.Term == term {
			return o, true
		}
	}
	return pricing.Offer{}, false
}

// testConfig points every provider at srv, for one region each.
func testConfig(srv *providertest.Server) Config {
	return Config{
		Regions: map[string][]string{"aws": {"us-east-1"}, "azure": {"eastus"}, "gcp": {"us-central1"}, "digitalocean": {"nyc1"},
			"ncp": {"KR"}},
		AWSURL:            srv.URL,
		AzureURL:          srv.URL + providertest.AzurePrices + "?api-version=2023-01-01-preview",
		GCPURL:            srv.URL,
		DigitalOceanURL:   srv.URL,
		ECBURL:            srv.URL + providertest.ECB,
		GCPKey:            "test-key",
		DigitalOceanToken: providertest.DigitalOceanToken,
		NCPURL:            srv.URL + providertest.NCPBase,
		NCPAccessKey:      providertest.NCPAccessKey,
		NCPSecretKey:      providertest.NCPSecretKey,
		AWSServices:       []string{"AmazonEC2"},
		AzureServices:     []string{"Virtual Machines"},
		HTTP:              &http.Client{Transport: &Retry{Sleep: func(context.Context, time.Duration) error { return nil }}},
		Now:               func() time.Time { return time.Date(2026, 12, 5, 6, 0, 0, 0, time.UTC) },
	}
}

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestRefreshRealResponses runs a full refresh against the real responses
// and finds the published figures.
func TestRefreshRealResponses(t *testing.T) {
	srv := providertest.New(t, "")
	srv.Throttle(providertest.AzurePage2, 2) // two 429s, then the page
	srv.Throttle(providertest.GCPPage2, 1)
	srv.Throttle(providertest.NCPPrices, 1)
	srv.Fail(providertest.NCPPage2, 2, http.StatusServiceUnavailable)
	db := &memStore{}
	jobs, skipped := Plan(testConfig(srv))
	results, err := Run(context.Background(), db, jobs, skipped, quiet())
	if err != nil {
		t.Fatalf("refresh: %v (%+v)", err, results)
	}
	if len(results) != 6 {
		t.Errorf("got %d results, want 6 (aws, azure, gcp, digitalocean, ncp, ecb)", len(results))
	}
	for _, tc := range []struct {
		name, provider, region, sku string
		term                        pricing.Term
		want                        string
	}{
		{"aws p4d.24xlarge", "aws", "us-east-1", "H7NGEAC6UEHNTKSJ", pricing.OnDemand, "32.7726"},
		{"azure D2s v3 linux, page 1", "azure", "eastus", "", pricing.OnDemand, ""},
		{"gcp n4a-standard-2 combined", "gcp", "us-central1", "n4a-standard-2", pricing.OnDemand, "0.077"},
		{"digitalocean s-1vcpu-1gb", "digitalocean", "nyc1", "s-1vcpu-1gb", pricing.OnDemand, "6"},
		{"digitalocean page 2 c-4", "digitalocean", "nyc1", "c-4", pricing.OnDemand, ""},
		{"ecb usd", "ecb", "global", "EUR/USD", pricing.OnDemand, "1.0705"},
		// The NCP fixture is written from the documented structure, not a
		// real response: these check the fetch, not the figures.
		{"ncp server, page 1", "ncp", "KR", "SPSVRSTAND000006", pricing.OnDemand, "317"},
		{"ncp traffic, page 2", "ncp", "KR", "FIXTURE.TRAFFIC.OUT", pricing.OnDemand, "100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.sku == "" {
				return
			}
			o, ok := db.find(Scope(tc.provider), tc.region, tc.sku, tc.term)
			if !ok {
				t.Fatalf("no %s %s %s in the refreshed catalog", tc.provider, tc.region, tc.sku)
			}
			if tc.want != "" && o.Amount.String() != tc.want {
				t.Errorf("got %s, want %s", o.Amount, tc.want)
			}
		})
	}
	azureByName := map[string]string{}
	for _, o := range db.active[Scope("azure")] {
		if o.Term == pricing.OnDemand && o.OS == "linux" {
			azureByName[o.Name] = o.Amount.String()
		}
	}
	for name, want := range map[string]string{"Standard_D2s_v3": "0.096", "Standard_B1s": "0.0104"} {
		if azureByName[name] != want {
			t.Errorf("azure %s: got %q, want %s (page 1 and page 2 both imported)", name, azureByName[name], want)
		}
	}
	if n := srv.Hits(providertest.AzurePage2); n != 3 {
		t.Errorf("azure page 2: got %d requests, want 3 (two 429s retried)", n)
	}
	if p1, p2 := srv.Hits(providertest.NCPPrices), srv.Hits(providertest.NCPPage2); p1 != 2 || p2 != 3 {
		t.Errorf("ncp: got %d and %d requests of pages 1 and 2, want 2 (a 429 retried) and 3 (two 503s retried)", p1, p2)
	}
	for _, o := range db.active[Scope("ncp")] {
		if o.Currency != "KRW" {
			t.Errorf("ncp %s: got %s, want KRW kept", o.SKU, o.Currency)
		}
	}
	for _, o := range db.active[Scope("digitalocean")] {
		if o.Region != "nyc1" && o.Region != "global" {
			t.Fatalf("got digitalocean region %s, want only nyc1", o.Region)
		}
	}
}

// TestRefreshSkipsMissingCredentials: providers needing a credential that
// is not set are skipped with a reason, the others still run.
func TestRefreshSkipsMissingCredentials(t *testing.T) {
	srv := providertest.New(t, "")
	c := testConfig(srv)
	c.GCPKey, c.DigitalOceanToken, c.NCPSecretKey = "", "", ""
	jobs, skipped := Plan(c)
	if len(jobs) != 3 || len(skipped) != 3 {
		t.Fatalf("got %d jobs and %d skipped, want 3 and 3", len(jobs), len(skipped))
	}
	for _, s := range skipped {
		if s.Status() != "skipped" || !strings.Contains(s.Skipped, "ADVISOR_") {
			t.Errorf("got %q %q, want skipped naming the variable", s.Status(), s.Skipped)
		}
	}
}

// TestRefreshSkipsNCPWithoutRegion: NCP has no region in the geographies
// asked for; it is skipped rather than failed with an empty import.
func TestRefreshSkipsNCPWithoutRegion(t *testing.T) {
	c := testConfig(providertest.New(t, ""))
	c.Regions["ncp"] = nil
	_, skipped := Plan(c)
	if len(skipped) != 1 || skipped[0].Provider != "ncp" || !strings.Contains(skipped[0].Skipped, "no NCP region") {
		t.Errorf("got %+v, want ncp skipped for want of a region", skipped)
	}
}

// TestRefreshFailureKeepsPrevious: each kind of failure fails only its
// provider, and the previous version of that provider keeps serving.
func TestRefreshFailureKeepsPrevious(t *testing.T) {
	for _, tc := range []struct {
		name, provider string
		break_         func(*providertest.Server)
	}{
		{"azure page 2 missing", "azure", func(s *providertest.Server) { s.Miss(providertest.AzurePage2) }},
		{"azure throttled for good", "azure", func(s *providertest.Server) { s.Throttle(providertest.AzurePage2, 100) }},
		{"azure truncated page", "azure", func(s *providertest.Server) {
			s.Corrupt(providertest.AzurePage2, []byte(`{"BillingCurrency":"USD","Items":[{"currencyCode":"USD","retailPrice":0.0104`))
		}},
		{"gcp bad record", "gcp", func(s *providertest.Server) {
			s.Corrupt(providertest.GCPPage2, readFile(t, "../gcp/testdata/bad-nanos.json"))
		}},
		{"aws region file missing", "aws", func(s *providertest.Server) { s.Miss(providertest.AWSEC2USEast1) }},
		{"digitalocean page 2 missing", "digitalocean", func(s *providertest.Server) { s.Miss(providertest.Path(providertest.DigitalOcean2)) }},
		{"ncp truncated page 2", "ncp", func(s *providertest.Server) {
			s.Corrupt(providertest.NCPPage2, []byte(`{"getProductPriceListResponse": {"returnCode": "0", "totalRows": 4, "productPriceList": [{"productCode"`))
		}},
		{"ncp malformed page 2", "ncp", func(s *providertest.Server) {
			s.Corrupt(providertest.NCPPage2, []byte(`{"getProductPriceListResponse": {"returnCode": "0", "totalRows": 4}}`))
		}},
		{"ncp page 2 failing for good", "ncp", func(s *providertest.Server) { s.Fail(providertest.NCPPage2, 100, http.StatusInternalServerError) }},
		{"ecb maintenance page", "ecb", func(s *providertest.Server) { s.Corrupt(providertest.ECB, []byte("<html>down</html>")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := providertest.New(t, "")
			db := &memStore{}
			c := testConfig(srv)
			jobs, _ := Plan(c)
			if _, err := Run(context.Background(), db, jobs, nil, quiet()); err != nil {
				t.Fatalf("first refresh: %v", err)
			}
			before := len(db.active[Scope(tc.provider)])
			tc.break_(srv)
			results, err := Run(context.Background(), db, jobs, nil, quiet())
			if !errors.Is(err, ErrPartial) {
				t.Fatalf("got %v, want ErrPartial", err)
			}
			for _, r := range results {
				want := "ok"
				if r.Provider == tc.provider {
					want = "failed"
				}
				if r.Status() != want {
					t.Errorf("%s: got %s (%v), want %s", r.Provider, r.Status(), r.Err, want)
				}
			}
			if got := len(db.active[Scope(tc.provider)]); got != before || before == 0 {
				t.Errorf("got %d prices serving after the failure, want the previous %d", got, before)
			}
		})
	}
}
