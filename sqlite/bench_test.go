package sqlite

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/internal/genoffer/offergen"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/aws"
)

// benchMix is one provider and region of the generated benchmark catalog.
type benchMix struct{ provider, region string }

var benchMixes = []benchMix{
	{"aws", "us-east-1"}, {"aws", "eu-west-1"}, {"azure", "eastus"}, {"azure", "westeurope"},
	{"gcp", "us-central1"}, {"gcp", "europe-west1"}, {"digitalocean", "nyc3"},
}

// benchTerms are the prices of one compute product: ten per product, so that
// 100k products make 1M prices.
var benchTerms = []struct {
	term    pricing.Term
	factor  float64 // of the on-demand hourly rate
	upfront float64 // months of the discounted rate paid upfront
}{
	{pricing.OnDemand, 1, 0}, {pricing.Spot, 0.3, 0},
	{pricing.Reserved1yNoUpfront, 0.62, 0}, {pricing.Reserved1yPartialUpfront, 0.3, 6},
	{pricing.Reserved1yAllUpfront, 0, 12}, {pricing.Reserved3yNoUpfront, 0.43, 0},
	{pricing.Reserved3yPartialUpfront, 0.2, 18}, {pricing.Reserved3yAllUpfront, 0, 36},
	{pricing.SavingsPlan1y, 0.7, 0}, {pricing.SavingsPlan3y, 0.5, 0},
}

var (
	benchVCPUs  = []float64{1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192}
	benchRatios = []struct {
		family string
		gib    float64 // per vCPU
	}{{"compute_optimized", 2}, {"general_purpose", 4}, {"memory_optimized", 8}, {"burstable", 1}, {"memory_optimized", 16}}
	benchOS = []string{"linux", "linux", "linux", "windows", "windows", "rhel"}
)

// benchCatalogSize is the number of prices in the benchmark catalog.
const benchCatalogSize = 1_000_000

// benchProduct is product i of the benchmark catalog: its SKU is "B<i>".
func benchProduct(i int) (mix benchMix, sku string) {
	return benchMixes[i%len(benchMixes)], fmt.Sprintf("B%07d", i)
}

// writeBenchCatalog sends benchCatalogSize prices to sink: 100k products
// across seven provider regions, each with ten terms.
func writeBenchCatalog(sink pricing.Sink) (pricing.ImportStats, error) {
	var st pricing.ImportStats
	rng := rand.New(rand.NewPCG(1, 2))
	asOf := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	nProducts := benchCatalogSize / len(benchTerms)
	for i := range nProducts {
		mix, sku := benchProduct(i)
		vcpu := benchVCPUs[rng.IntN(len(benchVCPUs))]
		ratio := benchRatios[rng.IntN(len(benchRatios))]
		osName := benchOS[rng.IntN(len(benchOS))]
		hourly := (0.02*vcpu + 0.004*vcpu*ratio.gib) * (0.8 + 0.4*rng.Float64())
		if osName != "linux" {
			hourly *= 1.6
		}
		o := pricing.Offer{Provider: mix.provider, Service: pricing.Compute, ProviderService: "VirtualMachines",
			Family: ratio.family, Region: mix.region, SKU: sku, Name: fmt.Sprintf("x%d.%dx%g", i%97, int(vcpu), ratio.gib),
			OS: osName, VCPU: vcpu, MemoryGiB: vcpu * ratio.gib, Currency: "USD", Unbounded: true, AsOf: asOf,
			Source: "bench"}
		st.Products++
		for _, t := range benchTerms {
			o.Term, o.Unit = t.term, pricing.PerHour
			rate := hourly * t.factor
			o.Amount = decimal.NewFromFloat(rate).Round(6)
			o.Upfront = decimal.NewFromFloat(hourly * 0.55 * pricing.HoursPerMonth * t.upfront).Round(2)
			if err := sink(o); err != nil {
				return st, err
			}
			st.Prices++
		}
	}
	return st, nil
}

var bench1M struct {
	once sync.Once
	dir  string
	path string
	dur  time.Duration
	err  error
}

