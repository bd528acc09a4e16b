package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Large assessments through the whole program: an assessment of 10,000
// workloads posted to the API, and its workbook and PDF downloaded, each
// over loopback against a real SQLite file. Each reports peak-MB, the
// process's peak resident set (VmHWM, reset before the operation), which
// includes the benchmark's own client, and cpu-s, the CPU time it took.
//
//	go test -run '^$' -bench 'Large' -benchtime 1x ./cmd/web

// BenchmarkLargeCreate posts an assessment of 10,000 and of 50,000 (the
// most one holds) workloads, with the default response (every option's cost
// lines) and with ?lines=false.
func BenchmarkLargeCreate(b *testing.B) {
	a := startApp(b)
	for _, n := range []int{10_000, 50_000} {
		body := largeAssessmentBody(n)
		for _, q := range []string{"", "?lines=false"} {
			b.Run(fmt.Sprintf("%d/lines=%t", n, q == ""), func(b *testing.B) {
				for range b.N {
					resetPeakRSS(b)
					cpu := cpuTime(b)
					resp, size := a.stream(b, "POST", "/api/v1/assessments"+q, "application/json", body)
					if resp.StatusCode != 201 {
						b.Fatalf("create: got %d, want 201", resp.StatusCode)
					}
					b.ReportMetric((cpuTime(b) - cpu).Seconds(), "cpu-s")
					b.ReportMetric(peakRSSMB(b), "peak-MB")
					b.ReportMetric(float64(size)/(1<<20), "resp-MB")
				}
			})
		}
	}
}

// BenchmarkLargeExport downloads every export of assessments of 1,000,
// 2,000 and 10,000 workloads, rendered each time (the export cache is off).
func BenchmarkLargeExport(b *testing.B) {
	a := startAppEnv(b, map[string]string{"ADVISOR_EXPORT_CACHE_MB": "0"})
	for _, n := range []int{1000, 2000, 10_000} {
		id := a.createLarge(b, n)
		for _, ext := range []string{"xlsx", "pdf", "csv", "md", "html", "json"} {
			b.Run(fmt.Sprintf("n=%d/%s", n, ext), func(b *testing.B) {
				for range b.N {
					resetPeakRSS(b)
					cpu := cpuTime(b)
					resp, size := a.stream(b, "GET", "/assessments/"+id+"/report."+ext, "", "")
					if resp.StatusCode != 200 || size == 0 {
						b.Fatalf("report.%s: got %d with %d bytes, want 200 with a body", ext, resp.StatusCode, size)
					}
					b.ReportMetric((cpuTime(b) - cpu).Seconds(), "cpu-s")
					b.ReportMetric(peakRSSMB(b), "peak-MB")
					b.ReportMetric(float64(size)/(1<<20), "file-MB")
				}
			})
		}
	}
}

// createLarge posts an assessment of n workloads and returns its id.
func (a *app) createLarge(tb testing.TB, n int) string {
	tb.Helper()
	resp, body := a.Do(tb, "POST", "/api/v1/assessments?lines=false", "application/json", largeAssessmentBody(n))
	if resp.StatusCode != 201 {
		tb.Fatalf("create %d workloads: got %d, want 201: %.300s", n, resp.StatusCode, body)
	}
	return strings.TrimPrefix(resp.Header.Get("Location"), "/api/v1/assessments/")
}

// stream makes a request and reads the response without keeping it,
// returning the response and the body's size.
func (a *app) stream(tb testing.TB, method, path, ctype, body string) (*http.Response, int64) {
	tb.Helper()
	resp := a.Send(tb, method, path, ctype, body)
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, n
}

// largeAssessmentBody is the API body of an assessment of n workloads of
// the variety of an imported estate: kinds, sizes, disks and systems
// cycling at different periods, so that many but not all are alike.
func largeAssessmentBody(n int) string {
	var sb strings.Builder
	sb.WriteString(`{"organization":{"name":"Big Estate","geography":"us-east"},"workloads":[`)
	kinds := []string{"web_app", "api", "database", "batch", "other"}
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"name":"vm-%05d","kind":%q,"vcpu":%d,"memory_gib":%d,"storage_gb":%d,"os":%q}`,
			i, kinds[i%len(kinds)], []int{1, 2, 4, 8, 16}[i%5], []int{2, 4, 8, 16, 32, 64}[i%6],
			[]int{40, 100, 250, 500}[i%4], []string{"linux", "windows"}[i%2])
	}
	sb.WriteString(`]}`)
	return sb.String()
}

// cpuTime is the CPU time the process has used, user and system: on a
// machine shared with other work it varies far less than the wall time.
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeakRSS resets the process's peak resident set (Linux 4.0+), after
// returning the heap's free memory to the system, so that what an earlier
// operation left behind does not count as this one's peak.
func resetPeakRSS(tb testing.TB) {
	tb.Helper()
	debug.FreeOSMemory()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		tb.Skipf("cannot reset the peak RSS: %v", err)
	}
}

// peakRSSMB is the process's peak resident set since the last reset, in MiB.
func peakRSSMB(tb testing.TB) float64 {
	tb.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				tb.Fatal(err)
			}
			return float64(kb) / 1024
		}
	}
	tb.Fatal("no VmHWM in /proc/self/status")
	return 0
}
