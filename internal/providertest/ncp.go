package providertest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"
)

// The fake of Naver Cloud's List Price API (getProductPriceList). No real
// response exists: it serves the products of NCPFixture, which is written
// from the documented structure of the API and says so, cut into pages of
// NCPPageRows products whatever pageSize asks (a server may send fewer
// rows than asked; totalRows says how many there are).
const (
	// NCPBase is the base URL path, as in billingapi.apigw.ntruss.com/billing/v1.
	NCPBase   = "/billing/v1"
	NCPPrices = NCPBase + "/product/getProductPriceList"
	// NCPPage2 names every page after the first.
	NCPPage2 = NCPPrices + "#page2"
	// The key pair the fake accepts.
	NCPAccessKey = "test-ncp-access-key"
	NCPSecretKey = "test-ncp-secret-key"
	// NCPFixture is the documented-shape response, relative to a package
	// two levels below the module root.
	NCPFixture  = "../../pricing/ncp/testdata/getproductpricelist.json"
	NCPPageRows = 2
)

// ncpPageNo is the pageNo asked for, 1 when absent or not a number.
func ncpPageNo(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("pageNo"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// serveNCP checks the request's signature as the API gateway does, then
// serves the asked page of the region's products in JSON (or, without
// responseFormatType=json, the API's default XML, which the importer
// refuses).
func (s *Server) serveNCP(w http.ResponseWriter, r *http.Request) {
	if reason := ncpAuth(r); reason != "" {
		// The gateway's error body is not reproduced; clients read the status.
		http.Error(w, reason, http.StatusUnauthorized)
		return
	}
	q := r.URL.Query()
	if q.Get("responseFormatType") != "json" {
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><getProductPriceListResponse><returnCode>0</returnCode></getProductPriceListResponse>`))
		return
	}
	if q.Get("regionCode") == "" || (q.Get("payCurrencyCode") != "" && q.Get("payCurrencyCode") != "KRW") {
		http.Error(w, "the fake serves a regionCode's prices in KRW only", http.StatusBadRequest)
		return
	}
	products, err := ncpProducts(q.Get("regionCode"), q.Get("productItemKindCode"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	from := min((ncpPageNo(r)-1)*NCPPageRows, len(products))
	page := products[from:min(from+NCPPageRows, len(products))]
	json.NewEncoder(w).Encode(map[string]any{
		"_fixture": "NOT A REAL NCP RESPONSE: a page cut by internal/providertest from " + NCPFixture +
			", which is written from the documented structure of getProductPriceList.",
		"getProductPriceListResponse": map[string]any{"requestId": "fake", "returnCode": "0", "returnMessage": "success",
			"totalRows": len(products), "productPriceList": page}})
}

// ncpAuth says why a request is not signed as documented
// (api.ncloud-docs.com/docs/common-ncpapi), or "" when it is: the
// timestamp in milliseconds within five minutes of now, the access key,
// and the Base64 HMAC-SHA256 of "METHOD URI\nTIMESTAMP\nACCESSKEY" keyed
// with the secret key, URI being the path and query without the host.
func ncpAuth(r *http.Request) string {
	ts := r.Header.Get("x-ncp-apigw-timestamp")
	ms, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return "x-ncp-apigw-timestamp missing or not a number"
	}
	if d := time.Since(time.UnixMilli(ms)); d > 5*time.Minute || d < -5*time.Minute {
		return "x-ncp-apigw-timestamp is more than five minutes off (not milliseconds?)"
	}
	if r.Header.Get("x-ncp-iam-access-key") != NCPAccessKey {
		return "x-ncp-iam-access-key unknown"
	}
	mac := hmac.New(sha256.New, []byte(NCPSecretKey))
	fmt.Fprintf(mac, "%s %s\n%s\n%s", r.Method, r.URL.RequestURI(), ts, NCPAccessKey)
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(r.Header.Get("x-ncp-apigw-signature-v2")), []byte(want)) {
		return "x-ncp-apigw-signature-v2 does not match"
	}
	return ""
}

// ncpProducts are the fixture's products with a price in region (their
// other regions' prices dropped), of item kind when it is not empty.
func ncpProducts(region, kind string) ([]map[string]any, error) {
	b, err := os.ReadFile(NCPFixture)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Resp struct {
			Products []map[string]any `json:"productPriceList"`
		} `json:"getProductPriceListResponse"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", NCPFixture, err)
	}
	out := []map[string]any{}
	for _, p := range doc.Resp.Products {
		if k, _ := p["productItemKind"].(map[string]any); kind != "" && k["code"] != kind {
			continue
		}
		var prices []any
		for _, pr := range p["priceList"].([]any) {
			if reg, _ := pr.(map[string]any)["region"].(map[string]any); reg["regionCode"] == region {
				prices = append(prices, pr)
			}
		}
		if len(prices) > 0 {
			p["priceList"] = prices
			out = append(out, p)
		}
	}
	return out, nil
}
