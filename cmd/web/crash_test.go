package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"cloudadvisor/internal/genoffer/offergen"
	"cloudadvisor/internal/webtest"
	"cloudadvisor/sqlite"
)

// childEnv holds the JSON argument list of a child process: the test binary
// then runs the program instead of the tests, so the crash tests can SIGKILL
// a real process without building one.
const childEnv = "ADVISOR_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		os.Exit(childMain(args))
	}
	os.Exit(m.Run())
}

// childMain is main with the arguments from the environment.
func childMain(js string) int {
	var args []string
	if err := json.Unmarshal([]byte(js), &args); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, append([]string{"web"}, args...), os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	return 0
}

// child returns the command that runs `web args...` in a new process.
func child(tb testing.TB, args ...string) *exec.Cmd {
	tb.Helper()
	exe, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	js, _ := json.Marshal(args)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(js))
	return cmd
}

// envInt reads a positive number from the environment, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// crashIterations is how many times each crash test kills its process:
// ADVISOR_CRASH_N, 10 by default.
func crashIterations() int { return envInt("ADVISOR_CRASH_N", 10) }

// checkIntegrity opens the database as the app does after a crash (which
// recovers the WAL), then runs PRAGMA integrity_check, and returns a plain
// connection for further checks.
func checkIntegrity(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	store, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("reopen after kill: %v", err)
	}
	store.Close()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		tb.Fatalf("integrity_check after kill: got %q, %v; want ok", res, err)
	}
	return db
}

