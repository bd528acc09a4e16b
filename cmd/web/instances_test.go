package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cloudadvisor/internal/storetest"
	"cloudadvisor/internal/webtest"
	"cloudadvisor/pricing/defaults"
)

// testSessionKeys is one 32-byte key, as every instance must share.
var testSessionKeys = strings.Repeat("5e", 32)

// TestTwoInstancesOnPostgres starts two instances on one PostgreSQL
// database, as behind a load balancer, and alternates one browser's
// requests between them (one cookie jar: cookies are not per port).
func TestTwoInstancesOnPostgres(t *testing.T) {
	dbURL := storetest.PostgresURL(t)
	env := map[string]string{"ADVISOR_DATABASE_URL": dbURL, "ADVISOR_SESSION_KEYS": testSessionKeys}
	apps := startApps(t, 2, env)
	a, b := apps[0], apps[1]
	b.HTTP = a.HTTP

	// Both started at once: the default catalog was imported once.
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var versions, scopes, active int
	if err := db.QueryRow(`SELECT count(*), count(DISTINCT scope), count(*) FILTER (WHERE status = 'active')
		FROM catalog_versions`).Scan(&versions, &scopes, &active); err != nil {
		t.Fatal(err)
	}
	if want := len(defaults.Sheets()); versions != want || scopes != want || active != want {
		t.Errorf("got %d versions of %d scopes, %d active; want each of the %d default sheets imported once",
			versions, scopes, active, want)
	}

	// The questionnaire, step by step on alternate instances.
	resp, _ := a.Do(t, "POST", "/assessments", webtest.FormType, webtest.FormBody("organization.name", "Two Hosts Ltd",
		"organization.geography", "us-east"))
	if resp.StatusCode != 303 {
		t.Fatalf("step 1 on A: got %d, want 303", resp.StatusCode)
	}
	base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
	for i, w := range []struct {
		on   *app
		name string
	}{{b, "Shop front"}, {a, "Ledger"}, {b, "Search"}} {
		resp, body := w.on.Do(t, "POST", base+"/workloads", webtest.FormType, webtest.FormBody("workload.name", w.name,
			"workload.kind", "web_app", "workload.vcpu", "2", "workload.memory_gib", "4"))
		if resp.StatusCode != 303 {
			t.Fatalf("workload %d on %s: got %d, want 303: %.200s", i, w.on.URL, resp.StatusCode, body)
		}
	}
	for _, on := range apps {
		resp, body := on.Do(t, "GET", base, "", "")
		if resp.StatusCode != 200 {
			t.Fatalf("result on %s: got %d", on.URL, resp.StatusCode)
		}
		for _, want := range []string{"Two Hosts Ltd", "Shop front", "Ledger", "Search", `data-testid="option-iaas-aws"`} {
			if !strings.Contains(body, want) {
				t.Errorf("result on %s lacks %q", on.URL, want)
			}
		}
		if _, home := on.Do(t, "GET", "/", "", ""); !strings.Contains(home, base) {
			t.Errorf("home on %s does not list the assessment made across both", on.URL)
		}
	}

	// An inventory staged on A is confirmed on B.
	preview, _ := a.StageFile(t, base, "estate.csv", []byte(webtest.OwnInventory))
	if resp, _ := b.Do(t, "POST", preview+"/confirm", webtest.FormType, ""); resp.StatusCode != 303 {
		t.Fatalf("confirm on B: got %d, want 303", resp.StatusCode)
	}
	if n := a.WorkloadCount(t, base); n != 3+4 {
		t.Errorf("after the import: A sees %d workloads, want 7", n)
	}

	// A catalog import (the CLI, on A's host) is served by both at once.
	sheet := filepath.Join(t.TempDir(), "extra.csv")
	row := "aws,compute,AmazonEC2,general_purpose,us-east-1,TWO-INSTANCES-1,m9.test,linux,2,8,on_demand,hour,0.0123,,USD,,,2026-12-01,test,,\n"
	if err := os.WriteFile(sheet, []byte(strings.SplitN(storetest.Sheet, "\n", 2)[0]+"\n"+row), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = run(context.Background(), []string{"web", "catalog", "import", "--provider", "sheet", "--file", sheet},
		func(k string) string { return env[k] }, &out)
	if err != nil {
		t.Fatalf("catalog import: %v", err)
	}
	for _, on := range apps {
		_, body := on.Do(t, "GET", "/api/v1/prices?provider=aws&region=us-east-1&sku=TWO-INSTANCES-1", "", "")
		var got struct{ Items []struct{ Price string } }
		if err := json.Unmarshal([]byte(body), &got); err != nil || len(got.Items) != 1 || got.Items[0].Price != "0.0123" {
			t.Errorf("prices on %s: got %s, want the imported 0.0123", on.URL, body)
		}
	}
}

// TestPostgresNeedsSharedKeys: with PostgreSQL (several instances) the
// server refuses to start without ADVISOR_SESSION_KEYS.
func TestPostgresNeedsSharedKeys(t *testing.T) {
	env := map[string]string{"ADVISOR_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
	err := run(context.Background(), []string{"web", "-addr", "127.0.0.1:0"}, func(k string) string { return env[k] }, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "ADVISOR_SESSION_KEYS") {
		t.Errorf("got %v, want a refusal naming ADVISOR_SESSION_KEYS", err)
	}
}
