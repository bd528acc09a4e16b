package server

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cloudadvisor/advisor"
	"cloudadvisor/internal/webtest"
)

// Rows shaped like RVTools 4.x vInfo rows, for when the shared samples are
// absent: a powered-off Linux VM, a Windows file server, a SQL Server VM and
// a template.
var (
	genHeader = []string{"VM", "Powerstate", "Template", "SRM Placeholder", "CPUs", "Memory", "Provisioned MiB",
		"Folder", "Datacenter", "Cluster", "OS according to the configuration file", "VM UUID"}
	genRows = [][]string{
		{"vm-1", "poweredOff", "False", "False", "1", "2224", "105742", "", "Datacenter", "Cluster", "Amazon Linux 2 (64-bit)", "500b85c1-ef0d-37fb-6897-61c47157f858"},
		{"wadfs1", "poweredOn", "False", "False", "1", "4096", "86201", "", "Datacenter1", "Cluster1", "Microsoft Windows Server 2008 R2 (64-bit)", "5012a3c4-1111-2222-3333-444455556666"},
		{"sqlprd01", "poweredOn", "False", "False", "8", "32768", "540000", "Prod", "Datacenter1", "Cluster1", "Microsoft Windows Server 2019 (64-bit)", "5012a3c4-1111-2222-3333-444455556667"},
		{"tmpl-rhel9", "poweredOff", "True", "False", "2", "4096", "45000", "Templates", "Datacenter1", "Cluster1", "Red Hat Enterprise Linux 9 (64-bit)", "5012a3c4-1111-2222-3333-444455556668"},
	}
)

// sampleRows returns the vInfo header and the good rows of the real RVTools
// example when the shared samples exist, else the built-in rows.
func sampleRows(tb testing.TB) ([]string, [][]string) {
	tb.Helper()
	wb, err := excelize.OpenFile(filepath.Join(inventorySamples, "rvtools-example1-kubev2v.xlsx"))
	if err != nil {
		return genHeader, genRows
	}
	defer wb.Close()
	all, err := wb.GetRows("vInfo", excelize.Options{RawCellValue: true})
	if err != nil || len(all) < 2 {
		tb.Fatalf("read the RVTools sample: %v", err)
	}
	var rows [][]string
	for _, r := range all[1:] {
		if len(r) > 0 && r[0] != "" && r[0] != "vm-9" { // vm-9 lacks CPUs and memory
			rows = append(rows, r)
		}
	}
	return all[0], rows
}

