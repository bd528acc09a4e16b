package server

import (
	"io"
	"net/http"
	"testing"
	"time"
)

// BenchmarkComparisonPage fetches the result page of a 20-workload
// assessment over HTTP, as a browser would: rendered every time (the
// export cache off) and sent from the cache (an unchanged assessment
// viewed again).
func BenchmarkComparisonPage(b *testing.B) {
	for _, tc := range []struct {
		name  string
		cache int64
	}{{"rendered", -1}, {"cached", 0}} {
		b.Run(tc.name, func(b *testing.B) {
			a := startAppWith(b, Options{Now: time.Now, ExportCacheBytes: tc.cache})
			id := createTwenty(b, a, 0)
			req, _ := http.NewRequest("GET", a.URL+"/assessments/"+id, nil)
			b.ResetTimer()
			var size int
			for range b.N {
				r, err := a.HTTP.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				n, _ := io.Copy(io.Discard, r.Body)
				r.Body.Close()
				if r.StatusCode != 200 {
					b.Fatalf("got %d", r.StatusCode)
				}
				size = int(n)
			}
			b.ReportMetric(float64(size)/1024, "KiB/page")
		})
	}
}
