package inventory

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkCraftedUploads parses crafted files at the default limits and
// reports the peak heap in use while each is read (sampled every
// millisecond), against which issue 16's findings were measured: a 1.5 MB
// workbook of shared strings took 1.5 GB, a CSV of 10⁶ columns 282 MB.
func BenchmarkCraftedUploads(b *testing.B) {
	s32k := strings.Repeat("B", 32_000)
	files := []struct {
		name string
		data func(testing.TB) []byte
	}{
		{"shared_strings_bomb.xlsx", func(tb testing.TB) []byte {
			return rawXLSX(tb, repeat("<si><t>"+s32k+"</t></si>", 47_000), rvtoolsRow)
		}},
		{"many_shared_strings.xlsx", func(tb testing.TB) []byte { return rawXLSX(tb, repeat("<si><t>x</t></si>", 10_000_000), rvtoolsRow) }},
		{"million_columns.csv", func(testing.TB) []byte {
			return []byte("name,vcpu" + strings.Repeat(",abcdefgh", 1_000_000) + "\nweb,2\n")
		}},
		{"million_digits.csv", func(testing.TB) []byte {
			return []byte("name,vcpu,current_monthly_cost\na,2," + strings.Repeat("9", 1_000_000) + "\n")
		}},
	}
	for _, f := range files {
		data := f.data(b)
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			peak := peakHeap(func() {
				for b.Loop() {
					if _, err := Parse(bytes.NewReader(data), int64(len(data)), f.name, Options{}); err == nil {
						b.Fatal("a crafted file was accepted")
					}
				}
			})
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// peakHeap runs fn and returns the most heap in use meanwhile, above what
// was in use before.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	})
	fn()
	close(done)
	wg.Wait()
	return peak - base
}
