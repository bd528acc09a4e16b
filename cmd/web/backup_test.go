package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/sqlite"
)

// stopApp shuts a running app down now; its cleanup then finds it stopped.
func stopApp(tb testing.TB, a *app) {
	tb.Helper()
	a.cancel()
	err := <-a.done
	a.done <- err
	if err != nil {
		tb.Fatalf("run returned %v after shutdown, want nil", err)
	}
}

// createViaAPI posts an assessment with n workloads and returns its id.
func createViaAPI(tb testing.TB, a *app, org string, n int) string {
	tb.Helper()
	var wls []string
	for i := range n {
		wls = append(wls, `{"name":"w`+string(rune('a'+i))+`","kind":"api","vcpu":2,"memory_gib":4}`)
	}
	resp, body := a.Do(tb, "POST", "/api/v1/assessments", "application/json",
		`{"organization":{"name":"`+org+`","geography":"us-east"},"workloads":[`+strings.Join(wls, ",")+`]}`)
	if resp.StatusCode != 201 {
		tb.Fatalf("create %s: got %d %s, want 201", org, resp.StatusCode, body)
	}
	var doc struct{ ID string }
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		tb.Fatal(err)
	}
	return doc.ID
}

// runCmd runs `web args...` as main does.
func runCmd(args ...string) (string, error) {
	var out bytes.Buffer
	err := run(context.Background(), append([]string{"web"}, args...), func(string) string { return "" }, &out)
	return out.String(), err
}

// integrityCheck runs PRAGMA integrity_check on a closed database file.
func integrityCheck(tb testing.TB, path string) string {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		tb.Fatal(err)
	}
	return res
}

func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	dbPath, bak := filepath.Join(dir, "advisor.db"), filepath.Join(dir, "backups", "monday.db")
	os.Mkdir(filepath.Dir(bak), 0o755)
	a := startAppEnv(t, map[string]string{"ADVISOR_DB": dbPath})
	kept := createViaAPI(t, a, "Acme", 3)

	// Backed up while the server runs.
	out, err := runCmd("backup", "-db", dbPath, bak)
	if err != nil || !strings.Contains(out, "1 assessments") {
		t.Fatalf("backup: got %q, %v; want a summary with 1 assessment", out, err)
	}
	later := createViaAPI(t, a, "Globex", 2)
	if _, err := runCmd("restore", "-db", dbPath, bak); err == nil || !strings.Contains(err.Error(), "stop the server first") {
		t.Errorf("restore while serving: got %v, want a refusal to stop the server first", err)
	}
	stopApp(t, a)

	// A new host has no session-key file: the restore brings the backup's,
	// or every owner would lose their assessments.
	keys, err := os.ReadFile(dbPath + ".session-keys")
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(dbPath + ".session-keys")
	out, err = runCmd("restore", "-db", dbPath, bak)
	if err != nil || !strings.Contains(out, "restored") || !strings.Contains(out, "session keys copied") {
		t.Fatalf("restore: got %q, %v", out, err)
	}
	if got, err := os.ReadFile(dbPath + ".session-keys"); err != nil || !bytes.Equal(got, keys) {
		t.Errorf("session keys after restore: got %q, %v; want the backed-up keys", got, err)
	}
	if fi, err := os.Stat(dbPath + ".session-keys"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("session-key file mode: got %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	// No stale -wal or -shm, no temporary file, a backup in one file.
	for d, want := range map[string][]string{dir: {"advisor.db", "advisor.db.session-keys", "backups"},
		filepath.Dir(bak): {"monday.db", "monday.db.session-keys"}} {
		var got []string
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			got = append(got, e.Name())
		}
		if !slices.Equal(got, want) {
			t.Errorf("files in %s after restore: got %v, want %v", d, got, want)
		}
	}
	if got := integrityCheck(t, dbPath); got != "ok" {
		t.Errorf("integrity_check after restore: got %q, want ok", got)
	}
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Assessment(context.Background(), kept)
	if err != nil || got.Organization.Name != "Acme" || len(got.Workloads) != 3 {
		t.Errorf("restored assessment: got %q with %d workloads, %v; want Acme with 3", got.Organization.Name, len(got.Workloads), err)
	}
	if _, err := db.Assessment(context.Background(), later); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("assessment made after the backup: got %v, want not found", err)
	}
	if n, err := db.CountOffers(context.Background(), pricing.OfferFilter{}); err != nil || n == 0 {
		t.Errorf("restored catalog: got %d prices, %v; want the default prices", n, err)
	}
	db.Close()

	// The restored database serves again.
	a = startAppEnv(t, map[string]string{"ADVISOR_DB": dbPath})
	if resp, _ := a.Do(t, "GET", "/readyz", "", ""); resp.StatusCode != 200 {
		t.Errorf("readyz after restore: got %d, want 200", resp.StatusCode)
	}
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "advisor.db")
	good := filepath.Join(dir, "good.db")
	a := startAppEnv(t, map[string]string{"ADVISOR_DB": dbPath})
	id := createViaAPI(t, a, "Acme", 1)
	if _, err := runCmd("backup", "-db", dbPath, good); err != nil {
		t.Fatal(err)
	}
	stopApp(t, a)

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	full, _ := os.ReadFile(good)
	corrupt := bytes.Clone(full)
	for i := 4096; i < len(corrupt) && i < 4096*6; i++ {
		corrupt[i] ^= 0x5a // scramble b-tree pages, keep the header
	}
	other := filepath.Join(dir, "other.db")
	odb, _ := sql.Open("sqlite3", other)
	if _, err := odb.Exec("CREATE TABLE notes (body TEXT)"); err != nil {
		t.Fatal(err)
	}
	odb.Close()
	tests := []struct {
		name, file, want string
	}{
		{"text file", write("notes.txt", []byte("hello, this is not a database\n")), "not an SQLite database"},
		{"empty file", write("empty.db", nil), "not an SQLite database"},
		{"truncated backup", write("half.db", full[:len(full)/2]), "not a backup of this app"},
		{"corrupt backup", write("corrupt.db", corrupt), "not a backup of this app"},
		{"another app's database", other, "schema version 0"},
		{"missing file", filepath.Join(dir, "nope.db"), "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runCmd("restore", "-db", dbPath, tc.file)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Assessment(context.Background(), id); err != nil {
		t.Errorf("database after refused restores: got %v, want the assessment still there", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(m) > 0 {
		t.Errorf("refused restores left temporary files %v", m)
	}
}
