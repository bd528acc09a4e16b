package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/sheet"
)

// openTest opens a fresh database file in a temp dir.
func openTest(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

const testSheet = `provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes
aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-M5L,m5.large,linux,2,8,on_demand,hour,0.096,,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-M5L,m5.large,linux,2,8,reserved_1y_all_upfront,hour,0,494,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-M5XL,m5.xlarge,linux,4,16,on_demand,hour,0.192,,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,burstable,us-east-1,SKU-T3M,t3.medium,linux,2,4,on_demand,hour,0.0416,,USD,,,2021-02-05,test,,
aws,compute,AmazonEC2,burstable,eu-west-1,SKU-T3M-EU,t3.medium,linux,2,4,on_demand,hour,0.0456,,USD,,,2021-02-05,test,,
`

func importSheet(tb testing.TB, db *DB, scope, body string) (pricing.CatalogVersion, error) {
	tb.Helper()
	return db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "aws", Scope: scope, Source: scope,
		Checksum: pricing.Checksum([]byte(body))}, func(sink pricing.Sink) (pricing.ImportStats, error) {
		var st pricing.ImportStats
		err := sheet.Parse(strings.NewReader(body), func(o pricing.Offer) error { st.Prices++; return sink(o) })
		return st, err
	})
}

func TestImportCatalogAndLookups(t *testing.T) {
	db := openTest(t)
	v, err := importSheet(t, db, "test:aws", testSheet)
	if err != nil {
		t.Fatal(err)
	}
	if v.Products != 4 || v.Prices != 5 {
		t.Errorf("got %d products %d prices, want 4 and 5", v.Products, v.Prices)
	}
	again, err := importSheet(t, db, "test:aws", testSheet)
	if err != nil || !again.Unchanged || again.ID != v.ID {
		t.Errorf("re-import: got %+v, %v; want the same version unchanged", again, err)
	}
	ctx := context.Background()
	tests := []struct {
		name    string
		f       pricing.OfferFilter
		wantSKU string
	}{
		{"smallest fit is burstable", pricing.OfferFilter{Provider: "aws", Region: "us-east-1", Service: pricing.Compute, OS: "linux", Term: pricing.OnDemand, MinVCPU: 2, MinMemory: 4}, "SKU-T3M"},
		{"memory forces m5.large", pricing.OfferFilter{Provider: "aws", Region: "us-east-1", Service: pricing.Compute, OS: "linux", Term: pricing.OnDemand, MinVCPU: 2, MinMemory: 5}, "SKU-M5L"},
		{"4 vcpu", pricing.OfferFilter{Provider: "aws", Region: "us-east-1", Service: pricing.Compute, OS: "linux", Term: pricing.OnDemand, MinVCPU: 3}, "SKU-M5XL"},
		{"region", pricing.OfferFilter{Provider: "aws", Region: "eu-west-1", Service: pricing.Compute, Term: pricing.OnDemand}, "SKU-T3M-EU"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, err := db.CheapestFit(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if o.SKU != tc.wantSKU {
				t.Errorf("got %s, want %s", o.SKU, tc.wantSKU)
			}
		})
	}
	_, err = db.CheapestFit(ctx, pricing.OfferFilter{Provider: "aws", Region: "ap-northeast-2", Service: pricing.Compute})
	if !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("missing region: got %v, want ErrNotFound", err)
	}
	res, err := db.Offers(ctx, pricing.OfferFilter{SKU: "SKU-M5L", Term: pricing.Reserved1yAllUpfront})
	if err != nil || len(res) != 1 {
		t.Fatalf("sku lookup: got %d offers, %v", len(res), err)
	}
	o := res[0]
	if !o.Upfront.Equal(decimal.NewFromInt(494)) || !o.Amount.IsZero() || o.AsOf != time.Date(2021, 2, 5, 0, 0, 0, 0, time.UTC) || !o.Unbounded {
		t.Errorf("got %+v, want upfront 494, amount 0, as of 2021-02-05, unbounded", o)
	}
}

func TestFailedImportKeepsPreviousCatalog(t *testing.T) {
	db := openTest(t)
	if _, err := importSheet(t, db, "test:aws", testSheet); err != nil {
		t.Fatal(err)
	}
	bad := testSheet + "aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-BAD,m5.2xlarge,linux,8,32,on_demand,hour,-1,,USD,,,2021-02-05,test,,\n"
	_, err := importSheet(t, db, "test:aws", bad)
	if err == nil || !strings.Contains(err.Error(), "line 7") || !strings.Contains(err.Error(), "negative") {
		t.Fatalf("got %v, want an error naming line 7 and the negative price", err)
	}
	vs, err := db.CatalogVersions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Status != "active" || vs[0].Prices != 5 {
		t.Errorf("got versions %+v, want the first one still active with 5 prices", vs)
	}
	res, err := db.Offers(context.Background(), pricing.OfferFilter{Provider: "aws"})
	if err != nil || len(res) != 5 {
		t.Errorf("got %d offers (%v), want the 5 of the previous catalog", len(res), err)
	}
}

func TestNewVersionRetiresPrevious(t *testing.T) {
	db := openTest(t)
	if _, err := importSheet(t, db, "test:aws", testSheet); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(testSheet, "0.192", "0.2", 1)
	v2, err := importSheet(t, db, "test:aws", changed)
	if err != nil {
		t.Fatal(err)
	}
	o, err := db.CheapestFit(context.Background(), pricing.OfferFilter{SKU: "SKU-M5XL"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Amount.String() != "0.2" {
		t.Errorf("got %s, want the new version's 0.2", o.Amount)
	}
	vs, _ := db.CatalogVersions(context.Background())
	if len(vs) != 2 || vs[0].ID != v2.ID || vs[0].Status != "active" || vs[1].Status != "retired" {
		t.Errorf("got %+v, want the new version active and the old retired", vs)
	}
}