// rvtoolsWorkbook writes an RVTools workbook of n VMs by cycling through
// rows: each VM gets a unique name and UUID, one of 40 folders, and a CPU
// count and memory varied from its model row's.
func rvtoolsWorkbook(tb testing.TB, header []string, rows [][]string, n int) []byte {
	tb.Helper()
	col := func(name string) int {
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), name) {
				return i
			}
		}
		return -1
	}
	vm, uuid, folder, cpus, mem := col("VM"), col("VM UUID"), col("Folder"), col("CPUs"), col("Memory")
	wb := excelize.NewFile()
	defer wb.Close()
	wb.SetSheetName("Sheet1", "vInfo")
	sw, err := wb.NewStreamWriter("vInfo")
	if err != nil {
		tb.Fatal(err)
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	sw.SetRow("A1", cells)
	for i := range n {
		base := rows[i%len(rows)]
		for j := range header {
			v := ""
			if j < len(base) {
				v = base[j]
			}
			switch j {
			case vm:
				v = fmt.Sprintf("%s-%06d", v, i)
			case uuid:
				if len(v) >= 12 {
					v = fmt.Sprintf("%s%012x", v[:len(v)-12], i)
				}
			case folder:
				v = fmt.Sprintf("app-%02d", i%40)
			case cpus:
				if c, err := strconv.Atoi(v); err == nil {
					v = strconv.Itoa(c * (1 + i%3))
				}
			case mem:
				if m, err := strconv.Atoi(v); err == nil {
					v = strconv.Itoa(m * (1 + i%2))
				}
			}
			if f, err := strconv.ParseFloat(v, 64); err == nil && j != vm && j != uuid {
				cells[j] = f
			} else {
				cells[j] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, cells); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// peakMemory samples the process's memory from the Go runtime until stopped.
type peakMemory struct {
	heap, sys atomic.Uint64
	stop      chan struct{}
	wg        sync.WaitGroup
}

func watchMemory() *peakMemory {
	p := &peakMemory{stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > p.heap.Load() {
				p.heap.Store(ms.HeapInuse)
			}
			if ms.Sys > p.sys.Load() {
				p.sys.Store(ms.Sys)
			}
			select {
			case <-p.stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return p
}

func (p *peakMemory) done() (heapMB, sysMB float64) {
	close(p.stop)
	p.wg.Wait()
	return float64(p.heap.Load()) / (1 << 20), float64(p.sys.Load()) / (1 << 20)
}

// TestInventoryPerformance times the import of generated RVTools files over
// HTTP into a running app: upload (parse and stage) with the preview, then
// confirmation (classify, price, save), then the estate pages. It is slow, so
// it runs only with INVENTORY_PERF=1, e.g.
//
//	go test -c -o /tmp/server.test ./server
//	INVENTORY_PERF=1 GOMAXPROCS=2 /usr/bin/time -v /tmp/server.test -test.run TestInventoryPerformance -test.v
func TestInventoryPerformance(t *testing.T) {
	if os.Getenv("INVENTORY_PERF") == "" {
		t.Skip("set INVENTORY_PERF=1 to time the import of 100, 10,000 and 50,000 VMs")
	}
	header, rows := sampleRows(t)
	a := startApp(t)
	for _, n := range []int{100, 10_000, 50_000} {
		data := rvtoolsWorkbook(t, header, rows, n)
		runtime.GC()
		mem := watchMemory()
		base := newInventoryAssessment(t, a)
		start := time.Now()
		resp, body := a.Upload(t, base+"/inventory", "rvtools.xlsx", data)
		if resp.StatusCode != 303 {
			t.Fatalf("%d VMs: upload got %d: %.300s", n, resp.StatusCode, body)
		}
		upload := time.Since(start)
		t0 := time.Now()
		preview := resp.Header.Get("Location")
		if resp, _ = a.Do(t, "GET", preview, "", ""); resp.StatusCode != 200 {
			t.Fatalf("%d VMs: preview got %d", n, resp.StatusCode)
		}
		previewTime := time.Since(t0)
		t0 = time.Now()
		resp, body = a.Do(t, "POST", preview+"/confirm", webtest.FormType, "")
		confirm := time.Since(t0)
		total := time.Since(start)
		heap, sys := mem.done()
		if n > advisor.MaxWorkloads {
			if resp.StatusCode != 422 || !strings.Contains(body, "more than "+strconv.Itoa(advisor.MaxWorkloads)+" workloads") {
				t.Errorf("%d VMs: confirm got %d, want 422 naming the limit", n, resp.StatusCode)
			}
			t.Logf("%6d VMs (%.1f MB file): upload+parse+stage %v, preview %v, confirm refused (%d, the %d-workload limit) in %v; peak heap %.0f MB, sys %.0f MB",
				n, float64(len(data))/(1<<20), upload.Round(time.Millisecond), previewTime.Round(time.Millisecond),
				resp.StatusCode, advisor.MaxWorkloads, confirm.Round(time.Millisecond), heap, sys)
			continue
		}
		if resp.StatusCode != 303 {
			t.Fatalf("%d VMs: confirm got %d: %.300s", n, resp.StatusCode, body)
		}
		var pages []string
		for _, q := range []string{"?by=model", "?by=group", "?by=provider", "?by=group&value=app-01"} {
			t0 := time.Now()
			resp, _ := a.Do(t, "GET", base+"/estate"+q, "", "")
			if resp.StatusCode != 200 {
				t.Fatalf("estate%s: got %d", q, resp.StatusCode)
			}
			pages = append(pages, fmt.Sprintf("%s %v", q, time.Since(t0).Round(time.Millisecond)))
		}
		t.Logf("%6d VMs (%.1f MB file): upload+parse+stage %v, preview %v, confirm (classify, price, save) %v, total %v; peak heap %.0f MB, sys %.0f MB; estate pages: %s",
			n, float64(len(data))/(1<<20), upload.Round(time.Millisecond), previewTime.Round(time.Millisecond),
			confirm.Round(time.Millisecond), total.Round(time.Millisecond), heap, sys, strings.Join(pages, ", "))
	}
}