// writeOffers generates a synthetic AWS offer file of about mb megabytes.
func writeOffers(tb testing.TB, path string, mb int) string {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	h := sha256.New()
	if _, err := offergen.Write(io.MultiWriter(f, h), int64(mb)*1e6); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestCrashDuringCatalogImport kills `web catalog import` at random moments
// and checks that the database is sound, that the scope's active version is
// either the old one or the complete new one, never a partial one, and that
// prices are still served.
func TestCrashDuringCatalogImport(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: skipped with -short")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "advisor.db")
	mb := envInt("ADVISOR_CRASH_MB", 40)
	files := []string{filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")}
	sums := []string{writeOffers(t, files[0], mb), writeOffers(t, files[1], mb*3/4)}
	importArgs := func(file string) []string {
		return []string{"catalog", "import", "--provider", "aws", "--file", file, "--scope", "crash", "-db", dbPath}
	}
	if out, err := runCmd(importArgs(files[1])...); err != nil {
		t.Fatalf("first import: %v %s", err, out)
	}
	// One whole import in a child process times the window to kill in.
	start := time.Now()
	if out, err := child(t, importArgs(files[0])...).CombinedOutput(); err != nil {
		t.Fatalf("timed import: %v %s", err, out)
	}
	took := time.Since(start)

	killed, completed := 0, 0
	for i := range crashIterations() {
		// Import the file that is not active, so there is always a switch to make.
		before := activeChecksum(t, checkIntegrity(t, dbPath))
		next := 0
		if before == sums[0] {
			next = 1
		}
		cmd := child(t, importArgs(files[next])...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		delay := time.Duration(rand.Int64N(int64(took) * 14 / 10))
		outcome := "killed"
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("iteration %d: import exited with %v", i, err)
			}
			outcome = "completed"
			completed++
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-exited
			killed++
		}
		db := checkIntegrity(t, dbPath)
		after := checkCatalogVersion(t, db, sums)
		if outcome == "completed" && after != sums[next] {
			t.Errorf("iteration %d: the import completed but the new version is not active", i)
		}
		if after != before && after != sums[next] {
			t.Errorf("iteration %d: active version is neither the old nor the new one", i)
		}
		served := "old"
		if after != before {
			served = "new"
		}
		t.Logf("iteration %d: %s (kill set at %v); integrity ok, %s version active and complete", i, outcome,
			delay.Round(time.Millisecond), served)
		db.Close()
	}
	t.Logf("catalog import: %d iterations, %d killed, %d completed (an import of %d MB takes about %v)",
		killed+completed, killed, completed, mb, took.Round(time.Millisecond))

	// The app starts on the database and answers a price query.
	a := startAppEnv(t, map[string]string{"ADVISOR_DB": dbPath})
	resp, body := a.Do(t, "GET", "/api/v1/prices?provider=aws&region=us-east-1&limit=5", "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `"sku"`) {
		t.Errorf("price query after the kills: got %d %.200s, want 200 with prices", resp.StatusCode, body)
	}
}

// activeChecksum is the checksum of the active version of scope "crash".
func activeChecksum(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	var sum string
	if err := db.QueryRow(`SELECT checksum FROM catalog_versions WHERE scope = 'crash' AND status = 'active'`).Scan(&sum); err != nil {
		tb.Fatalf("active version: %v", err)
	}
	return sum
}

// checkCatalogVersion checks that the scope has exactly one active version,
// made from one of the files, holding all the products and prices it
// recorded, and that no unfinished version was left; it returns its checksum.
func checkCatalogVersion(tb testing.TB, db *sql.DB, sums []string) string {
	tb.Helper()
	var n, building int
	db.QueryRow(`SELECT count(*), (SELECT count(*) FROM catalog_versions WHERE status = 'building')
		FROM catalog_versions WHERE scope = 'crash' AND status = 'active'`).Scan(&n, &building)
	if n != 1 || building != 0 {
		tb.Fatalf("got %d active and %d building versions, want 1 and 0", n, building)
	}
	var id int64
	var sum string
	var products, prices, gotProducts, gotPrices int
	err := db.QueryRow(`SELECT v.id, v.checksum, v.products, v.prices,
		(SELECT count(*) FROM products p WHERE p.version_id = v.id),
		(SELECT count(*) FROM prices x JOIN products p ON p.id = x.product_id WHERE p.version_id = v.id)
		FROM catalog_versions v WHERE scope = 'crash' AND status = 'active'`).Scan(&id, &sum, &products, &prices,
		&gotProducts, &gotPrices)
	if err != nil {
		tb.Fatal(err)
	}
	if sum != sums[0] && sum != sums[1] {
		tb.Errorf("active version %d has checksum %s, from neither file", id, sum)
	}
	if gotProducts != products || gotPrices != prices || prices == 0 {
		tb.Errorf("active version %d holds %d products and %d prices, recorded %d and %d: a partial version",
			id, gotProducts, gotPrices, products, prices)
	}
	var orphans int
	db.QueryRow(`SELECT count(*) FROM products p LEFT JOIN catalog_versions v ON v.id = p.version_id WHERE v.id IS NULL`).Scan(&orphans)
	if orphans != 0 {
		tb.Errorf("got %d products of no version, want 0", orphans)
	}
	return sum
}

// TestCrashDuringSaves kills the server at random moments while clients
// create assessments through the API and add workloads through the forms,
// and checks after each restart that the database is sound and that every
// assessment holds all its workloads: what was acknowledged is there, an
// assessment is whole or absent, and at most the one add in flight is extra.
func TestCrashDuringSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: skipped with -short")
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "advisor.db")
	acked := &ackLog{forms: map[string]int{}, apis: map[string]int{}}
	var creates, adds, kills int
	for i := range crashIterations() {
		cmd, url := startServerChild(t, dbPath)
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() { saveLoop(url, w, acked, stop) })
		}
		delay := 200*time.Millisecond + time.Duration(rand.Int64N(int64(1200*time.Millisecond)))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		<-exited
		close(stop)
		wg.Wait()
		kills++
		db := checkIntegrity(t, dbPath)
		c, a := checkAssessments(t, db, acked)
		creates, adds = c, a
		t.Logf("iteration %d: killed after %v; integrity ok; %d API assessments whole, %d form assessments hold every acknowledged workload",
			i, delay.Round(time.Millisecond), c, a)
		db.Close()
	}
	if creates == 0 || adds == 0 {
		t.Errorf("got %d API and %d form assessments saved in all, want some of each", creates, adds)
	}
	t.Logf("saves: %d kills; %d API assessments and %d form assessments checked", kills, creates, adds)
}