// benchDB opens the 1M-price catalog, building it once per test binary run.
func benchDB(tb testing.TB) *DB {
	tb.Helper()
	bench1M.once.Do(func() {
		bench1M.dir, bench1M.err = os.MkdirTemp("", "cloudadvisor-bench-")
		if bench1M.err != nil {
			return
		}
		bench1M.path = filepath.Join(bench1M.dir, "bench.db")
		db, err := Open(context.Background(), bench1M.path)
		if err != nil {
			bench1M.err = err
			return
		}
		defer db.Close()
		start := time.Now()
		_, bench1M.err = db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: "bench", Scope: "bench",
			Source: "bench", Checksum: "bench"}, writeBenchCatalog)
		bench1M.dur = time.Since(start)
		fmt.Fprintf(os.Stderr, "built the %d-price benchmark catalog in %s\n", benchCatalogSize, bench1M.dur.Round(time.Millisecond))
	})
	if bench1M.err != nil {
		tb.Fatalf("build benchmark catalog: %v", bench1M.err)
	}
	db, err := Open(context.Background(), bench1M.path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench1M.dir != "" {
		os.RemoveAll(bench1M.dir)
	}
	os.Exit(code)
}

// benchQueries is how many random queries the percentiles are taken over.
const benchQueries = 10_000

// measure runs query n times with a random argument generator and reports
// the p50 and p99 latencies; b.N more runs give ns/op.
func measure(b *testing.B, query func(rng *rand.Rand) error) {
	b.Helper()
	rng := rand.New(rand.NewPCG(3, 4))
	durs := make([]time.Duration, 0, benchQueries)
	for range benchQueries {
		start := time.Now()
		if err := query(rng); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	slices.Sort(durs)
	pct := func(p float64) float64 {
		return float64(durs[int(p*float64(len(durs)-1))].Nanoseconds()) / 1e3
	}
	b.ResetTimer()
	for b.Loop() {
		if err := query(rng); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
	b.ReportMetric(pct(1), "max-µs")
}

// BenchmarkCheapestFit asks for the cheapest on-demand Linux offer with at
// least N vCPU and M GiB in a region, on the 1M-price catalog.
func BenchmarkCheapestFit(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	measure(b, func(rng *rand.Rand) error {
		mix := benchMixes[rng.IntN(len(benchMixes))]
		vcpu := benchVCPUs[rng.IntN(len(benchVCPUs)-1)]
		mem := vcpu * benchRatios[rng.IntN(len(benchRatios))].gib
		_, err := db.CheapestFit(ctx, pricing.OfferFilter{Provider: mix.provider, Region: mix.region, Service: pricing.Compute,
			OS: "linux", Term: pricing.OnDemand, MinVCPU: vcpu, MinMemory: mem})
		return err
	})
}

// BenchmarkSKULookup asks for the prices of one SKU, on the 1M-price catalog.
func BenchmarkSKULookup(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	measure(b, func(rng *rand.Rand) error {
		i := rng.IntN(benchCatalogSize / len(benchTerms))
		mix, sku := benchProduct(i)
		offers, err := db.Offers(ctx, pricing.OfferFilter{Provider: mix.provider, Region: mix.region, SKU: sku})
		if err == nil && len(offers) != len(benchTerms) {
			err = fmt.Errorf("sku %s: got %d offers, want %d", sku, len(offers), len(benchTerms))
		}
		return err
	})
}

// offerMB is the size of the generated AWS offer file of
// BenchmarkImportAWSOffer, 220 unless CLOUDADVISOR_OFFER_MB says otherwise.
func offerMB(tb testing.TB) int64 {
	tb.Helper()
	s := os.Getenv("CLOUDADVISOR_OFFER_MB")
	if s == "" {
		return 220
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		tb.Fatalf("CLOUDADVISOR_OFFER_MB=%q: want a positive number", s)
	}
	return n
}

// BenchmarkImportAWSOffer imports a generated AWS offer JSON (220 MB by
// default) through aws.Parse into ImportCatalog and reports MB/s of the
// file. As a floor to approach it also writes the stored rows as CSV and
// times the sqlite3 shell's .import of them into an unindexed table.
func BenchmarkImportAWSOffer(b *testing.B) {
	dir := b.TempDir()
	file := filepath.Join(dir, "offer.json")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	st, err := offergen.Write(f, offerMB(b)*1_000_000)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var v pricing.CatalogVersion
	b.SetBytes(st.Bytes)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("import%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		v, err = db.ImportCatalog(ctx, pricing.CatalogImport{Provider: "aws", Scope: "aws:bench", Source: file,
			Checksum: "bench"}, func(sink pricing.Sink) (pricing.ImportStats, error) {
			r, err := os.Open(file)
			if err != nil {
				return pricing.ImportStats{}, err
			}
			defer r.Close()
			return aws.Parse(bufio.NewReaderSize(r, 1<<16), file, sink)
		})
		b.StopTimer()
		db.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(v.Prices), "prices")
	if floor, ok := sqlite3ImportSeconds(b, dir, file); ok {
		b.ReportMetric(floor, "sqlite3-import-s")
	}
}

