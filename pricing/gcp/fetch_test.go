package gcp

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

// skuJSON is one hand-written on-demand SKU in us-central1.
func skuJSON(id, nanos string) string {
	return fmt.Sprintf(`{"skuId":%q,"description":"N2 Instance Core running in Iowa",`+
		`"category":{"serviceDisplayName":"Compute Engine","resourceFamily":"Compute","resourceGroup":"CPU","usageType":"OnDemand"},`+
		`"serviceRegions":["us-central1"],"pricingInfo":[{"pricingExpression":{"usageUnit":"h",`+
		`"tieredRates":[{"startUsageAmount":0,"unitPrice":{"currencyCode":"USD","units":"0","nanos":%s}}]},`+
		`"currencyConversionRate":1,"effectiveTime":"2024-05-01T00:00:00Z"}]}`, id, nanos)
}

func TestFetchFollowsPageTokens(t *testing.T) {
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/services/6F81-5844-456A/skus" {
			http.NotFound(w, r)
			return
		}
		q := r.URL.Query()
		queries = append(queries, q.Get("currencyCode")+" "+q.Get("pageToken")+" "+q.Get("key"))
		switch q.Get("pageToken") {
		case "":
			fmt.Fprintf(w, `{"skus":[%s],"nextPageToken":"p2"}`, skuJSON("S-1", "31611000"))
		case "p2":
			fmt.Fprintf(w, `{"skus":[%s],"nextPageToken":"p3"}`, skuJSON("S-2", "1000"))
		default:
			fmt.Fprintf(w, `{"skus":[%s],"nextPageToken":""}`, skuJSON("S-3", "5"))
		}
	}))
	defer srv.Close()

	var got []string
	stats, err := Fetch(context.Background(), srv.Client(), srv.URL+"?key=secret", ComputeEngine, "USD",
		func(o pricing.Offer) error {
			if strings.Contains(o.Source, "secret") {
				t.Errorf("got source %s, want the API key left out", o.Source)
			}
			got = append(got, o.SKU+"="+o.Amount.String())
			return nil
		})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	if diff := cmp.Diff([]string{"S-1=0.031611", "S-2=0.000001", "S-3=0.000000005"}, got); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"USD  secret", "USD p2 secret", "USD p3 secret"}, queries); diff != "" {
		t.Errorf("queries (-want +got):\n%s", diff)
	}
	if stats.Products != 3 {
		t.Errorf("got %s, want 3 products", stats)
	}
}

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"forbidden", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, `{"error":{"code":403}}`, http.StatusForbidden)
		}, "page 1: get"},
		{"bad sku on page 2", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Query().Get("pageToken") == "" {
				fmt.Fprintf(w, `{"skus":[%s],"nextPageToken":"p2"}`, skuJSON("S-1", "1"))
				return
			}
			fmt.Fprintf(w, `{"skus":[%s]}`, skuJSON("S-2", "2000000000"))
		}, "page 2: sku 0"},
		{"token repeats", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `{"skus":[],"nextPageToken":"same"}`)
		}, "page 2: nextPageToken repeats"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			_, err := Fetch(context.Background(), srv.Client(), srv.URL, ComputeEngine, "", func(pricing.Offer) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
