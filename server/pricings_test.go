package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
	"cloudadvisor/report"
	"cloudadvisor/report/reporttest"
	"cloudadvisor/sqlite"
	"cloudadvisor/templates"
)

// importDoubled imports a new catalog version per provider of the report
// fixture, every price doubled and dated 2026-12-01.
func importDoubled(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	byProvider := map[string][]pricing.Offer{}
	for _, o := range reporttest.Offers() {
		o.Amount, o.Upfront = o.Amount.Mul(decimal.NewFromInt(2)), o.Upfront.Mul(decimal.NewFromInt(2))
		o.AsOf = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		byProvider[o.Provider] = append(byProvider[o.Provider], o)
	}
	for p, offers := range byProvider {
		_, err := db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: p, Scope: "fixture/" + p,
			Source: "fixture " + p + " price list", Checksum: p + "-doubled"}, func(sink pricing.Sink) (pricing.ImportStats, error) {
			for _, o := range offers {
				if err := sink(o); err != nil {
					return pricing.ImportStats{}, err
				}
			}
			return pricing.ImportStats{Prices: len(offers)}, nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func TestRepriceAfterCatalogChange(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	ctx := context.Background()

	saved, err := db.Assessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Pricing.Versions) == 0 || saved.Pricing.Monthly.Amount.IsZero() {
		t.Fatalf("got pricing %+v, want the catalog versions and a monthly total recorded at creation", saved.Pricing)
	}
	page := c.do("GET", "/assessments/"+id, "").Body.String()
	if !strings.Contains(page, `data-testid="priced-on"`) || strings.Contains(page, `data-testid="price-change"`) {
		t.Fatalf("before a catalog change: want the priced-on line and no change notice")
	}

	importDoubled(t, db)
	page = c.do("GET", "/assessments/"+id, "").Body.String()
	if !strings.Contains(page, `data-testid="price-change"`) {
		t.Fatalf("after a new catalog version: no change notice")
	}
	after, _ := db.Assessment(ctx, id)
	if !after.UpdatedAt.Equal(saved.UpdatedAt) {
		t.Errorf("showing the page saved the assessment (updated %v, was %v)", after.UpdatedAt, saved.UpdatedAt)
	}
	oldMonthly := saved.Pricing.Monthly.Display()
	notice := page
	doc := reportJSON(t, c, id)
	if doc.Pricing == nil || !pricing.SameVersions(doc.Pricing.Current.Versions, saved.Pricing.Versions) ||
		len(doc.Pricing.History) != 0 || len(doc.Pricing.Newer) == 0 {
		t.Errorf("report before re-pricing: got pricing %+v, want the versions priced on, newer ones and no history",
			doc.Pricing)
	}
	for _, cat := range doc.Catalogs {
		if cat.AsOfFrom != "2025-01-01" {
			t.Errorf("report before re-pricing: catalog %+v, want only the versions priced on (as of 2025-01-01)", cat)
		}
	}
	if !regexp.MustCompile(`data-testid="price-change-providers">[^<]*\+[0-9.]+% on AWS`).MatchString(page) {
		t.Errorf("change notice: want AWS's total named with a rise in percent")
	}
	if !strings.Contains(page, `data-testid="price-change-lines"`) {
		t.Errorf("change notice names no workload whose recommended option changed")
	}
	// Every price doubled: each changed line of a kept option reads old → new, +100.0%.
	line := regexp.MustCompile(`data-testid="price-change-line"><td>([^<]+)</td><td class="num">([^<]+)</td><td class="num">([^<]+)</td><td class="num">([^<]+)</td>`)
	lines := line.FindAllStringSubmatch(page, -1)
	if len(lines) == 0 {
		t.Fatalf("change notice shows no changed cost line")
	}
	doubled := 0
	for _, m := range lines {
		if m[4] == "+100.0%" {
			doubled++
		}
	}
	if doubled == 0 {
		t.Errorf("got changed lines %q, want lines +100.0%%, every price having doubled", lines)
	}
	if doc.Pricing.Repriced == nil || len(doc.Pricing.Repriced.Changes) == 0 {
		t.Fatalf("report before re-pricing: got no re-priced changes, want those the page shows")
	}
	var reportLines int
	for _, c := range doc.Pricing.Repriced.Changes {
		for _, l := range c.Lines {
			reportLines++
			if l.Old == nil && l.New == nil {
				t.Errorf("report line %+v: want an old or a new amount", l)
			}
		}
	}
	if reportLines != len(lines) {
		t.Errorf("report: got %d changed lines, want the page's %d", reportLines, len(lines))
	}

	korean := httptest.NewRequest("GET", "/assessments/"+id, nil)
	korean.Header.Set("Accept-Language", "ko")
	for _, ck := range c.cookies {
		korean.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, korean)
	if ko := rec.Body.String(); !strings.Contains(ko, "현재 카탈로그로 다시 산정") || strings.Contains(ko, "[pricing.") {
		t.Errorf("Korean change notice: want it translated, with no missing message")
	}

	cross := httptest.NewRequest("POST", "/assessments/"+id+"/reprice", nil)
	cross.Header.Set("Sec-Fetch-Site", "cross-site")
	for _, ck := range c.cookies {
		cross.AddCookie(ck)
	}
	rec = httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, cross)
	if rec.Code != http.StatusForbidden {
		t.Errorf("cross-site re-price: got %d, want 403", rec.Code)
	}

	if rec := c.do("POST", "/assessments/"+id+"/reprice", ""); rec.Code != http.StatusSeeOther {
		t.Fatalf("re-price: got %d, want 303", rec.Code)
	}
	repriced, err := db.Assessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(repriced.PricingHistory) != 1 || repriced.PricingHistory[0].Monthly.Display() != oldMonthly {
		t.Fatalf("history: got %+v, want one entry of %s", repriced.PricingHistory, oldMonthly)
	}
	newMonthly := repriced.Pricing.Monthly.Display()
	if newMonthly == oldMonthly || pricing.SameVersions(repriced.Pricing.Versions, saved.Pricing.Versions) {
		t.Errorf("current pricing: got %s on %+v, want other than %s on new versions", newMonthly,
			repriced.Pricing.Versions, oldMonthly)
	}
	if want := oldMonthly + " → " + newMonthly; !strings.Contains(notice, want) {
		t.Errorf("change notice: want %q in it, the figure re-pricing then recorded", want)
	}
	doc = reportJSON(t, c, id)
	if doc.Pricing == nil || len(doc.Pricing.History) != 1 || doc.Pricing.History[0].Monthly.Display() != oldMonthly ||
		len(doc.Pricing.Newer) != 0 {
		t.Errorf("report after re-pricing: got pricing %+v, want one earlier pricing of %s", doc.Pricing, oldMonthly)
	}
	page = c.do("GET", "/assessments/"+id, "").Body.String()
	if strings.Contains(page, `data-testid="price-change"`) {
		t.Errorf("after re-pricing: the change notice is still shown")
	}
	if n := strings.Count(page, `data-testid="pricing-history-row"`); n != 1 {
		t.Errorf("after re-pricing: got %d history rows, want 1", n)
	}
}

