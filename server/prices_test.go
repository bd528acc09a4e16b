package server

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPricesAPI(t *testing.T) {
	a := startApp(t)
	type items struct {
		Items []struct {
			Provider, Service, Region, SKU, OS, Term, Unit, Price, Currency, AsOf, Source string
			AsOfJSON                                                                      string `json:"as_of"`
		} `json:"items"`
		Missing []struct{ SKU, Region, Reason string } `json:"missing"`
	}
	get := func(t *testing.T, q string, want int) items {
		t.Helper()
		resp, body := a.Do(t, "GET", "/api/v1/prices?"+q, "", "")
		if resp.StatusCode != want {
			t.Fatalf("%s: got %d %s, want %d", q, resp.StatusCode, body, want)
		}
		var out items
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// m5.large in us-east-1 is priced at AWS's published 0.096 USD per hour
	// (the same figure as the AWS Price List file in ../shared/pricing-samples).
	got := get(t, "provider=aws&region=us-east-1&sku=6C86BEPQVG73ZGGR&term=on_demand", 200)
	if len(got.Items) != 1 {
		t.Fatalf("got %d items, want 1", len(got.Items))
	}
	it := got.Items[0]
	if it.Price != "0.096" || it.Unit != "hour" || it.Currency != "USD" || it.AsOfJSON == "" || !strings.HasPrefix(it.Source, "https://") {
		t.Errorf("got %+v, want 0.096 USD per hour with an as-of date and a source", it)
	}
	// A SKU with no price in a region is reported as missing, not as zero.
	got = get(t, "provider=aws&region=ap-northeast-2&sku=6C86BEPQVG73ZGGR", 200)
	if len(got.Items) != 0 || len(got.Missing) != 1 {
		t.Errorf("got %+v, want no items and one missing entry", got)
	}
	// Filters.
	got = get(t, "provider=gcp&region=asia-northeast3&os=linux&term=on_demand&service=compute&vcpu=4&memory_gib=16&sort=price&limit=5", 200)
	if len(got.Items) == 0 || len(got.Items) > 5 {
		t.Fatalf("got %d items, want 1 to 5", len(got.Items))
	}
	for _, it := range got.Items {
		if it.Provider != "gcp" || it.Region != "asia-northeast3" || it.OS != "linux" || it.Term != "on_demand" {
			t.Errorf("got %+v outside the filter", it)
		}
	}
	resp, body := a.Do(t, "GET", "/api/v1/prices?term=forever&os=beos", "", "")
	if resp.StatusCode != 422 || !strings.Contains(body, `"field": "term"`) || !strings.Contains(body, `"field": "os"`) {
		t.Errorf("bad filters: got %d %s, want 422 naming term and os", resp.StatusCode, body)
	}
}

func TestPriceBrowser(t *testing.T) {
	a := startApp(t)
	resp, body := a.Do(t, "GET", "/prices?provider=aws&region=us-east-1&term=on_demand&sort=vcpu", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("got %d, want 200", resp.StatusCode)
	}
	for _, want := range []string{`data-testid="prices"`, "m5.large", "USD 0.096", "2021-02-05", "github.com", `href="/prices.csv?`} {
		if !strings.Contains(body, want) {
			t.Errorf("price browser lacks %q", want)
		}
	}
	if resp, _ = a.Do(t, "GET", "/prices?vcpu=-3", "", ""); resp.StatusCode != 422 {
		t.Errorf("bad filter: got %d, want 422", resp.StatusCode)
	}
	resp, body = a.Do(t, "GET", "/prices.csv?provider=aws&region=us-east-1&term=on_demand", "", "")
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "\ufeffprovider,service,region,sku") {
		t.Fatalf("csv: got %d %.80q, want a CSV with a BOM and a header", resp.StatusCode, body)
	}
	if !strings.Contains(body, "aws,compute,us-east-1,6C86BEPQVG73ZGGR,m5.large,linux,2,8,on_demand,hour,0.096,,USD") {
		t.Errorf("csv lacks the m5.large row")
	}
	if strings.Contains(body, "eu-west-1") {
		t.Errorf("csv holds rows outside the filter")
	}
}

// TestPricesByName: the API and the browser find a product by the name people
// know, in any case; a name past the cap is refused naming the field.
func TestPricesByName(t *testing.T) {
	a := startApp(t)
	resp, body := a.Do(t, "GET", "/api/v1/prices?name=M5.LARGE&term=on_demand", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("got %d %.200s", resp.StatusCode, body)
	}
	var doc struct {
		Prices []struct{ Name string } `json:"items"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || len(doc.Prices) == 0 {
		t.Fatalf("decode: %v, %d prices", err, len(doc.Prices))
	}
	for _, p := range doc.Prices {
		if p.Name != "m5.large" {
			t.Errorf("name=M5.LARGE returned %q", p.Name)
		}
	}
	resp, body = a.Do(t, "GET", "/prices?name=m5.large&geography=asia-seoul", "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, "m5.large") || strings.Contains(body, "t3.micro") ||
		!strings.Contains(body, `value="m5.large"`) {
		t.Errorf("browser by name: got %d, want m5.large rows only and the filter kept", resp.StatusCode)
	}
	resp, body = a.Do(t, "GET", "/api/v1/prices?name="+strings.Repeat("x", 101), "", "")
	if resp.StatusCode != 422 || !strings.Contains(body, `"field": "name"`) {
		t.Errorf("long name: got %d %.200s, want 422 naming name", resp.StatusCode, body)
	}
}
