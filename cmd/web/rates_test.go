package main

import (
	"encoding/json"
	"strings"
	"testing"

	"cloudadvisor/internal/providertest"
)

// rateUsed creates an assessment in Seoul, shown in KRW, through the API and
// returns the USD→KRW rate and date its options converted with.
func rateUsed(t *testing.T, a *app) (id, rate, asOf string) {
	t.Helper()
	resp, body := a.Do(t, "POST", "/api/v1/assessments", "application/json",
		`{"organization":{"name":"Rates","geography":"asia-seoul","currency":"KRW"},
		"workloads":[{"name":"api","kind":"api","vcpu":2,"memory_gib":8}]}`)
	if resp.StatusCode != 201 {
		t.Fatalf("create: got %d %s, want 201", resp.StatusCode, body)
	}
	var got struct {
		ID        string `json:"id"`
		Workloads []struct {
			Options []struct {
				Rates []struct {
					From, To string
					Rate     json.Number
					AsOf     string `json:"as_of"`
				} `json:"rates"`
			} `json:"options"`
		} `json:"workloads"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	for _, o := range got.Workloads[0].Options {
		for _, r := range o.Rates {
			if r.From == "USD" && r.To == "KRW" {
				return got.ID, r.Rate.String(), r.AsOf
			}
		}
	}
	t.Fatalf("no option converted USD to KRW:\n%s", body)
	return "", "", ""
}

// TestRefreshedRatesConvert: conversions use the embedded table while the
// refreshed ECB rates are older than it, and the refreshed ones, with their
// date, once a refresh brings newer rates; the running server notices the
// new catalog version without a restart.
func TestRefreshedRatesConvert(t *testing.T) {
	c, srv := refreshEnv(t)
	c.mustRun(t, "refresh", "--providers", "ecb") // the 2024-06-28 file: older than the embedded table
	a := startAppEnv(t, c.env)
	_, rate, asOf := rateUsed(t, a)
	if asOf != "2026-10-06" || !strings.HasPrefix(rate, "1338.7") { // 1508.67 / 1.1269
		t.Errorf("before: got %s on %s, want the embedded 1338.7… of 2026-10-06", rate, asOf)
	}

	srv.Corrupt(providertest.ECB, providertest.ECBNewer)
	c.mustRun(t, "refresh", "--providers", "ecb")
	id, rate, asOf := rateUsed(t, a)
	if asOf != "2026-12-04" || rate != "1500" { // 1800 / 1.2
		t.Errorf("after: got %s on %s, want the refreshed 1500 of 2026-12-04", rate, asOf)
	}
	_, page := a.Do(t, "GET", "/assessments/"+id, "", "")
	if !strings.Contains(page, "2026-12-04") {
		t.Errorf("the result page does not name the rates' date 2026-12-04")
	}
	_, prices := a.Do(t, "GET", "/prices?currency=KRW", "", "")
	if !strings.Contains(prices, "2026-12-04") {
		t.Errorf("the price browser does not name the rates' date 2026-12-04")
	}
}
