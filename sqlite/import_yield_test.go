package sqlite

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/internal/storetest"
	"cloudadvisor/pricing"
	"github.com/shopspring/decimal"
)

// offer is the i-th of many small compute prices.
func offer(i int) pricing.Offer {
	return pricing.Offer{Provider: "aws", Service: pricing.Compute, Region: "us-east-1", SKU: fmt.Sprintf("SKU-%d", i),
		Name: fmt.Sprintf("m%d.large", i), OS: "linux", VCPU: 2, MemoryGiB: 8, Term: pricing.OnDemand, Unit: pricing.PerHour,
		Amount: decimal.RequireFromString("0.1"), Currency: "USD", AsOf: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		Source: "test"}
}

// TestImportLetsWritesThrough checks a long catalog import does not hold
// the single writer: an assessment saved while the import runs is saved
// before the import ends (the parser keeps sending offers until it is, and
// gives up after a million), and the import still lands whole.
func TestImportLetsWritesThrough(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	started, saved := make(chan struct{}), make(chan error, 1)
	go func() {
		<-started
		a := advisor.Assessment{SessionID: "s", Organization: advisor.Organization{Name: "during import"}}
		saved <- db.CreateAssessment(ctx, &a)
	}()
	sent, savedAt := 0, -1
	v, err := db.ImportCatalog(ctx, pricing.CatalogImport{Provider: "aws", Scope: "aws/big", Source: "big", Checksum: "c1"},
		func(sink pricing.Sink) (pricing.ImportStats, error) {
			for sent = 0; sent < 1_000_000; sent++ {
				if sent == 1000 {
					close(started)
				}
				select {
				case err := <-saved:
					if err != nil {
						return pricing.ImportStats{}, err
					}
					savedAt = sent
				default:
				}
				if savedAt >= 0 && sent >= savedAt+1000 {
					break
				}
				if err := sink(offer(sent)); err != nil {
					return pricing.ImportStats{}, err
				}
			}
			return pricing.ImportStats{Prices: sent}, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if savedAt < 0 {
		t.Fatalf("the assessment was not saved while %d offers were imported: the import holds the writer", sent)
	}
	if v.Prices != sent {
		t.Errorf("version holds %d prices, want all %d sent", v.Prices, sent)
	}
	t.Logf("assessment saved after %d of %d offers", savedAt, sent)
}

// TestFailedChunkedImportLeavesNothing checks an import that fails after it
// has committed some chunks removes its rows and keeps the previous version
// serving, and that Open removes what a crash left.
func TestFailedChunkedImportLeavesNothing(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := storetest.ImportSheet(t, db, "aws/big", storetest.Sheet); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("malformed record")
	_, err := db.ImportCatalog(ctx, pricing.CatalogImport{Provider: "aws", Scope: "aws/big", Source: "big", Checksum: "c2"},
		func(sink pricing.Sink) (pricing.ImportStats, error) {
			deadline := time.Now().Add(3 * importSlice)
			for i := 0; time.Now().Before(deadline) || i < 2000; i++ {
				if err := sink(offer(i)); err != nil {
					return pricing.ImportStats{}, err
				}
			}
			return pricing.ImportStats{}, broken
		})
	if !errors.Is(err, broken) {
		t.Fatalf("got %v, want the parser's error", err)
	}
	var products, building int
	if err := db.w.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM products WHERE sku LIKE 'SKU-%' AND sku NOT IN
		('SKU-M5L','SKU-M5XL','SKU-T3M','SKU-T3M-EU')), (SELECT count(*) FROM catalog_versions WHERE status = 'building')`).
		Scan(&products, &building); err != nil {
		t.Fatal(err)
	}
	if products != 0 || building != 0 {
		t.Errorf("after the failed import: %d products, %d building versions left; want none", products, building)
	}
	got, err := db.CheapestFit(ctx, pricing.OfferFilter{Provider: "aws", Region: "us-east-1", Service: pricing.Compute,
		OS: "linux", Term: pricing.OnDemand, MinVCPU: 3})
	if err != nil || got.SKU != "SKU-M5XL" {
		t.Errorf("previous version: got %s, %v; want SKU-M5XL still served", got.SKU, err)
	}

	// A crash mid-import: a building version with rows, then Open.
	if _, err := db.w.ExecContext(ctx, `INSERT INTO catalog_versions (provider, scope, source, fetched_at, checksum, status)
		VALUES ('aws', 'aws/crash', 'crash', '2026-12-05T00:00:00Z', 'c3', 'building')`); err != nil {
		t.Fatal(err)
	}
	path := db.path
	db.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if err := again.w.QueryRowContext(ctx, `SELECT count(*) FROM catalog_versions WHERE status = 'building'`).Scan(&building); err != nil || building != 0 {
		t.Errorf("after reopening: %d building versions, %v; want none", building, err)
	}
}
