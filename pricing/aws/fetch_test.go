package aws

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awspricing "github.com/aws/aws-sdk-go-v2/service/pricing"
	"github.com/aws/aws-sdk-go-v2/service/pricing/types"
	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

// getProductsRequest is the JSON 1.1 body the SDK sends.
type getProductsRequest struct {
	ServiceCode   string
	FormatVersion string
	NextToken     string
	MaxResults    int
	Filters       []struct{ Field, Type, Value string }
}

// priceListItems are the two PriceList strings of the fixture response.
func priceListItems(tb testing.TB) []string {
	tb.Helper()
	raw, err := os.ReadFile("testdata/getproducts-small.json")
	if err != nil {
		tb.Fatal(err)
	}
	var resp struct{ PriceList []string }
	if err := json.Unmarshal(raw, &resp); err != nil {
		tb.Fatal(err)
	}
	return resp.PriceList
}

// newPricingServer answers AWSPriceListService.GetProducts in two pages and
// records the requests it got.
func newPricingServer(tb testing.TB, items []string) (*httptest.Server, *[]getProductsRequest) {
	var mu sync.Mutex
	var reqs []getProductsRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("X-Amz-Target"); got != "AWSPriceListService.GetProducts" {
			http.Error(w, "unexpected target "+got, http.StatusBadRequest)
			return
		}
		var req getProductsRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		reqs = append(reqs, req)
		mu.Unlock()
		resp := map[string]any{"FormatVersion": "aws_v1"}
		switch req.NextToken {
		case "":
			resp["PriceList"], resp["NextToken"] = items[:1], "page-2-token"
		case "page-2-token":
			resp["PriceList"] = items[1:]
		default:
			http.Error(w, "bad token", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		json.NewEncoder(w).Encode(resp)
	}))
	tb.Cleanup(srv.Close)
	return srv, &reqs
}

func newSDKClient(url string) *awspricing.Client {
	return awspricing.New(awspricing.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: aws.AnonymousCredentials{},
	})
}

func TestFetchProducts(t *testing.T) {
	srv, reqs := newPricingServer(t, priceListItems(t))
	var offers []pricing.Offer
	stats, err := FetchProducts(context.Background(), newSDKClient(srv.URL), "AmazonEC2", "us-west-2",
		func(o pricing.Offer) error { offers = append(offers, o); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(*reqs) != 2 {
		t.Fatalf("requests: got %d, want 2 pages", len(*reqs))
	}
	for i, req := range *reqs {
		if req.ServiceCode != "AmazonEC2" || req.FormatVersion != "aws_v1" {
			t.Errorf("request %d: got service %q format %q, want AmazonEC2 aws_v1", i, req.ServiceCode, req.FormatVersion)
		}
		want := []struct{ Field, Type, Value string }{{"regionCode", "TERM_MATCH", "us-west-2"}}
		if diff := cmp.Diff(want, req.Filters); diff != "" {
			t.Errorf("request %d filters (-want +got):\n%s", i, diff)
		}
	}
	if (*reqs)[1].NextToken != "page-2-token" {
		t.Errorf("second request token: got %q, want page-2-token", (*reqs)[1].NextToken)
	}
	if stats.Prices != 2 || len(offers) != 2 || offers[0].SKU != "GPSKUT4GNANO0001" || offers[1].SKU != "GPSKUT4GNANO0002" {
		t.Errorf("got %s, offers %d, want 2 prices of GPSKUT4GNANO0001 and GPSKUT4GNANO0002", stats, len(offers))
	}
	for _, o := range offers {
		if o.Region != "us-west-2" {
			t.Errorf("%s region: got %q, want us-west-2", o.SKU, o.Region)
		}
	}
}

func TestFetchProductsAPIError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-ErrorType", "AccessDeniedException")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"__type":"AccessDeniedException","Message":"denied"}`))
	}))
	defer srv.Close()
	_, err := FetchProducts(context.Background(), newSDKClient(srv.URL), "AmazonEC2", "us-east-1",
		func(pricing.Offer) error { return nil })
	var denied *types.AccessDeniedException
	if !errors.As(err, &denied) {
		t.Errorf("got %v, want an AccessDeniedException", err)
	}
}

