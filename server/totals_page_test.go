package server

import (
	"regexp"
	"strings"
	"testing"
)

// The result page says where the hourly cost comes from, how many workloads
// each total covers, and writes converted rates with four decimals, never
// the full quotient of two table entries (issue 12).
func TestResultPageShowsBasisCoverageAndShortRates(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	page := c.do("GET", "/assessments/"+id, "")
	if page.Code != 200 {
		t.Fatalf("result page: got %d", page.Code)
	}
	body := page.Body.String()
	for _, want := range []string{`data-testid="hourly-basis"`, `data-testid="scenarios"`, `data-testid="rates"`} {
		if !strings.Contains(body, want) {
			t.Errorf("result page lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`data-testid="priced"[^>]*>(\d+) of (\d+)<`).FindStringSubmatch(body); m == nil {
		t.Error(`got no "N of M" priced on the scenarios`)
	}
	if long := regexp.MustCompile(`\d+\.\d{8,}`).FindString(body); long != "" {
		t.Errorf("got a number written with %s, want rates to four decimals", long)
	}
}
