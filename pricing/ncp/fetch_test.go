package ncp_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/providertest"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/ncp"
)

// TestSign checks the signature against one computed apart, with
// `printf 'GET /billing/v1/product/getProductPriceList?pageNo=1&regionCode=KR\n1764921600000\nAK' |
// openssl dgst -sha256 -hmac SECRET -binary | base64`.
func TestSign(t *testing.T) {
	got := ncp.Sign("SECRET", "GET", "/billing/v1/product/getProductPriceList?pageNo=1&regionCode=KR", "1764921600000", "AK")
	if want := "Y5F2+XKrjJ/7TGMaCKaI6jWNJHWXmXV2LQXYk5USmYQ="; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func fakeClient(srv *providertest.Server) *ncp.Client {
	return &ncp.Client{BaseURL: srv.URL + providertest.NCPBase, AccessKey: providertest.NCPAccessKey,
		SecretKey: providertest.NCPSecretKey, HTTP: srv.Client()}
}

// TestFetchAllPages reads the two pages the fake cuts from the fixture,
// every request signed as the fake's gateway checks.
func TestFetchAllPages(t *testing.T) {
	srv := providertest.New(t, "")
	var got []pricing.Offer
	st, err := fakeClient(srv).Fetch(context.Background(), ncp.Query{Region: "KR", Currency: "KRW"},
		time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), func(o pricing.Offer) error { got = append(got, o); return nil })
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	if n := srv.Hits(providertest.NCPPrices); n != 1 {
		t.Errorf("page 1: got %d requests, want 1", n)
	}
	if n := srv.Hits(providertest.NCPPage2); n != 1 {
		t.Errorf("page 2: got %d requests, want 1 (4 rows, 2 a page)", n)
	}
	byService := map[pricing.Service]string{}
	for _, o := range got {
		if o.Currency != "KRW" || o.Region != "KR" || o.Provider != "ncp" {
			t.Errorf("got %s %s %s, want ncp KR prices in KRW", o.Provider, o.Region, o.Currency)
		}
		byService[o.Service] = o.Amount.String()
	}
	// The server is on page 1, the traffic product on page 2.
	want := map[pricing.Service]string{pricing.Compute: "317", pricing.BlockStorage: "116.8", pricing.Egress: "100"}
	for svc, amount := range want {
		if byService[svc] != amount {
			t.Errorf("%s: got %q, want %s", svc, byService[svc], amount)
		}
	}
	if st.Products != 3 || st.Skipped["product kind not mapped: NAS"] != 1 {
		t.Errorf("stats: got %v, want 3 products and the NAS skipped", st)
	}
}

// TestFetchRefused: a wrong key, a missing key, an error status and a
// malformed page each stop the fetch with an error.
func TestFetchRefused(t *testing.T) {
	srv := providertest.New(t, "")
	for _, tc := range []struct {
		name  string
		setup func(*ncp.Client)
		want  string
	}{
		{"wrong secret", func(c *ncp.Client) { c.SecretKey = "other" }, "401"},
		{"no secret", func(c *ncp.Client) { c.SecretKey = "" }, ncp.EnvSecretKey},
		{"timestamp in seconds", func(c *ncp.Client) {
			c.Now = func() time.Time { return time.Unix(time.Now().Unix()/1000, 0) }
		}, "401"},
		{"server error", func(*ncp.Client) { srv.Fail(providertest.NCPPage2, 1, http.StatusBadGateway) }, "page 2: get"},
		{"truncated page", func(*ncp.Client) {
			srv.Corrupt(providertest.NCPPage2, []byte(`{"getProductPriceListResponse": {"totalRows": 4, "productPriceList": [`))
		}, "page 2: ncp: byte"},
		{"empty page before totalRows", func(*ncp.Client) {
			srv.Corrupt(providertest.NCPPage2, []byte(`{"getProductPriceListResponse": {"returnCode": "0", "totalRows": 4, "productPriceList": []}}`))
		}, "empty after 2 of 4 rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := fakeClient(srv)
			tc.setup(c)
			_, err := c.Fetch(context.Background(), ncp.Query{Region: "KR", Currency: "KRW"}, time.Now(),
				func(pricing.Offer) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestEntryFetchNeedsKeys: the registry's fetcher reads its keys from the
// environment and says which are missing.
func TestEntryFetchNeedsKeys(t *testing.T) {
	if ncp.Entry.Fetch == nil {
		t.Fatal("ncp.Entry.Fetch is nil, want the List Price fetcher")
	}
	_, err := ncp.Entry.Fetch(context.Background(), pricing.FetchRequest{Getenv: func(string) string { return "" }},
		func(pricing.Offer) error { return nil })
	if !errors.Is(err, ncp.ErrNoCredentials) {
		t.Errorf("got %v, want ErrNoCredentials", err)
	}
}