// sqlite3ImportSeconds writes the offers of file as CSV rows shaped like the
// stored products and prices, and times `sqlite3 db '.import --csv'`.
func sqlite3ImportSeconds(b *testing.B, dir, file string) (float64, bool) {
	b.Helper()
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Log("no sqlite3 shell: no floor measured")
		return 0, false
	}
	csvPath := filepath.Join(dir, "offers.csv")
	if err := writeOffersCSV(file, csvPath); err != nil {
		b.Fatal(err)
	}
	dbPath := filepath.Join(dir, "floor.db")
	schema := `PRAGMA journal_mode=WAL; CREATE TABLE t (provider TEXT, service TEXT, provider_service TEXT, family TEXT,
		region TEXT, sku TEXT, name TEXT, os TEXT, vcpu REAL, memory_gib REAL, attributes TEXT, term TEXT, unit TEXT,
		amount TEXT, upfront TEXT, currency TEXT, tier_start TEXT, tier_end TEXT, as_of TEXT, source TEXT, hash TEXT,
		sort_micros INTEGER);`
	if out, err := exec.Command(shell, dbPath, schema).CombinedOutput(); err != nil {
		b.Fatalf("sqlite3 schema: %v: %s", err, out)
	}
	start := time.Now()
	if out, err := exec.Command(shell, dbPath, ".import --csv "+csvPath+" t").CombinedOutput(); err != nil {
		b.Fatalf("sqlite3 .import: %v: %s", err, out)
	}
	return time.Since(start).Seconds(), true
}

func writeOffersCSV(file, csvPath string) error {
	in, err := os.Open(file)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(csvPath)
	if err != nil {
		return err
	}
	w := csv.NewWriter(bufio.NewWriter(out))
	_, err = aws.Parse(bufio.NewReader(in), file, func(o pricing.Offer) error {
		attrs, err := json.Marshal(o.Attributes)
		if err != nil {
			return err
		}
		end := ""
		if !o.Unbounded {
			end = o.TierEnd.String()
		}
		return w.Write([]string{o.Provider, string(o.Service), o.ProviderService, o.Family, o.Region, o.SKU, o.Name,
			o.OS, strconv.FormatFloat(o.VCPU, 'g', -1, 64), strconv.FormatFloat(o.MemoryGiB, 'g', -1, 64),
			string(attrs), string(o.Term), string(o.Unit), o.Amount.String(), o.Upfront.String(), o.Currency,
			o.TierStart.String(), end, o.AsOf.Format(time.DateOnly), o.Source, pricing.PriceHash(o),
			strconv.FormatInt(pricing.SortMicros(o), 10)})
	})
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// BenchmarkParseAWSOffer is BenchmarkImportAWSOffer without the store: the
// difference between the two is the cost of writing the rows.
func BenchmarkParseAWSOffer(b *testing.B) {
	file := filepath.Join(b.TempDir(), "offer.json")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	st, err := offergen.Write(f, offerMB(b)*1_000_000)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	for b.Loop() {
		r, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		_, err = aws.Parse(bufio.NewReaderSize(r, 1<<16), file, func(pricing.Offer) error { return nil })
		r.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiffVersions compares the 1M-price catalog with a second version
// of it in which every 100th price changed, every 1000th is gone and every
// product has one price more.
func BenchmarkDiffVersions(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	start := time.Now()
	v2, err := db.ImportCatalog(ctx, pricing.CatalogImport{Provider: "bench", Scope: "bench2", Source: "bench2",
		Checksum: "bench2"}, func(sink pricing.Sink) (pricing.ImportStats, error) {
		n := 0
		return writeBenchCatalog(func(o pricing.Offer) error {
			n++
			switch {
			case n%1000 == 0:
				return nil
			case n%100 == 0:
				o.Amount = o.Amount.Add(decimal.New(1, -3))
			}
			if o.Term == pricing.SavingsPlan3y {
				if err := sink(o); err != nil {
					return err
				}
				o.Term = pricing.DevTest
			}
			return sink(o)
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("imported the second version in %s", time.Since(start).Round(time.Millisecond))
	var d pricing.Diff
	for b.Loop() {
		if d, err = db.DiffVersions(ctx, 1, v2.ID, 20); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(d.Added), "added")
	b.ReportMetric(float64(d.Removed), "removed")
	b.ReportMetric(float64(d.Changed), "changed")
}
