package server

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"cloudadvisor/internal/webtest"
)

// BenchmarkComparisonPageWhilePDFs: 32 clients load the result page (the
// options' comparison) of 20-workload assessments, alone, then while two
// others download their PDFs as fast as the export rate limit lets them,
// with the export cache on (repeated downloads of unchanged assessments
// are sent from it) and off (every PDF renders). It reports the pages' median
// and 99th-percentile latency and how many PDFs were served. Latency on a
// shared machine is noisy: read the figures beside the machine's load.
func BenchmarkComparisonPageWhilePDFs(b *testing.B) {
	for _, tc := range []struct {
		name      string
		cache     int64
		exporters int
	}{{"no PDFs", 0, 0}, {"PDFs, cache on", 0, 2}, {"PDFs, cache off", -1, 2}} {
		b.Run(tc.name, func(b *testing.B) {
			c := startAppWith(b, Options{Now: time.Now, ExportCacheBytes: tc.cache})
			var ids []string
			for i := range 8 {
				ids = append(ids, createTwenty(b, c, i))
			}
			for range b.N {
				p50, p99, pdfs := pagesWhilePDFs(b, c, ids, tc.exporters)
				b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
				b.ReportMetric(float64(pdfs), "pdfs")
			}
		})
	}
}

// pagesWhilePDFs has 32 clients load 20 result pages each while exporters
// download PDFs, and returns the pages' latencies and the PDFs served.
func pagesWhilePDFs(b *testing.B, c *webtest.Client, ids []string, exporters int) (p50, p99 time.Duration, pdfs int64) {
	b.Helper()
	stop := make(chan struct{})
	var served atomic.Int64
	var bg sync.WaitGroup
	for d := range exporters {
		bg.Go(func() {
			for i := d; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				resp := c.Send(b, "GET", "/assessments/"+ids[i%len(ids)]+"/report.pdf", "", "")
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch resp.StatusCode {
				case 200:
					served.Add(1)
				case http.StatusTooManyRequests:
					time.Sleep(100 * time.Millisecond)
				default:
					b.Errorf("report.pdf: got %d", resp.StatusCode)
					return
				}
			}
		})
	}
	var mu sync.Mutex
	var lat []time.Duration
	var pages sync.WaitGroup
	for u := range 32 {
		pages.Go(func() {
			for i := range 20 {
				start := time.Now()
				resp := c.Send(b, "GET", "/assessments/"+ids[(u+i)%len(ids)], "", "")
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				took := time.Since(start)
				if resp.StatusCode != 200 {
					b.Errorf("result page: got %d", resp.StatusCode)
				}
				mu.Lock()
				lat = append(lat, took)
				mu.Unlock()
			}
		})
	}
	pages.Wait()
	close(stop)
	bg.Wait()
	slices.Sort(lat)
	return lat[len(lat)/2], lat[len(lat)*99/100], served.Load()
}

// createTwenty posts an assessment of 20 workloads of varied kinds and
// sizes and returns its id.
func createTwenty(tb testing.TB, c *webtest.Client, seed int) string {
	tb.Helper()
	var ws []string
	kinds := []string{"web_app", "api", "database", "crm", "email_collaboration", "batch", "file_sharing", "analytics", "monitoring", "erp"}
	for i := range 20 {
		ws = append(ws, fmt.Sprintf(`{"name":"w%d-%d","kind":%q,"vcpu":%d,"memory_gib":%d,"users":%d,"instances":%d}`,
			seed, i, kinds[(i+seed)%len(kinds)], 1<<(i%4), 2<<(i%5), 10+i*5, 1+i%3))
	}
	resp, body := c.Do(tb, "POST", "/api/v1/assessments", "application/json",
		`{"organization":{"name":"Bench","geography":"us-east"},"workloads":[`+strings.Join(ws, ",")+`]}`)
	if resp.StatusCode != 201 {
		tb.Fatalf("create: %d %.300s", resp.StatusCode, body)
	}
	return strings.TrimPrefix(resp.Header.Get("Location"), "/api/v1/assessments/")
}
