package digitalocean

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

func sizeJSON(slug, monthly string) string {
	return fmt.Sprintf(`{"slug":%q,"memory":1024,"vcpus":1,"disk":25,"transfer":1,"price_monthly":%s,`+
		`"price_hourly":0.00893,"regions":["nyc3"],"available":true,"description":"Basic"}`, slug, monthly)
}

func TestFetchFollowsNextLink(t *testing.T) {
	var srv *httptest.Server
	var auth []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = append(auth, r.Header.Get("Authorization"))
		if r.URL.Path != "/v2/sizes" {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("page") == "2" {
			fmt.Fprintf(w, `{"sizes":[%s],"links":{"pages":{"prev":"%s/v2/sizes?page=1"}},"meta":{"total":2}}`,
				sizeJSON("s-2vcpu-2gb", "12"), srv.URL)
			return
		}
		fmt.Fprintf(w, `{"sizes":[%s],"links":{"pages":{"next":"%s/v2/sizes?page=2&per_page=1","last":"%s/v2/sizes?page=2&per_page=1"}},"meta":{"total":2}}`,
			sizeJSON("s-1vcpu-1gb", "6"), srv.URL, srv.URL)
	}))
	defer srv.Close()

	var got []string
	stats, err := Fetch(context.Background(), srv.Client(), srv.URL, "tok123", asOf, func(o pricing.Offer) error {
		got = append(got, o.SKU+"="+o.Amount.String()+"@"+strings.TrimPrefix(o.Source, srv.URL))
		return nil
	})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := []string{"s-1vcpu-1gb=6@/v2/sizes?per_page=200", "s-2vcpu-2gb=12@/v2/sizes?page=2&per_page=1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Bearer tok123", "Bearer tok123"}, auth); diff != "" {
		t.Errorf("Authorization headers (-want +got):\n%s", diff)
	}
	if stats.Products != 2 {
		t.Errorf("got %s, want 2 products", stats)
	}
}

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"unauthorized", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, `{"id":"unauthorized"}`, http.StatusUnauthorized)
		}, "page 1: get"},
		{"next link to another host keeps the token home", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"sizes":[],"links":{"pages":{"next":"https://api.digitalocean.com/v2/sizes?page=2"}}}`)
		}, "page 2: next link https://api.digitalocean.com/v2/sizes?page=2 leaves"},
		{"bad size", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"sizes":[%s]}`, sizeJSON("s-1vcpu-1gb", "-6"))
		}, "page 1: size 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			_, err := Fetch(context.Background(), srv.Client(), srv.URL, "t", asOf, func(pricing.Offer) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
