package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

func testImportAndLookups(t *testing.T, db Store) {
	ctx := context.Background()
	key0, err := db.ActiveCatalogKey(ctx)
	if err != nil || key0 != "" {
		t.Fatalf("empty store: got active key %q, %v; want \"\"", key0, err)
	}
	v := mustImport(t, db, "test:aws", Sheet)
	if v.Products != 4 || v.Prices != 5 || v.AsOfMin != "2021-02-05" || v.AsOfMax != "2021-02-05" {
		t.Errorf("got %d products %d prices as of %s..%s, want 4 and 5 as of 2021-02-05", v.Products, v.Prices,
			v.AsOfMin, v.AsOfMax)
	}
	key1, err := db.ActiveCatalogKey(ctx)
	if err != nil || key1 == key0 {
		t.Errorf("after an import: got active key %q, %v; want it changed", key1, err)
	}
	again := mustImport(t, db, "test:aws", Sheet)
	if !again.Unchanged || again.ID != v.ID {
		t.Errorf("re-import: got %+v; want the same version unchanged", again)
	}
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
	if !errors.Is(err, advisor.ErrNotFound) || !errors.Is(err, pricing.ErrNotFound) {
		t.Errorf("missing region: got %v, want ErrNotFound", err)
	}
	res, err := db.Offers(ctx, pricing.OfferFilter{SKU: "SKU-M5L", Term: pricing.Reserved1yAllUpfront})
	if err != nil || len(res) != 1 {
		t.Fatalf("sku lookup: got %d offers, %v", len(res), err)
	}
	if byName, err := db.Offers(ctx, pricing.OfferFilter{Name: "M5.Large", Term: pricing.OnDemand}); err != nil || len(byName) != 1 || byName[0].SKU != "SKU-M5L" {
		t.Errorf("name lookup, any case: got %+v, %v; want the one on-demand m5.large", byName, err)
	}
	o := res[0]
	if !o.Upfront.Equal(decimal.NewFromInt(494)) || !o.Amount.IsZero() || o.AsOf != time.Date(2021, 2, 5, 0, 0, 0, 0, time.UTC) ||
		!o.Unbounded || o.VCPU != 2 || o.MemoryGiB != 8 || o.Name != "m5.large" || o.Family != "general_purpose" {
		t.Errorf("got %+v, want m5.large, 2 vCPU, 8 GiB, upfront 494, amount 0, as of 2021-02-05, unbounded", o)
	}
	f, err := db.CatalogFacets(ctx)
	if err != nil || strings.Join(f.Providers, ",") != "aws" || strings.Join(f.Regions, ",") != "eu-west-1,us-east-1" ||
		strings.Join(f.Services, ",") != "compute" {
		t.Errorf("facets: got %+v, %v; want aws, compute, eu-west-1 and us-east-1", f, err)
	}
}

func testFailedImportKeepsPrevious(t *testing.T, db Store) {
	mustImport(t, db, "test:aws", Sheet)
	bad := Sheet + "aws,compute,AmazonEC2,general_purpose,us-east-1,SKU-BAD,m5.2xlarge,linux,8,32,on_demand,hour,-1,,USD,,,2021-02-05,test,,\n"
	_, err := ImportSheet(t, db, "test:aws", bad)
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
	var ie *pricing.ImportError
	_, err = ImportSheet(t, db, "test:empty", strings.SplitN(Sheet, "\n", 2)[0]+"\n")
	if err == nil || errors.As(err, &ie) {
		t.Errorf("a sheet without prices: got %v, want an error", err)
	}
}

