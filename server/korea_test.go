package server

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/ncp"
)

// importNCP imports the NCP fixture, which is NOT a real NCP response: it
// is written from the documented getProductPriceList shape.
func importNCP(tb testing.TB, s interface {
	ImportCatalog(context.Context, pricing.CatalogImport, func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error)
}) {
	tb.Helper()
	f, err := os.Open("../pricing/ncp/testdata/getproductpricelist.json")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	_, err = s.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "ncp", Scope: "ncp:fixture", Source: "fixture",
		Checksum: "ncp"}, func(sink pricing.Sink) (pricing.ImportStats, error) {
		return ncp.Parse(f, "fixture", time.Now(), sink)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// seoulOptions creates an assessment of one workload through the API and
// returns its options by provider.
func seoulOptions(tb testing.TB, c *client, geography, sensitivity string) map[string]pricing.Option {
	tb.Helper()
	body := `{"organization": {"name": "Acme", "geography": "` + geography + `", "currency": "KRW"},
		"workloads": [{"name": "shop", "kind": "web_app", "vcpu": 8, "memory_gib": 16, "storage_gb": 50,
		"egress_gb_month": 10, "needs_os_control": true, "data_sensitivity": "` + sensitivity + `"}]}`
	rec := c.do("POST", "/api/v1/assessments", body)
	if rec.Code != http.StatusCreated {
		tb.Fatalf("create assessment: got %d: %s", rec.Code, rec.Body.String())
	}
	var doc struct {
		Workloads []struct{ Options []pricing.Option }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		tb.Fatal(err)
	}
	out := map[string]pricing.Option{}
	for _, o := range doc.Workloads[0].Options {
		if o.Model == pricing.ModelIaaS {
			out[o.Provider] = o
		}
	}
	return out
}

func TestSeoulAssessmentWithNCP(t *testing.T) {
	s, db, _ := testServer(t, true)
	c := &client{tb: t, h: s.Handler()}
	if o := seoulOptions(t, c, "asia-seoul", "internal")["ncp"]; o.Availability != pricing.NotPriced || o.Country != "KR" {
		t.Errorf("no NCP catalog: got %q in %q, want not priced in KR", o.Availability, o.Country)
	}
	importNCP(t, db)
	opts := seoulOptions(t, c, "asia-seoul", "regulated")
	o := opts["ncp"]
	if !o.Complete || o.Region != "KR" || len(o.Lines) == 0 || o.Lines[0].Currency != "KRW" || len(o.Flags) != 0 {
		t.Errorf("NCP imported: got complete=%v region=%s lines=%v flags=%v, want a complete KRW option in KR, not flagged",
			o.Complete, o.Region, o.Lines, o.Flags)
	}
	if do := opts["digitalocean"]; len(do.Flags) == 0 || do.Flags[0].Rule != "kr_personal_data_abroad" {
		t.Errorf("DigitalOcean sgp1 for regulated data: got flags %v, want kr_personal_data_abroad", do.Flags)
	}
	if _, ok := seoulOptions(t, c, "us-east", "internal")["ncp"]; ok {
		t.Errorf("us-east: got an NCP option, want none (not offered)")
	}
	page := c.do("GET", "/prices?provider=ncp", "").Body.String()
	if !strings.Contains(page, "vCPU 8EA, Memory 16GB") || !strings.Contains(page, "Naver Cloud Platform") {
		t.Errorf("price browser: want the imported NCP server listed under Naver Cloud Platform")
	}
}
