package server

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cloudadvisor/internal/samples"
	"cloudadvisor/internal/webtest"
)

// inventorySamples holds the real inventory files, outside the repository.
var inventorySamples = filepath.Join(samples.Dir(), "inventory")

// newInventoryAssessment creates an assessment (step 1) and returns its path.
func newInventoryAssessment(tb testing.TB, a *webtest.Client) string {
	tb.Helper()
	resp, _ := a.Do(tb, "POST", "/assessments", webtest.FormType, webtest.FormBody("organization.name", "Estate Ltd",
		"organization.geography", "us-east"))
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 303 {
		tb.Fatalf("create assessment: got %d", resp.StatusCode)
	}
	return strings.TrimSuffix(loc, "/workloads/new")
}

// count reads a number of the preview's counts table.
func count(tb testing.TB, page, id string) string {
	tb.Helper()
	m := regexp.MustCompile(`data-testid="count-` + id + `"[^>]*>\s*<th[^>]*>[^<]*</th>\s*<td[^>]*><strong>(\d+)</strong>`).FindStringSubmatch(page)
	if m == nil {
		tb.Fatalf("preview has no count %q", id)
	}
	return m[1]
}

func TestInventoryUploadPreviewConfirm(t *testing.T) {
	a := startApp(t)
	base := newInventoryAssessment(t, a)
	_, body := a.Do(t, "GET", base+"/workloads", "", "")
	if !strings.Contains(body, `href="`+base+`/inventory"`) {
		t.Errorf("step 2 has no link to the import")
	}
	resp, body := a.Do(t, "GET", base+"/inventory", "", "")
	for _, want := range []string{`enctype="multipart/form-data"`, `hx-encoding="multipart/form-data"`,
		`hx-indicator="#upload-progress"`, `accept=".xlsx,.csv,.zip"`, "/inventory/template.csv", "100 MB", "50000 rows",
		"RVTools export", "Azure Migrate", "Google Migration Center", "AWS Migration Hub"} {
		if !strings.Contains(body, want) {
			t.Errorf("upload page lacks %q", want)
		}
	}
	if resp.StatusCode != 200 {
		t.Fatalf("upload page: got %d", resp.StatusCode)
	}
	resp, body = a.Do(t, "GET", "/inventory/template.csv", "", "")
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "\ufeffname,") {
		t.Errorf("template: got %d %.40q, want our CSV with a BOM", resp.StatusCode, body)
	}

	preview, body := a.StageFile(t, base, "estate.csv", []byte(webtest.OwnInventory))
	for id, want := range map[string]string{"read": "6", "importable": "4", "skipped": "2", "added": "4", "updated": "0"} {
		if got := count(t, body, id); got != want {
			t.Errorf("preview count %s: got %s, want %s", id, got, want)
		}
	}
	for _, want := range []string{"estate.csv", "Our own CSV template", "Shop front", "Build box", "mainframe",
		`data-testid="problems-csv"`, "Import 4 workloads", `data-testid="assumption-`} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if n := a.WorkloadCount(t, base); n != 0 {
		t.Fatalf("before confirmation: got %d workloads saved, want 0", n)
	}

	// Problems as CSV: BOM, header, one line per problem, in the reader's
	// language.
	for _, tc := range []struct{ lang, header, reason string }{
		{"en", "\ufeffRow,Column,Value,Reason\n", "7,vcpu,100000,must be between 1 and 896\n"},
		{"ko", "\ufeff행,열,값,사유\n", "7,vcpu,100000,1~896 사이여야 합니다\n"},
	} {
		resp, body = a.DoHeader(t, "GET", preview+"/problems.csv", "", "", "Accept-Language", tc.lang)
		if resp.StatusCode != 200 || !strings.HasPrefix(body, tc.header) || !strings.Contains(body, tc.reason) ||
			!strings.Contains(body, "mainframe") || !strings.Contains(body, "100000") ||
			!strings.Contains(resp.Header.Get("Content-Disposition"), "estate-problems.csv") {
			t.Errorf("problems.csv in %s: got %d %q (%s), want the header %q and the reason %q", tc.lang, resp.StatusCode, body,
				resp.Header.Get("Content-Disposition"), tc.header, tc.reason)
		}
	}

	resp, _ = a.Do(t, "POST", preview+"/confirm", webtest.FormType, "")
	if resp.StatusCode != 303 || resp.Header.Get("Location") != base {
		t.Fatalf("confirm: got %d to %q, want 303 to the result page", resp.StatusCode, resp.Header.Get("Location"))
	}
	if n := a.WorkloadCount(t, base); n != 4 {
		t.Errorf("after confirmation: got %d workloads, want 4", n)
	}
	// A staged import is confirmed once.
	if resp, _ = a.Do(t, "POST", preview+"/confirm", webtest.FormType, ""); resp.StatusCode != 404 {
		t.Errorf("second confirmation: got %d, want 404", resp.StatusCode)
	}

	// The same file again updates by name instead of duplicating.
	preview, body = a.StageFile(t, base, "estate.csv", []byte(strings.Replace(webtest.OwnInventory, "Shop front,web_app,2,2,4",
		"Shop front,web_app,3,2,4", 1)))
	if got, want := count(t, body, "updated"), "4"; got != want {
		t.Errorf("re-import preview updated: got %s, want %s", got, want)
	}
	if got, want := count(t, body, "added"), "0"; got != want {
		t.Errorf("re-import preview added: got %s, want %s", got, want)
	}
	a.Do(t, "POST", preview+"/confirm", webtest.FormType, "")
	if n := a.WorkloadCount(t, base); n != 4 {
		t.Errorf("after re-import: got %d workloads, want still 4", n)
	}

	// The estate page groups them by the file's group, with totals.
	resp, body = a.Do(t, "GET", base+"/estate?by=group", "", "")
	if resp.StatusCode != 200 {
		t.Fatalf("estate: got %d", resp.StatusCode)
	}
	for _, want := range []string{`data-testid="group-Sales"`, `data-testid="group-Office"`, `data-testid="group--"`,
		"(no group)", "USD "} {
		if !strings.Contains(body, want) {
			t.Errorf("estate by group lacks %q", want)
		}
	}
	_, body = a.Do(t, "GET", base+"/estate?by=group&value=Sales", "", "")
	ids := regexp.MustCompile(`name="ids" value="([a-z2-7]+)"`).FindAllStringSubmatch(body, -1)
	if len(ids) != 2 || !strings.Contains(body, "Orders DB") {
		t.Fatalf("group Sales: got %d workloads, want 2 with Orders DB", len(ids))
	}
	resp, body = a.Do(t, "GET", base+"/workloads/"+ids[0][1]+"/result", "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `data-testid="comparison"`) || !strings.Contains(body, `data-testid="reasons"`) {
		t.Errorf("one workload's result: got %d, want its recommendation and options", resp.StatusCode)
	}
}