func testNewVersionRetiresPrevious(t *testing.T, db Store) {
	ctx := context.Background()
	v1 := mustImport(t, db, "test:aws", Sheet)
	key1, _ := db.ActiveCatalogKey(ctx)
	v2 := mustImport(t, db, "test:aws", strings.Replace(Sheet, "0.192", "0.2", 1))
	o, err := db.CheapestFit(ctx, pricing.OfferFilter{SKU: "SKU-M5XL"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Amount.String() != "0.2" {
		t.Errorf("got %s, want the new version's 0.2", o.Amount)
	}
	vs, _ := db.CatalogVersions(ctx)
	if len(vs) != 2 || vs[0].ID != v2.ID || vs[0].Status != "active" || vs[1].ID != v1.ID || vs[1].Status != "retired" {
		t.Errorf("got %+v, want the new version active and the old retired", vs)
	}
	if key2, _ := db.ActiveCatalogKey(ctx); key2 == key1 {
		t.Errorf("active key %q did not change when a new version became active", key2)
	}
	if n, err := db.CountOffers(ctx, pricing.OfferFilter{Provider: "aws"}); err != nil || n != 5 {
		t.Errorf("count: got %d, %v; want the 5 prices of the active version only", n, err)
	}
}

func testOffersOrderAndPages(t *testing.T, db Store) {
	ctx := context.Background()
	mustImport(t, db, "test:aws", Sheet)
	skus := func(f pricing.OfferFilter) string {
		t.Helper()
		res, err := db.Offers(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range res {
			out = append(out, o.SKU)
		}
		return strings.Join(out, ",")
	}
	tests := []struct {
		name string
		f    pricing.OfferFilter
		want string
	}{
		{"price", pricing.OfferFilter{Term: pricing.OnDemand}, "SKU-T3M,SKU-T3M-EU,SKU-M5L,SKU-M5XL"},
		{"page", pricing.OfferFilter{Term: pricing.OnDemand, Limit: 2, Offset: 1}, "SKU-T3M-EU,SKU-M5L"},
		{"memory", pricing.OfferFilter{Term: pricing.OnDemand, OrderBy: "memory"}, "SKU-T3M,SKU-T3M-EU,SKU-M5L,SKU-M5XL"},
		{"vcpu", pricing.OfferFilter{Term: pricing.OnDemand, OrderBy: "vcpu", MinVCPU: 3}, "SKU-M5XL"},
		{"regions", pricing.OfferFilter{Regions: map[string]string{"aws": "eu-west-1"}}, "SKU-T3M-EU"},
	}
	for _, tc := range tests {
		if got := skus(tc.f); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	if n, err := db.CountOffers(ctx, pricing.OfferFilter{Term: pricing.OnDemand, Limit: 1}); err != nil || n != 4 {
		t.Errorf("count ignores the limit: got %d, %v; want 4", n, err)
	}
	if _, err := db.Offers(ctx, pricing.OfferFilter{OrderBy: "colour"}); !errors.Is(err, advisor.ErrInvalid) {
		t.Errorf("unknown order: got %v, want ErrInvalid", err)
	}
}

func testDiffVersions(t *testing.T, db Store) {
	ctx := context.Background()
	v1 := mustImport(t, db, "test:aws", Sheet)
	next := strings.Replace(Sheet, "0.192", "0.2", 1)
	next = strings.Replace(next, "aws,compute,AmazonEC2,burstable,eu-west-1,SKU-T3M-EU,t3.medium,linux,2,4,on_demand,hour,0.0456,,USD,,,2021-02-05,test,,\n", "", 1)
	next += "aws,compute,AmazonEC2,burstable,us-east-1,SKU-T3L,t3.large,linux,2,8,on_demand,hour,0.0832,,USD,,,2021-02-05,test,,\n"
	v2 := mustImport(t, db, "test:aws", next)
	d, err := db.DiffVersions(ctx, v1.ID, v2.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if d.Added != 1 || d.Removed != 1 || d.Changed != 1 || d.Unchanged != 3 {
		t.Errorf("got %d added %d removed %d changed %d unchanged, want 1, 1, 1, 3", d.Added, d.Removed, d.Changed, d.Unchanged)
	}
	if len(d.AddedRows) != 1 || d.AddedRows[0].SKU != "SKU-T3L" || len(d.RemovedRows) != 1 || d.RemovedRows[0].SKU != "SKU-T3M-EU" {
		t.Errorf("got added %+v removed %+v, want SKU-T3L and SKU-T3M-EU", d.AddedRows, d.RemovedRows)
	}
	if len(d.ChangedRows) != 1 || d.ChangedRows[0].Old.Amount != "0.192" || d.ChangedRows[0].New.Amount != "0.2" ||
		d.ChangedRows[0].New.TierEnd != "" {
		t.Errorf("got changed %+v, want SKU-M5XL 0.192 -> 0.2, unbounded", d.ChangedRows)
	}
	if d.A.Status != "retired" || d.B.Status != "active" {
		t.Errorf("got statuses %s and %s, want retired and active", d.A.Status, d.B.Status)
	}
	if _, err := db.DiffVersions(ctx, v1.ID, v2.ID+100, 10); !errors.Is(err, pricing.ErrNotFound) {
		t.Errorf("missing version: got %v, want ErrNotFound", err)
	}
}

// testLargeImport streams more rows than one COPY batch or prepared-insert
// run, with tiered prices, attributes and a repeated price that must be
// stored once, and stops an import whose parser fails half-way.
func testLargeImport(t *testing.T, db Store) {
	ctx := context.Background()
	const products = 1500
	offer := func(i int, term pricing.Term) pricing.Offer {
		return pricing.Offer{Provider: "gcp", Service: pricing.Compute, Region: "europe-west1",
			SKU: fmt.Sprintf("SKU-%05d", i), Name: fmt.Sprintf("n%d", i), OS: "linux", VCPU: float64(1 + i%16),
			MemoryGiB: float64(2 + i%64), Term: term, Unit: pricing.PerHour, Amount: decimal.New(int64(1000+i), -5),
			Currency: "USD", TierEnd: decimal.NewFromInt(int64(i)), Unbounded: i%2 == 0,
			AsOf: time.Date(2026, 1, 1+i%28, 0, 0, 0, 0, time.UTC), Source: "generated",
			Attributes: map[string]string{"n": fmt.Sprint(i)}}
	}
	parse := func(failAt int) func(pricing.Sink) (pricing.ImportStats, error) {
		return func(sink pricing.Sink) (pricing.ImportStats, error) {
			var st pricing.ImportStats
			for i := range products {
				if i == failAt {
					return st, errors.New("the file ends early")
				}
				for _, term := range []pricing.Term{pricing.OnDemand, pricing.Spot} {
					if err := sink(offer(i, term)); err != nil {
						return st, err
					}
					st.Prices++
				}
			}
			return st, sink(offer(7, pricing.OnDemand)) // the same price again
		}
	}
	in := pricing.CatalogImport{Provider: "gcp", Scope: "gen", Source: "generated", Checksum: "a"}
	v, err := db.ImportCatalog(ctx, in, parse(-1))
	if err != nil {
		t.Fatal(err)
	}
	if v.Products != products || v.Prices != 2*products || v.AsOfMin != "2026-01-01" || v.AsOfMax != "2026-01-28" {
		t.Errorf("got %d products, %d prices, as of %s..%s; want %d, %d, 2026-01-01..2026-01-28", v.Products, v.Prices,
			v.AsOfMin, v.AsOfMax, products, 2*products)
	}
	got, err := db.Offers(ctx, pricing.OfferFilter{SKU: "SKU-00007", Term: pricing.OnDemand})
	if err != nil || len(got) != 1 {
		t.Fatalf("got %d offers, %v; want 1", len(got), err)
	}
	want := offer(7, pricing.OnDemand)
	if o := got[0]; !o.Amount.Equal(want.Amount) || o.Unbounded || !o.TierEnd.Equal(want.TierEnd) || o.VCPU != 8 ||
		o.Attributes["n"] != "7" || !o.AsOf.Equal(want.AsOf) {
		t.Errorf("got %+v, want %+v", o, want)
	}
	in.Checksum = "b"
	if _, err := db.ImportCatalog(ctx, in, parse(products/2)); err == nil || !strings.Contains(err.Error(), "ends early") {
		t.Errorf("a parser failing half-way: got %v, want its error", err)
	}
	if n, err := db.CountOffers(ctx, pricing.OfferFilter{Provider: "gcp"}); err != nil || n != 2*products {
		t.Errorf("after the failed import: got %d offers, %v; want the %d of the first", n, err, 2*products)
	}
}