// reportJSON fetches the assessment's JSON report.
func reportJSON(tb testing.TB, c *client, id string) report.Document {
	tb.Helper()
	rec := c.do("GET", "/assessments/"+id+"/report.json", "")
	if rec.Code != http.StatusOK {
		tb.Fatalf("report.json: got %d", rec.Code)
	}
	var doc report.Document
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// BenchmarkShowAssessment measures the result page of an assessment of
// templates.LargeEstate workloads on the catalog it was priced on and after
// a new catalog version (re-priced in memory to show what changed).
func BenchmarkShowAssessment(b *testing.B) {
	for _, changed := range []bool{false, true} {
		name := "same-catalog"
		if changed {
			name = "catalog-changed"
		}
		b.Run(name, func(b *testing.B) {
			s, db, _ := testServer(b, false)
			importFixture(b, db)
			c := &client{tb: b, h: s.Handler()}
			var wls []any
			for len(wls) < templates.LargeEstate {
				for _, w := range reporttest.Workloads() {
					if len(wls) < templates.LargeEstate {
						wls = append(wls, w)
					}
				}
			}
			body, _ := json.Marshal(map[string]any{"organization": reporttest.Organization(), "workloads": wls})
			rec := c.do("POST", "/api/v1/assessments", string(body))
			var doc struct{ ID string }
			if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || doc.ID == "" {
				b.Fatalf("create: %d %s", rec.Code, rec.Body.String())
			}
			if changed {
				importDoubled(b, db)
			}
			b.ResetTimer()
			for b.Loop() {
				if rec := c.do("GET", "/assessments/"+doc.ID, ""); rec.Code != http.StatusOK {
					b.Fatalf("got %d", rec.Code)
				}
			}
		})
	}
}