// bulkFiles maps bulk API paths to fixture files.
var bulkFiles = map[string]string{
	"/offers/v1.0/aws/index.json":                                                       "testdata/offer-index-small.json",
	"/offers/v1.0/aws/AmazonEC2/current/region_index.json":                              "testdata/region-index-small.json",
	"/offers/v1.0/aws/AmazonEC2/20250912225308/eu-central-1/index.json":                 "testdata/offer-ec2-small.json",
	"/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json":             "testdata/savingsplan-region-index-small.json",
	"/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/eu-central-1/index.csv": "testdata/savingsplan-small.csv",
}

func newBulkServer(tb testing.TB) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file, ok := bulkFiles[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, file)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func TestBulkClient(t *testing.T) {
	srv := newBulkServer(t)
	c := &BulkClient{BaseURL: srv.URL, HTTP: srv.Client()}
	ctx := context.Background()
	var offers []pricing.Offer
	sink := func(o pricing.Offer) error { offers = append(offers, o); return nil }

	stats, err := c.FetchRegion(ctx, "AmazonEC2", "eu-central-1", sink)
	if err != nil {
		t.Fatal(err)
	}
	wantSource := srv.URL + "/offers/v1.0/aws/AmazonEC2/20250912225308/eu-central-1/index.json"
	if stats.Prices != 9 || offers[0].Source != wantSource {
		t.Errorf("got %s from %s, want 9 prices from %s", stats, offers[0].Source, wantSource)
	}

	offers = nil
	stats, err = c.FetchSavingsPlanRegion(ctx, "AmazonEC2", "eu-central-1", sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Prices != 3 || offers[0].Term != pricing.SavingsPlan1y {
		t.Errorf("savings plans: got %s, first term %s, want 3 prices, savings_plan_1y", stats, offers[0].Term)
	}

	tests := []struct {
		name          string
		offer, region string
	}{
		{"unknown region", "AmazonEC2", "mars-north-1"},
		{"unknown offer", "AmazonNothing", "eu-central-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.FetchRegion(ctx, tt.offer, tt.region, sink)
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("got %v, want %v", err, ErrNotFound)
			}
		})
	}
	if _, err := c.FetchRegion(ctx, "AmazonEC2", "us-east-1", sink); err == nil {
		t.Errorf("region file missing on the server: got no error, want a 404 status error")
	}
}

// TestBulkClientStreams serves three quarters of an offer file, then waits
// for the first offer to reach the sink before sending the rest: the body
// is parsed as it arrives, not after it is read whole.
func TestBulkClientStreams(t *testing.T) {
	path, _ := writeOffer(t, t.TempDir(), 1_000_000)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan struct{})
	var streamed atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("GET /offers/v1.0/aws/index.json", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "testdata/offer-index-small.json")
	})
	mux.HandleFunc("GET /offers/v1.0/aws/AmazonEC2/current/region_index.json", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, "testdata/region-index-small.json")
	})
	mux.HandleFunc("GET /offers/v1.0/aws/AmazonEC2/20250912225308/us-east-1/index.json", func(w http.ResponseWriter, r *http.Request) {
		cut := len(data) * 3 / 4
		w.Write(data[:cut])
		w.(http.Flusher).Flush()
		select {
		case <-got:
			streamed.Store(true)
		case <-time.After(5 * time.Second):
		}
		w.Write(data[cut:])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := &BulkClient{BaseURL: srv.URL, HTTP: srv.Client()}
	var once sync.Once
	_, err = c.FetchRegion(context.Background(), "AmazonEC2", "us-east-1", func(pricing.Offer) error {
		once.Do(func() { close(got) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !streamed.Load() {
		t.Errorf("first offer arrived after the whole body, want it while the body was still open")
	}
}
