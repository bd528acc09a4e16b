package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/report/reporttest"
	"cloudadvisor/sqlite"
)

// importPadded adds n synthetic compute offers (on demand and 3-year
// reserved, Linux and Windows) to the fixture catalog, all in the us-east
// regions: the worst case, a catalog whose every SKU is in the geography.
func importPadded(tb testing.TB, db *sqlite.DB, n int) {
	tb.Helper()
	importFixture(tb, db)
	regions := map[string]string{"aws": "us-east-1", "azure": "eastus", "gcp": "us-east1"}
	for _, p := range []string{"aws", "azure", "gcp"} {
		_, err := db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: p, Scope: "bench/" + p,
			Source: "bench " + p, Checksum: "bench-" + p}, func(sink pricing.Sink) (pricing.ImportStats, error) {
			r := rand.New(rand.NewPCG(7, uint64(len(p))))
			for i := range n / 3 / 4 {
				vcpu := 1 << r.IntN(7)
				mem := vcpu * (2 << r.IntN(3))
				price := decimal.NewFromFloat(0.02 * float64(vcpu)).Add(decimal.NewFromInt(int64(r.IntN(1000))).Div(decimal.NewFromInt(100000)))
				for _, os := range []string{"linux", "windows"} {
					for _, term := range []pricing.Term{pricing.OnDemand, pricing.Reserved3yNoUpfront} {
						amount := price
						if term != pricing.OnDemand {
							amount = price.Mul(decimal.RequireFromString("0.6"))
						}
						o := pricing.Offer{Provider: p, Service: pricing.Compute, Family: "general_purpose", Region: regions[p],
							SKU: fmt.Sprintf("%s-%d-%s", p, i, os), Name: fmt.Sprintf("x%d.%dcpu.%dgb", i, vcpu, mem), OS: os,
							VCPU: float64(vcpu), MemoryGiB: float64(mem), Term: term, Unit: pricing.PerHour, Amount: amount,
							Currency: "USD", Unbounded: true, AsOf: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Source: "bench"}
						if err := sink(o); err != nil {
							return pricing.ImportStats{}, err
						}
					}
				}
			}
			return pricing.ImportStats{Prices: n / 3}, nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// benchRows are n inventory rows of varied kinds and sizes, each with its
// own key, as an RVTools import stages them.
func benchRows(n int) []advisor.ImportRow {
	kinds := []string{"web_app", "api", "database", "batch", "other"}
	rows := make([]advisor.ImportRow, n)
	for i := range rows {
		name, kind := fmt.Sprintf("vm-%05d", i), kinds[i%len(kinds)]
		vcpu, mem, storage := []int{1, 2, 4, 8, 16}[i%5], []float64{2, 4, 8, 16, 32, 64}[i%6], []int{40, 100, 250, 500}[i%4]
		os := []string{"linux", "windows"}[i%2]
		rows[i] = advisor.ImportRow{Line: i + 2, Source: advisor.Source{Key: fmt.Sprintf("uuid-%05d", i), Group: fmt.Sprintf("app-%02d", i%40)},
			Input: advisor.WorkloadInput{Name: &name, Kind: &kind, VCPU: &vcpu, MemoryGiB: &mem, StorageGB: &storage, OS: &os}}
	}
	return rows
}

// stageBench creates an empty assessment owned by c and stages rows for it,
// returning the confirm URL.
func stageBench(tb testing.TB, c *client, db *sqlite.DB, rows []advisor.ImportRow) (id, confirm string) {
	tb.Helper()
	id = createWith(tb, c, reporttest.Workloads()[:1])
	st := advisor.StagedImport{AssessmentID: id, FileName: "bench.csv", Format: "own_csv", Rows: rows,
		Problems: json.RawMessage("[]"), Stats: json.RawMessage(fmt.Sprintf(`{"read":%d,"imported":%d}`, len(rows), len(rows)))}
	if err := db.StageImport(context.Background(), &st); err != nil {
		tb.Fatal(err)
	}
	return id, "/assessments/" + id + "/inventory/" + st.ID + "/confirm"
}

// BenchmarkConfirmImport confirms a staged import of 9,999 rows (classify,
// price, save) on a catalog of 300,000 compute offers in the assessment's
// geography, the case of issue 16 (117 s before the catalog index). The
// catalog is loaded once before the timer starts; its load is reported as
// catalog-load-ms.
func BenchmarkConfirmImport(b *testing.B) {
	s, db, _ := testServer(b, false)
	importPadded(b, db, 300_000)
	t0 := time.Now()
	cat, err := s.catalog(context.Background(), "us-east")
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(t0)
	c := &client{tb: b, h: s.Handler()}
	rows := benchRows(9_999)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		_, confirm := stageBench(b, c, db, rows)
		b.StartTimer()
		if rec := c.do("POST", confirm, ""); rec.Code != http.StatusSeeOther {
			b.Fatalf("confirm: got %d %.300s", rec.Code, rec.Body.String())
		}
	}
	b.ReportMetric(float64(load.Milliseconds()), "catalog-load-ms")
	b.ReportMetric(float64(cat.Len()), "offers")
}
