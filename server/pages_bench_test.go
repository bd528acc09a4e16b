package server

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/report/reporttest"
	"cloudadvisor/sqlite"
)

// bigEstate stores an assessment of n workloads (the fixture's
// workloads cycled, each with its own name, size and group) owned by c's
// session, and returns its id. It goes through the store, not the API, whose
// document of 10,000 workloads would be most of the setup's time.
func bigEstate(tb testing.TB, c *client, db *sqlite.DB, n int) string {
	tb.Helper()
	id := createWith(tb, c, reporttest.Workloads()[:1])
	small, err := db.Assessment(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	fixture := reporttest.Workloads()
	wls := make([]advisor.WorkloadInput, n)
	for i := range wls {
		w := fixture[i%len(fixture)]
		name, vcpu := fmt.Sprintf("vm-%05d %s", i, *w.Name), []int{1, 2, 4, 8}[i%4]
		w.Name, w.VCPU = &name, &vcpu
		wls[i] = w
	}
	offers, err := db.Offers(context.Background(), pricing.OfferFilter{Regions: pricing.RegionsOf("us-east")})
	if err != nil {
		tb.Fatal(err)
	}
	a, err := advisor.Assess(advisor.DefaultRules(), pricing.NewCatalog(offers), reporttest.Organization(), wls)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range a.Workloads {
		a.Workloads[i].Source.Group = fmt.Sprintf("app-%02d", i%40)
	}
	a.SessionID = small.SessionID
	if err := db.CreateAssessment(context.Background(), &a); err != nil {
		tb.Fatal(err)
	}
	return a.ID
}

// BenchmarkEstatePages measures, at 1,000, 10,000 and 50,000 (the most one
// assessment holds) workloads, the result (comparison) page, the estate
// overview and one group's list, each as a browser fetches it, and the 404
// a request without the owner's session gets for the result page, with no
// session at all and with another one; KiB/page is the size of the last
// page fetched.
func BenchmarkEstatePages(b *testing.B) {
	for _, n := range []int{1_000, 10_000, advisor.MaxWorkloads} {
		s, db, _ := testServer(b, false)
		importFixture(b, db)
		c := &client{tb: b, h: s.Handler()}
		id := bigEstate(b, c, db, n)
		other := &client{tb: b, h: s.Handler()}
		createWith(b, other, reporttest.Workloads()[:1]) // a session of its own
		for _, p := range []struct {
			name, path string
			c          *client
			status     int
		}{
			{"result", "/assessments/" + id, c, http.StatusOK},
			{"result-page-3", "/assessments/" + id + "?page=3", c, http.StatusOK},
			{"estate", "/assessments/" + id + "/estate", c, http.StatusOK},
			{"estate-group", "/assessments/" + id + "/estate?by=group&value=app-07", c, http.StatusOK},
			{"anonymous-404", "/assessments/" + id, &client{tb: b, h: s.Handler()}, http.StatusNotFound},
			{"other-session-404", "/assessments/" + id, other, http.StatusNotFound},
		} {
			b.Run(fmt.Sprintf("%s/%d", p.name, n), func(b *testing.B) {
				var size int
				for b.Loop() {
					rec := p.c.do("GET", p.path, "")
					if rec.Code != p.status {
						b.Fatalf("got %d, want %d", rec.Code, p.status)
					}
					size = rec.Body.Len()
				}
				b.ReportMetric(float64(size)/1024, "KiB/page")
			})
		}
	}
}