// startServerChild starts `web` on a free port in a new process and returns
// it with its URL.
func startServerChild(tb testing.TB, dbPath string) (*exec.Cmd, string) {
	tb.Helper()
	cmd := child(tb, "-addr", "127.0.0.1:0", "-db", dbPath)
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		re := regexp.MustCompile(`url=(http://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urlc <- m[1]
			}
		}
	}()
	select {
	case u := <-urlc:
		return cmd, u
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		tb.Fatal("server child did not start within 30s")
	}
	return nil, ""
}

// ackLog records what the server acknowledged: for each form assessment, how
// many workloads it confirmed.
type ackLog struct {
	mu    sync.Mutex
	forms map[string]int // id -> workloads confirmed
	apis  map[string]int // id -> workloads posted
}

// saveLoop saves until stop or until the server dies: an API assessment with
// a random number of workloads, named after that number, then a form
// assessment to which it adds workloads w1, w2, ... one by one.
func saveLoop(base string, worker int, acked *ackLog, stop chan struct{}) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path, ctype, body string) (*http.Response, error) {
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		resp, err := c.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		return resp, err
	}
	for n := 0; ; n++ {
		select {
		case <-stop:
			return
		default:
		}
		k := 1 + rand.IntN(25)
		var wls []string
		for j := range k {
			wls = append(wls, fmt.Sprintf(`{"name":"w%d","kind":"api","vcpu":%d,"memory_gib":4}`, j+1, 1+j%8))
		}
		body := fmt.Sprintf(`{"organization":{"name":"api-k%d-%d-%d","geography":"us-east"},"workloads":[%s]}`,
			k, worker, n, strings.Join(wls, ","))
		req, _ := http.NewRequest("POST", base+"/api/v1/assessments", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		var doc struct{ ID string }
		if json.NewDecoder(resp.Body).Decode(&doc) == nil && resp.StatusCode == 201 {
			acked.mu.Lock()
			acked.apis[doc.ID] = k
			acked.mu.Unlock()
		}
		resp.Body.Close()
		resp, err = post("/assessments", webtest.FormType, webtest.FormBody("organization.name", fmt.Sprintf("form-%d-%d", worker, n),
			"organization.geography", "us-east"))
		if err != nil {
			return
		}
		if resp.StatusCode != 303 {
			continue
		}
		id := strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Location"), "/assessments/"), "/workloads/new")
		acked.mu.Lock()
		acked.forms[id] = 0
		acked.mu.Unlock()
		for j := 1; j <= 5; j++ {
			resp, err := post("/assessments/"+id+"/workloads", webtest.FormType, webtest.FormBody("workload.name", fmt.Sprintf("w%d", j),
				"workload.kind", "web_app", "workload.vcpu", "2", "workload.memory_gib", "4"))
			if err != nil {
				return
			}
			if resp.StatusCode != 303 {
				break
			}
			acked.mu.Lock()
			acked.forms[id] = j
			acked.mu.Unlock()
		}
	}
}

// checkAssessments checks every stored assessment against what was posted
// and acknowledged, and returns how many API and form assessments it saw.
func checkAssessments(tb testing.TB, db *sql.DB, acked *ackLog) (api, forms int) {
	tb.Helper()
	rows, err := db.Query(`SELECT a.id, json_extract(a.organization, '$.name'),
		coalesce((SELECT group_concat(name, ',') FROM (SELECT name FROM workloads w WHERE w.assessment_id = a.id ORDER BY position)), '')
		FROM assessments a`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	acked.mu.Lock()
	defer acked.mu.Unlock()
	for rows.Next() {
		var id, name, names string
		if err := rows.Scan(&id, &name, &names); err != nil {
			tb.Fatal(err)
		}
		seen[id] = true
		n := 0
		if names != "" {
			n = len(strings.Split(names, ","))
		}
		if want := workloadNames(n); names != want {
			tb.Errorf("assessment %s (%s): got workloads %q, want %q", id, name, names, want)
		}
		switch {
		case strings.HasPrefix(name, "api-k"):
			api++
			k, _ := strconv.Atoi(strings.Split(strings.TrimPrefix(name, "api-k"), "-")[0])
			if n != k {
				tb.Errorf("assessment %s (%s): got %d workloads, posted %d: half-saved", id, name, n, k)
			}
		case strings.HasPrefix(name, "form-"):
			forms++
			if ack := acked.forms[id]; n < ack || n > ack+1 {
				tb.Errorf("assessment %s (%s): got %d workloads, %d acknowledged and at most one in flight", id, name, n, ack)
			}
		default:
			tb.Errorf("assessment %s: unexpected name %q", id, name)
		}
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	for id := range acked.forms {
		if !seen[id] {
			tb.Errorf("form assessment %s was acknowledged but is gone", id)
		}
	}
	for id := range acked.apis {
		if !seen[id] {
			tb.Errorf("API assessment %s was acknowledged but is gone", id)
		}
	}
	var bad int
	db.QueryRow(`SELECT count(*) FROM workloads WHERE NOT json_valid(input) OR NOT json_valid(workload)
		OR NOT json_valid(recommendation)`).Scan(&bad)
	if bad != 0 {
		tb.Errorf("got %d workloads with broken JSON, want 0", bad)
	}
	return api, forms
}

// workloadNames is "w1,w2,...,wn".
func workloadNames(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = "w" + strconv.Itoa(i+1)
	}
	return strings.Join(names, ",")
}
