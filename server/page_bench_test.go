package server

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkComparisonPage renders the result page of a 20-workload
// assessment over HTTP, as a browser would fetch it.
func BenchmarkComparisonPage(b *testing.B) {
	a := startApp(b)
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
}
