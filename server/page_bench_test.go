package server

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// BenchmarkComparisonPage renders the result page of a 20-workload
// assessment over HTTP, as a browser would fetch it.
func BenchmarkComparisonPage(b *testing.B) {
	a := startApp(b)
	var ws []string
	kinds := []string{"web_app", "api", "database", "crm", "email_collaboration", "batch", "file_sharing", "analytics", "monitoring", "erp"}
	for i := range 20 {
		ws = append(ws, fmt.Sprintf(`{"name":"w%d","kind":%q,"vcpu":%d,"memory_gib":%d,"users":%d,"instances":%d}`,
			i, kinds[i%len(kinds)], 1<<(i%4), 2<<(i%5), 10+i*5, 1+i%3))
	}
	resp, body := a.Do(b, "POST", "/api/v1/assessments", "application/json",
		`{"organization":{"name":"Bench","geography":"us-east"},"workloads":[`+strings.Join(ws, ",")+`]}`)
	if resp.StatusCode != 201 {
		b.Fatalf("create: %d %s", resp.StatusCode, body)
	}
	id := body[strings.Index(body, `"id": "`)+7:]
	id = id[:strings.Index(id, `"`)]
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
