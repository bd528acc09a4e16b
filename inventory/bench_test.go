package inventory

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"cloudadvisor/inventory/internal/gen"
)

var (
	genMu    sync.Mutex
	genCache = map[int][]byte{}
)

// bigRVTools returns an RVTools workbook of n VMs made from the real
// example's vInfo rows (all 79 columns) when the shared samples exist, else
// from gen's built-in rows.
func bigRVTools(tb testing.TB, n int) []byte {
	tb.Helper()
	genMu.Lock()
	defer genMu.Unlock()
	if b, ok := genCache[n]; ok {
		return b
	}
	header, rows := gen.Header, gen.Rows
	if f, err := os.Open(filepath.Join(samples, "rvtools-example1-kubev2v.xlsx")); err == nil {
		h, r, err := gen.FromWorkbook(f)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		header, rows = h, r[:8] // vm-9 lacks CPUs and memory
	}
	var buf bytes.Buffer
	if err := gen.RVTools(&buf, header, rows, n); err != nil {
		tb.Fatal(err)
	}
	genCache[n] = buf.Bytes()
	return buf.Bytes()
}

func TestBigRVTools(t *testing.T) {
	b := bigRVTools(t, 10_000)
	res, err := Parse(bytes.NewReader(b), int64(len(b)), "big.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Stats, (Stats{Read: 10_000, Imported: 10_000}); got != want {
		t.Errorf("stats: got %+v, want %+v", got, want)
	}
}

func BenchmarkParseRVTools(b *testing.B) {
	for _, n := range []int{100, 10_000, 50_000} {
		data := bigRVTools(b, n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				res, err := Parse(bytes.NewReader(data), int64(len(data)), "big.xlsx", Options{})
				if err != nil || res.Stats.Imported != n {
					b.Fatalf("got %+v, %v", res.Stats, err)
				}
			}
		})
	}
}

// ownCSV is our CSV with n rows cycling through the template's examples.
func ownCSV(n int) []byte {
	var buf bytes.Buffer
	t := Template()
	lines := bytes.SplitN(t, []byte("\n"), 3)
	buf.Write(lines[0])
	buf.WriteByte('\n')
	for i := range n {
		row := lines[1+i%2]
		comma := bytes.IndexByte(row, ',')
		fmt.Fprintf(&buf, "%s %d%s\n", row[:comma], i, row[comma:])
	}
	return buf.Bytes()
}

func BenchmarkParseOwnCSV(b *testing.B) {
	for _, n := range []int{100, 10_000, 50_000} {
		data := ownCSV(n)
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				res, err := Parse(bytes.NewReader(data), int64(len(data)), "own.csv", Options{})
				if err != nil || res.Stats.Imported != n {
					b.Fatalf("got %+v %v, %v", res.Stats, res.Problems[:min(3, len(res.Problems))], err)
				}
			}
		})
	}
}
