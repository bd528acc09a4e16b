// Package providertest serves the real provider responses kept in
// ../shared/pricing-samples from one httptest server, at the paths and
// with the pagination each provider's API uses, so that refresh code can be
// tested through its base-URL overrides. Where a response is not a sample
// file, the handler says where its shape comes from.
package providertest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Samples is the sample directory, relative to a package two levels below
// the module root.
const Samples = "../../../shared/pricing-samples"

//go:embed testdata/eurofxref-daily.xml
var ecbXML []byte

// ECBNewer is a reference rates file dated 2026-12-04, after the embedded
// table: hand-written in the ECB's format with made-up round figures (1 USD
// = 1500 KRW), as its header says, for Corrupt(ECB, ECBNewer).
//
//go:embed testdata/eurofxref-daily-handwritten-2026-12-04.xml
var ECBNewer []byte

// Server is a fake of every provider's price endpoint.
type Server struct {
	*httptest.Server
	dir string
	mu  sync.Mutex
	// fail answers the next n requests of a path (without query) with a
	// status (429 for Throttle), then serves normally.
	fail map[string]failure
	// Missing answers a path with 404.
	missing map[string]bool
	// Corrupt replaces the body of a path.
	corrupt map[string][]byte
	hits    map[string]int
}

// New starts a server reading samples from dir (Samples when empty); the
// test is skipped when the samples are not there.
func New(tb testing.TB, dir string) *Server {
	tb.Helper()
	if dir == "" {
		dir = Samples
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		tb.Skipf("pricing samples not available: %v", err)
	}
	s := &Server{dir: dir, fail: map[string]failure{}, missing: map[string]bool{}, corrupt: map[string][]byte{},
		hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

type failure struct{ n, status int }

// Throttle makes the next n requests of path fail with 429.
func (s *Server) Throttle(path string, n int) { s.Fail(path, n, http.StatusTooManyRequests) }

// Fail makes the next n requests of path fail with status.
func (s *Server) Fail(path string, n, status int) {
	s.mu.Lock()
	s.fail[path] = failure{n, status}
	s.mu.Unlock()
}

// Miss makes path answer 404.
func (s *Server) Miss(path string) { s.mu.Lock(); s.missing[path] = true; s.mu.Unlock() }

// Corrupt makes path answer body.
func (s *Server) Corrupt(path string, body []byte) {
	s.mu.Lock()
	s.corrupt[path] = body
	s.mu.Unlock()
}

// Hits is how many requests path had.
func (s *Server) Hits(path string) int { s.mu.Lock(); defer s.mu.Unlock(); return s.hits[path] }

// Paths of the pages, for Throttle, Miss and Corrupt.
const (
	AWSOfferIndex   = "/offers/v1.0/aws/index.json"
	AWSRegionIndex  = "/offers/v1.0/aws/AmazonEC2/current/region_index.json"
	AWSEC2USEast1   = "/offers/v1.0/aws/AmazonEC2/20250523232744/us-east-1/index.json"
	AWSSPIndex      = "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json"
	AWSSPUSEast1    = "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/us-east-1/index.csv"
	AzurePrices     = "/api/retail/prices"
	AzurePage2      = "/api/retail/prices/page2"
	GCPSKUs         = "/v1/services/6F81-5844-456A/skus"
	GCPPage2        = "/v1/services/6F81-5844-456A/skus#page2"
	DigitalOcean    = "/v2/sizes"
	DigitalOcean2   = "/v2/sizes#page2"
	ECB             = "/stats/eurofxref/eurofxref-daily.xml"
	gcpPage2Token   = "APKCS1HVa0YpwgyTFbqbJ1eGwzKZmsPwLqzMZPTSNia5ck1Hc54Tx_Kz3oBxwSnRIdGVxXoSPdf-XlDpyNBf4QuxKcIEgtrQ1LDLWAgZowI0ns7HjrGta2s="
	digitalOceanTok = "test-token"
)

// DigitalOceanToken is the bearer token the fake DigitalOcean API accepts.
const DigitalOceanToken = digitalOceanTok

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Path
	switch {
	case key == GCPSKUs && r.URL.Query().Get("pageToken") != "":
		key = GCPPage2
	case key == DigitalOcean && r.URL.Query().Get("page") == "2":
		key = DigitalOcean2
	case key == NCPPrices && ncpPageNo(r) > 1:
		key = NCPPage2
	}
	s.mu.Lock()
	s.hits[key]++
	f := s.fail[key]
	if f.n > 0 {
		s.fail[key] = failure{f.n - 1, f.status}
	}
	missing, corrupt := s.missing[key], s.corrupt[key]
	s.mu.Unlock()
	switch {
	case f.n > 0:
		w.Header().Set("Retry-After", "0")
		http.Error(w, `{"error":"`+http.StatusText(f.status)+`"}`, f.status)
		return
	case missing:
		http.NotFound(w, r)
		return
	case corrupt != nil:
		w.Write(corrupt)
		return
	case key == NCPPrices || key == NCPPage2:
		s.serveNCP(w, r)
		return
	}
	body, err := s.body(key, r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if body == nil {
		http.NotFound(w, r)
		return
	}
	w.Write(body)
}

func (s *Server) read(name string) ([]byte, error) { return os.ReadFile(filepath.Join(s.dir, name)) }

// body is the response of key. Sample files are served as they are, except
// for the next-page links, which must point back at this server.
func (s *Server) body(key string, r *http.Request) ([]byte, error) {
	switch key {
	case AWSOfferIndex:
		return s.read("aws/offer-index-aws-index.json")
	case AWSRegionIndex:
		return s.read("aws/region-index-AmazonEC2.json")
	case AWSEC2USEast1:
		return s.read("aws/offer-AmazonEC2-us-east-1-p4d-slice-opencost.json")
	case AWSSPIndex:
		return s.read("aws/savingsplan-region-index-AWSComputeSavingsPlan.json")
	case AWSSPUSEast1:
		// No us-east-1 Savings Plan file is public; the real ap-east-2 file
		// (its rows name ap-east-2) stands in, served at us-east-1's address.
		return s.read("aws/savingsplan-AWSComputeSavingsPlan-ap-east-2-sample.csv")
	case AzurePrices:
		f := r.URL.Query().Get("$filter")
		if f == "" {
			return nil, nil
		}
		if !strings.Contains(f, "'Virtual Machines'") {
			// An empty result, as the API answers a filter matching nothing
			// (shape as documented for the Retail Prices API).
			return []byte(`{"BillingCurrency":"USD","CustomerEntityId":"Default","CustomerEntityType":"Retail","Items":[],"NextPageLink":null,"Count":0}`), nil
		}
		// Page 1 is the real D2s v3 response with its NextPageLink pointed
		// here (the API returns an absolute link with $skip).
		return relink(s, "azure/retail-prices-vm-standard_d2s_v3-eastus-allpricetypes.json", func(m map[string]any) {
			m["NextPageLink"] = s.URL + AzurePage2 + "?$skip=1000"
		})
	case AzurePage2:
		return s.read("azure/retail-prices-vm-standard_b1s-eastus.json")
	case GCPSKUs:
		return s.read("gcp/cloudbilling-skus-compute-gpu-a2-opencost.json")
	case GCPPage2:
		if r.URL.Query().Get("pageToken") != gcpPage2Token {
			return nil, nil
		}
		return s.read("gcp/cloudbilling-skus-compute-n4a-n4d-us-central1-opencost.json")
	case DigitalOcean, DigitalOcean2:
		if r.Header.Get("Authorization") != "Bearer "+digitalOceanTok {
			return []byte(`{"id":"unauthorized","message":"Unable to authenticate you"}`), nil
		}
		if key == DigitalOcean {
			return relink(s, "digitalocean/v2-sizes-page1-per_page20-2024-11-17.json", func(m map[string]any) {
				next := s.URL + "/v2/sizes?page=2&per_page=20"
				m["links"] = map[string]any{"pages": map[string]any{"next": next, "last": next}}
			})
		}
		return digitalOceanPage2(s)
	case ECB:
		return ecbXML, nil
	}
	return nil, nil
}

// relink decodes a sample, lets edit change its links and encodes it again.
func relink(s *Server, name string, edit func(map[string]any)) ([]byte, error) {
	b, err := s.read(name)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	edit(m)
	return json.Marshal(m)
}

// digitalOceanPage2 is the second page of 20: the sizes of the real
// 2024-10-18 list (the same 29 sizes) that page 1 does not hold, with the
// API's links and meta of a last page.
func digitalOceanPage2(s *Server) ([]byte, error) {
	var p1, all struct {
		Sizes []map[string]any `json:"sizes"`
	}
	for _, f := range []struct {
		name string
		v    any
	}{{"digitalocean/v2-sizes-page1-per_page20-2024-11-17.json", &p1}, {"digitalocean/v2-sizes-all-2024-10-18.json", &all}} {
		b, err := s.read(f.name)
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if err := dec.Decode(f.v); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for _, z := range p1.Sizes {
		seen[z["slug"].(string)] = true
	}
	rest := []map[string]any{}
	for _, z := range all.Sizes {
		if !seen[z["slug"].(string)] {
			rest = append(rest, z)
		}
	}
	prev := s.URL + "/v2/sizes?page=1&per_page=20"
	return json.Marshal(map[string]any{"sizes": rest, "meta": map[string]any{"total": 29},
		"links": map[string]any{"pages": map[string]any{"first": prev, "prev": prev}}})
}

// Path strips a fragment used to name a page.
func Path(key string) string { p, _, _ := strings.Cut(key, "#"); return p }
