package aws

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"

	"cloudadvisor/internal/genoffer/offergen"
	"cloudadvisor/pricing"
)

// benchFileEnv names a pre-generated offer file (go run ./internal/genoffer
// -size 220 -o FILE) for BenchmarkParseOfferFile and TestParseOfferFile.
const benchFileEnv = "AWS_OFFER_BENCH_FILE"

// writeOffer generates an offer file of about size bytes into dir.
func writeOffer(tb testing.TB, dir string, size int64) (string, offergen.Stats) {
	tb.Helper()
	path := filepath.Join(dir, "offer.json")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := offergen.Write(f, size)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		tb.Fatal(err)
	}
	return path, st
}

// parseFile parses path into a counting sink.
func parseFile(tb testing.TB, path string) pricing.ImportStats {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	n := 0
	stats, err := Parse(bufio.NewReaderSize(f, 1<<20), filepath.Base(path), func(pricing.Offer) error {
		n++
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if n != stats.Prices {
		tb.Fatalf("sink got %d offers, stats say %d", n, stats.Prices)
	}
	return stats
}

func benchmarkFile(b *testing.B, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		parseFile(b, path)
	}
}

// BenchmarkParseOffer parses a generated 20 MB EC2 offer file.
func BenchmarkParseOffer(b *testing.B) {
	path, _ := writeOffer(b, b.TempDir(), 20_000_000)
	benchmarkFile(b, path)
}

// BenchmarkParseOfferFile parses the file named by AWS_OFFER_BENCH_FILE.
func BenchmarkParseOfferFile(b *testing.B) {
	path := os.Getenv(benchFileEnv)
	if path == "" {
		b.Skip(benchFileEnv + " is not set")
	}
	benchmarkFile(b, path)
}

// TestParseOfferFile parses the file named by AWS_OFFER_BENCH_FILE once;
// run its compiled binary under /usr/bin/time -v to see peak RSS.
func TestParseOfferFile(t *testing.T) {
	path := os.Getenv(benchFileEnv)
	if path == "" {
		t.Skip(benchFileEnv + " is not set")
	}
	stats := parseFile(t, path)
	t.Log(stats)
}
