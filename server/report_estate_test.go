package server

import (
	"fmt"
	"strings"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/report"
	"cloudadvisor/report/reporttest"
)

// TestPrintViewOfALargeEstate: above report.DetailedWorkloads workloads
// the print view lists the workloads in one table, its amounts marked as
// money, and says which exports hold the detail.
func TestPrintViewOfALargeEstate(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	base := reporttest.Workloads()
	ws := make([]advisor.WorkloadInput, report.DetailedWorkloads+1)
	for i := range ws {
		in := base[i%len(base)]
		name := fmt.Sprintf("%s %d", *in.Name, i+1)
		in.Name = &name
		ws[i] = in
	}
	id := createWith(t, c, ws)
	page := download(t, c, "/assessments/"+id+"/report.html").Body.String()
	for _, want := range []string{`data-testid="report-estate"`, `data-testid="report-detail-elsewhere"`, `data-testid="report-summary"`,
		`data-testid="report-assumptions"`, fmt.Sprintf("<td>%d</td>", len(ws)), "With 101 workloads, this report leaves out"} {
		if !strings.Contains(page, want) {
			t.Errorf("the print view of %d workloads lacks %q", len(ws), want)
		}
	}
	if strings.Contains(page, `data-testid="report-workload-0"`) || strings.Contains(page, `class="lines`) {
		t.Error("the print view of a large estate has a section per workload or cost lines")
	}
	if got := strings.Count(page, `<td class="num" data-money>`); got < len(ws)/2 {
		t.Errorf("the estate table marks %d amounts as money, want one per priced workload (about %d)", got, len(ws)*3/4)
	}
}
