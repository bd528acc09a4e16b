package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/report/reporttest"
)

// TestVATStatedOnScreenAndInReports: an organisation in KRW with VAT
// included gets provider charges 10% higher than the same one without, the
// statement on the result page and in the exports, and the refusal of VAT
// in another currency names the field.
func TestVATStatedOnScreenAndInReports(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	create := func(vat string) (string, decimal.Decimal) {
		org := reporttest.Organization()
		krw := "KRW"
		org.Currency, org.VAT = &krw, &vat
		body, _ := json.Marshal(map[string]any{"organization": org, "workloads": reporttest.Workloads()})
		rec := c.do("POST", "/api/v1/assessments", string(body))
		if rec.Code != http.StatusCreated {
			t.Fatalf("create with VAT %s: got %d: %s", vat, rec.Code, rec.Body.String())
		}
		var doc struct {
			ID        string
			Workloads []struct {
				Options []struct {
					Model      string
					Provider   string
					Components map[string]decimal.Decimal
				}
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for _, o := range doc.Workloads[0].Options {
			if o.Model == "iaas" && o.Provider == "aws" {
				return doc.ID, o.Components["compute"]
			}
		}
		t.Fatal("no AWS IaaS option")
		return "", decimal.Zero
	}
	_, plain := create("excluded")
	id, taxed := create("included")
	if !taxed.Equal(plain.Mul(decimal.RequireFromString("1.1"))) || plain.IsZero() {
		t.Errorf("compute with VAT %s, without %s: want 10%% more", taxed, plain)
	}
	want := "Provider and vendor charges include VAT 10%"
	if page := c.do("GET", "/assessments/"+id, "").Body.String(); !strings.Contains(page, want) {
		t.Errorf("result page does not state the VAT")
	}
	for _, ext := range []string{"md", "html"} {
		if body := c.do("GET", "/assessments/"+id+"/report."+ext, "").Body.String(); !strings.Contains(body, want) {
			t.Errorf("report.%s does not state the VAT", ext)
		}
	}
	org := reporttest.Organization()
	vat := "included"
	org.VAT = &vat // USD
	body, _ := json.Marshal(map[string]any{"organization": org, "workloads": reporttest.Workloads()})
	rec := c.do("POST", "/api/v1/assessments", string(body))
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "organization.vat") {
		t.Errorf("VAT with USD: got %d %s, want 422 on organization.vat", rec.Code, rec.Body.String())
	}
}
