package azure

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

// pageItem is one hand-written Virtual Machines item at a price.
func pageItem(arm, price string) string {
	return fmt.Sprintf(`{"currencyCode":"USD","tierMinimumUnits":0.0,"retailPrice":%s,"unitPrice":%s,`+
		`"armRegionName":"westeurope","location":"EU West","effectiveStartDate":"2024-01-01T00:00:00Z",`+
		`"meterId":"m-%s","meterName":"%s","skuId":"S/%s","productName":"Virtual Machines Series",`+
		`"skuName":"%s","serviceName":"Virtual Machines","serviceFamily":"Compute","unitOfMeasure":"1 Hour",`+
		`"type":"Consumption","isPrimaryMeterRegion":true,"armSkuName":"%s"}`, price, price, arm, arm, arm, arm, arm)
}

func TestFetchFollowsNextPageLink(t *testing.T) {
	var srv *httptest.Server
	var filters []string
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		filters = append(filters, r.URL.Query().Get("$filter"))
		next := "null"
		items := ""
		switch r.URL.Query().Get("$skip") {
		case "":
			items, next = pageItem("Standard_D2s_v3", "0.096"), fmt.Sprintf("%q", srv.URL+"/prices?$skip=1")
		case "1":
			items, next = pageItem("Standard_D4s_v3", "0.192"), fmt.Sprintf("%q", srv.URL+"/prices?$skip=2")
		case "2":
			items = pageItem("Standard_D8s_v3", "0.384")
		}
		fmt.Fprintf(w, `{"BillingCurrency":"USD","CustomerEntityId":"Default","CustomerEntityType":"Retail","Items":[%s],"NextPageLink":%s,"Count":1}`, items, next)
	}))
	defer srv.Close()

	var got []string
	stats, err := Fetch(context.Background(), srv.Client(), srv.URL+"/prices", "armRegionName eq 'westeurope'",
		func(o pricing.Offer) error {
			got = append(got, o.SKU+"="+o.Amount.String()+"@"+strings.TrimPrefix(o.Source, srv.URL))
			return nil
		})
	if err != nil {
		t.Fatalf("Fetch: %v", err)
	}
	want := []string{"Standard_D2s_v3/linux=0.096@/prices?%24filter=armRegionName+eq+%27westeurope%27",
		"Standard_D4s_v3/linux=0.192@/prices?$skip=1", "Standard_D8s_v3/linux=0.384@/prices?$skip=2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("offers (-want +got):\n%s", diff)
	}
	if stats.Prices != 3 || stats.Products != 3 {
		t.Errorf("got %s, want 3 products, 3 prices", stats)
	}
	if filters[0] != "armRegionName eq 'westeurope'" {
		t.Errorf("got first filter %q, want the one passed", filters[0])
	}
}

func TestFetchErrors(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		want    string
	}{
		{"server error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "throttled", http.StatusTooManyRequests)
		}, "page 1: get"},
		{"bad page", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `{"Items":[`+pageItem("Standard_D2s_v3", "-1")+`],"NextPageLink":null}`)
		}, "page 1: item 0"},
		{"next link loops", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `{"Items":[],"NextPageLink":"http://%s/p"}`, r.Host)
		}, "points to the same page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			_, err := Fetch(context.Background(), srv.Client(), srv.URL+"/p", "", func(pricing.Offer) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
