// Package storetest is the conformance suite of the stores: the same tests
// run against SQLite (package sqlite) and PostgreSQL (package postgres), so
// that the server and the CLI see one behaviour whichever store they hold.
package storetest

import (
	"context"
	"strings"
	"testing"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/sheet"
	"cloudadvisor/server"
)

// Store is what the suite tests: the server's store and the catalog
// commands' import, fit and diff.
type Store interface {
	server.Store
	ImportCatalog(ctx context.Context, in pricing.CatalogImport,
		parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error)
	CheapestFit(ctx context.Context, f pricing.OfferFilter) (pricing.Offer, error)
	DiffVersions(ctx context.Context, a, b int64, limit int) (pricing.Diff, error)
}

// Run runs every test of the suite; open returns a new, empty store that
// the test may use alone (and closes it when the test ends).
func Run(t *testing.T, open func(testing.TB) Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"ImportAndLookups", testImportAndLookups},
		{"FailedImportKeepsPreviousCatalog", testFailedImportKeepsPrevious},
		{"NewVersionRetiresPrevious", testNewVersionRetiresPrevious},
		{"OffersOrderAndPages", testOffersOrderAndPages},
		{"DiffVersions", testDiffVersions},
		{"LargeImport", testLargeImport},
		{"AssessmentRoundTrip", testAssessmentRoundTrip},
		{"PricingHistory", testPricingHistory},
		{"AssessmentCache", testAssessmentCache},
		{"UpdateConflicts", testUpdateConflicts},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"Overview", testOverview},
		{"SharedQuoteEgress", testSharedQuoteEgress},
		{"PageAndOwner", testPageAndOwner},
		{"Shares", testShares},
		{"StagedImports", testStagedImports},
		{"Quotas", testQuotas},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// Sheet is a small price sheet: four AWS products, five prices.
const Sheet = `provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes
aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-M5L,m5.large,linux,2,8,on_demand,hour,0.096,,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-M5L,m5.large,linux,2,8,reserved_1y_all_upfront,hour,0,494,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-M5XL,m5.xlarge,linux,4,16,on_demand,hour,0.192,,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,burstable,us-east-1,SKU-T3M,t3.medium,linux,2,4,on_demand,hour,0.0416,,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,burstable,eu-west-1,SKU-T3M-EU,t3.medium,linux,2,4,on_demand,hour,0.0456,,USD,,,2021-02-05,test,,
`

// Importer is the import method of a store.
type Importer interface {
	ImportCatalog(ctx context.Context, in pricing.CatalogImport,
		parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error)
}

// ImportSheet imports a price sheet's text into scope.
func ImportSheet(tb testing.TB, db Importer, scope, body string) (pricing.CatalogVersion, error) {
	tb.Helper()
	return db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "aws", Scope: scope, Source: scope,
		Checksum: pricing.Checksum([]byte(body))}, func(sink pricing.Sink) (pricing.ImportStats, error) {
		var st pricing.ImportStats
		err := sheet.Parse(strings.NewReader(body), func(o pricing.Offer) error { st.Prices++; return sink(o) })
		return st, err
	})
}

// mustImport imports a sheet or stops the test.
func mustImport(tb testing.TB, db Importer, scope, body string) pricing.CatalogVersion {
	tb.Helper()
	v, err := ImportSheet(tb, db, scope, body)
	if err != nil {
		tb.Fatalf("import %s: %v", scope, err)
	}
	return v
}