func TestInventoryRefusedFiles(t *testing.T) {
	a := startApp(t)
	base := newInventoryAssessment(t, a)
	resp, body := a.Upload(t, base+"/inventory", "notes.csv", []byte("hello,world\n1,2\n"))
	if resp.StatusCode != 422 || !strings.Contains(body, "not an inventory") || !strings.Contains(body, "RVTools export") {
		t.Errorf("not an inventory: got %d, want 422 naming the accepted formats", resp.StatusCode)
	}
	resp, body = a.Upload(t, base+"/inventory", "notes.csv", []byte("hello"), "HX-Request", "true")
	if resp.StatusCode != 422 || strings.Contains(body, "<html") || !strings.Contains(body, `data-testid="upload-error"`) {
		t.Errorf("htmx, not an inventory: got %d, want 422 with the message only: %s", resp.StatusCode, body)
	}
	resp, _ = a.Do(t, "POST", base+"/inventory", webtest.FormType, "")
	if resp.StatusCode != 422 {
		t.Errorf("no file: got %d, want 422", resp.StatusCode)
	}
	// More rows than the limit: 422 naming it.
	var big strings.Builder
	big.WriteString("name,vcpu\n")
	for i := range 50_001 {
		big.WriteString("vm")
		big.WriteString(strings.Repeat("x", i%3))
		big.WriteString(",2\n")
	}
	resp, body = a.Upload(t, base+"/inventory", "big.csv", []byte(big.String()))
	if resp.StatusCode != 422 || !strings.Contains(body, "more than 50000 rows") {
		t.Errorf("too many rows: got %d, want 422 with the limit", resp.StatusCode)
	}
	// Over the size limit: 413, without reading the whole body.
	for _, path := range []string{base + "/inventory", "/api/v1" + base + "/inventory"} {
		req, _ := http.NewRequest("POST", a.URL+path, io.LimitReader(zeros{}, 102<<20))
		req.ContentLength = 102 << 20
		req.Header.Set("Content-Type", "text/csv")
		req.Header.Set("Origin", a.URL)
		req.Header.Set("Expect", "100-continue") // the server answers before the body is sent
		resp, err := a.HTTP.Do(req)
		if err != nil {
			t.Fatalf("oversize %s: %v", path, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 413 || !strings.Contains(string(b), "100 MB") {
			t.Errorf("oversize %s: got %d %.200s, want 413 with the limit", path, resp.StatusCode, b)
		}
	}
	if n := a.WorkloadCount(t, base); n != 0 {
		t.Errorf("refused files saved %d workloads, want 0", n)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestInventoryBulkEdit(t *testing.T) {
	a := startApp(t)
	base := newInventoryAssessment(t, a)
	preview, _ := a.StageFile(t, base, "estate.csv", []byte(webtest.OwnInventory))
	a.Do(t, "POST", preview+"/confirm", webtest.FormType, "")
	list := base + "/estate?by=group&value=Sales"
	_, body := a.Do(t, "GET", list, "", "")
	ids := regexp.MustCompile(`name="ids" value="([a-z2-7]+)"`).FindAllStringSubmatch(body, -1)
	if len(ids) != 2 {
		t.Fatalf("got %d workloads in Sales, want 2", len(ids))
	}
	bad := webtest.FormBody("ids", ids[0][1], "ids", ids[1][1], "field", "data_sensitivity", "value", "secret", "back", list)
	resp, body := a.Do(t, "POST", base+"/workloads/bulk", webtest.FormType, bad)
	if resp.StatusCode != 422 || !strings.Contains(body, `data-testid="bulk-error"`) || !strings.Contains(body, "Data sensitivity: must be one of") {
		t.Errorf("bad value: got %d, want 422 with the field's message", resp.StatusCode)
	}
	resp, _ = a.Do(t, "POST", base+"/workloads/bulk", webtest.FormType, webtest.FormBody("ids", ids[0][1], "field", "name", "value", "x", "back", list))
	if resp.StatusCode != 422 {
		t.Errorf("field not offered: got %d, want 422", resp.StatusCode)
	}
	good := webtest.FormBody("all", "page", "page_ids", ids[0][1], "page_ids", ids[1][1], "field", "data_sensitivity",
		"value", "regulated", "back", list)
	resp, _ = a.Do(t, "POST", base+"/workloads/bulk", webtest.FormType, good)
	if resp.StatusCode != 303 || resp.Header.Get("Location") != base+"/estate?by=group&changed=2&value=Sales" {
		t.Fatalf("bulk edit: got %d to %q, want 303 back to the list", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, body = a.Do(t, "GET", "/api/v1"+base, "", "")
	var doc struct {
		Workloads []struct {
			Name     string
			Workload struct {
				DataSensitivity string `json:"data_sensitivity"`
			}
		}
	}
	json.Unmarshal([]byte(body), &doc)
	got := map[string]string{}
	for _, w := range doc.Workloads {
		got[w.Name] = w.Workload.DataSensitivity
	}
	if got["Shop front"] != "regulated" || got["Orders DB"] != "regulated" || got["Mail"] == "regulated" {
		t.Errorf("after bulk edit: got sensitivities %v, want regulated for Sales only", got)
	}
}

func TestInventoryAPI(t *testing.T) {
	a := startApp(t)
	base := newInventoryAssessment(t, a)
	resp, body := a.DoHeader(t, "POST", "/api/v1"+base+"/inventory?name=estate.csv", "text/csv", webtest.OwnInventory)
	if resp.StatusCode != 200 {
		t.Fatalf("api import: got %d %s", resp.StatusCode, body)
	}
	var res struct {
		Format, File   string
		Stats          struct{ Read, Imported, Skipped int }
		Added, Updated int
		Unchanged      int
		Problems       []struct {
			Line                  int
			Column, Value, Reason string
		}
		Refused []json.RawMessage
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Format != "cloudadvisor_csv" || res.File != "estate.csv" || res.Stats.Read != 6 || res.Stats.Imported != 4 ||
		res.Added != 4 || len(res.Problems) != 2 || res.Problems[0].Line != 6 || res.Problems[0].Value != "mainframe" {
		t.Errorf("api import: got %+v", res)
	}
	resp, body = a.DoHeader(t, "POST", "/api/v1"+base+"/inventory", "application/octet-stream", webtest.OwnInventory,
		"Content-Disposition", `attachment; filename="again.csv"`)
	json.Unmarshal([]byte(body), &res)
	if resp.StatusCode != 200 || res.File != "again.csv" || res.Added != 0 || res.Updated+res.Unchanged != 4 {
		t.Errorf("api re-import: got %d %+v, want the same 4 workloads, none added", resp.StatusCode, res)
	}
	if n := a.WorkloadCount(t, base); n != 4 {
		t.Errorf("after two API imports: got %d workloads, want 4", n)
	}
	resp, body = a.DoHeader(t, "POST", "/api/v1"+base+"/inventory", "text/plain", "just some text")
	if resp.StatusCode != 422 || !strings.Contains(body, `"message"`) || !strings.Contains(body, "not an inventory") {
		t.Errorf("api, not an inventory: got %d %s, want a 422 JSON error", resp.StatusCode, body)
	}
}

// readSample reads a shared inventory sample, skipping the test without it.
func readSample(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(inventorySamples, name))
	if os.IsNotExist(err) {
		samples.Missing(tb, "shared inventory samples absent: "+err.Error())
	}
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestInventoryRealRVTools(t *testing.T) {
	data := readSample(t, "rvtools-example1-kubev2v.xlsx")
	a := startApp(t)
	base := newInventoryAssessment(t, a)
	preview, body := a.StageFile(t, base, "rvtools-example1-kubev2v.xlsx", data)
	for id, want := range map[string]string{"read": "9", "importable": "8", "skipped": "1", "added": "8", "powered_off": "6"} {
		if got := count(t, body, id); got != want {
			t.Errorf("preview count %s: got %s, want %s", id, got, want)
		}
	}
	if !strings.Contains(body, "RVTools export") || !regexp.MustCompile(`<td class="num">10</td>\s*<td>CPUs</td>`).MatchString(body) {
		t.Errorf("preview: want the format and vm-9's missing CPUs on row 10")
	}
	a.Do(t, "POST", preview+"/confirm", webtest.FormType, "")
	// Re-importing the same file updates the same eight workloads.
	preview, body = a.StageFile(t, base, "rvtools-example1-kubev2v.xlsx", data)
	if got := count(t, body, "updated"); got != "8" {
		t.Errorf("re-import: got %s to update, want 8", got)
	}
	a.Do(t, "POST", preview+"/confirm", webtest.FormType, "")
	if n := a.WorkloadCount(t, base); n != 8 {
		t.Errorf("after re-import: got %d workloads, want 8", n)
	}
}
