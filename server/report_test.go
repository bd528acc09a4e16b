package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/report/reporttest"
	"cloudadvisor/sqlite"
)

// client is one browser session against the handler: it keeps the cookies.
type client struct {
	tb      testing.TB
	h       http.Handler
	cookies []*http.Cookie
}

func (c *client) do(method, path, body string) *httptest.ResponseRecorder {
	c.tb.Helper()
	typ := ""
	if body != "" {
		typ = "application/json"
	}
	if method == "POST" && body == "" {
		typ = "application/x-www-form-urlencoded"
	}
	return c.send(method, path, typ, body)
}

// form posts a form as a browser does.
func (c *client) form(path, body string) *httptest.ResponseRecorder {
	c.tb.Helper()
	return c.send("POST", path, "application/x-www-form-urlencoded", body)
}

func (c *client) send(method, path, typ, body string) *httptest.ResponseRecorder {
	c.tb.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if typ != "" {
		req.Header.Set("Content-Type", typ)
	}
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	for _, ck := range rec.Result().Cookies() { // a re-issued cookie replaces the old one
		c.cookies = slices.DeleteFunc(c.cookies, func(o *http.Cookie) bool { return o.Name == ck.Name })
		c.cookies = append(c.cookies, ck)
	}
	return rec
}

// importFixture loads the report fixture's prices into the store, one catalog version per provider.
func importFixture(tb testing.TB, db *sqlite.DB) {
	tb.Helper()
	byProvider := map[string][]pricing.Offer{}
	for _, o := range reporttest.Offers() {
		byProvider[o.Provider] = append(byProvider[o.Provider], o)
	}
	for p, offers := range byProvider {
		_, err := db.ImportCatalog(context.Background(), pricing.CatalogImport{Provider: p, Scope: "fixture/" + p,
			Source: "fixture " + p + " price list", Checksum: p}, func(sink pricing.Sink) (pricing.ImportStats, error) {
			for _, o := range offers {
				if err := sink(o); err != nil {
					return pricing.ImportStats{}, err
				}
			}
			return pricing.ImportStats{Prices: len(offers)}, nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// createFixture posts the fixture assessment through the API and returns its id.
func createFixture(tb testing.TB, c *client) string {
	tb.Helper()
	return createWith(tb, c, reporttest.Workloads())
}

// createWith posts the fixture's organisation with the given workloads
// through the API and returns the assessment's id.
func createWith(tb testing.TB, c *client, ws []advisor.WorkloadInput) string {
	tb.Helper()
	body, err := json.Marshal(map[string]any{"organization": reporttest.Organization(), "workloads": ws})
	if err != nil {
		tb.Fatal(err)
	}
	rec := c.do("POST", "/api/v1/assessments", string(body))
	if rec.Code != http.StatusCreated {
		tb.Fatalf("create assessment: got %d: %s", rec.Code, rec.Body.String())
	}
	var doc struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		tb.Fatal(err)
	}
	return doc.ID
}

var moneyElem = regexp.MustCompile(`<[a-z]+\b[^>]*?\bdata-money\b[^>]*>([^<]*)<`)

// dataMoney returns the texts of the [data-money] elements of a page.
func dataMoney(html string) []string {
	var out []string
	for _, m := range moneyElem.FindAllStringSubmatch(html, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

var spaces = regexp.MustCompile(`\s+`)

func TestExportsShowTheScreensFigures(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)

	page := c.do("GET", "/assessments/"+id, "")
	if page.Code != 200 {
		t.Fatalf("result page: got %d", page.Code)
	}
	want := dataMoney(page.Body.String())
	if len(want) < 20 {
		t.Fatalf("result page has %d [data-money] elements, want the contract's figures (20 or more)", len(want))
	}
	html := c.do("GET", "/assessments/"+id+"/report.html", "")
	printed := dataMoney(html.Body.String())
	t.Logf("%d money figures on the result page, %d in the print view", len(want), len(printed))

	exports := map[string]string{}
	for _, ext := range []string{"pdf", "html", "csv", "xlsx", "json", "md"} {
		rec := c.do("GET", "/assessments/"+id+"/report."+ext, "")
		if rec.Code != 200 {
			t.Fatalf("report.%s: got %d", ext, rec.Code)
		}
		cd := rec.Header().Get("Content-Disposition")
		if !strings.Contains(cd, `filename="cloud-2026-11-23.`+ext+`"`) ||
			!strings.Contains(cd, "filename*=UTF-8''%ED%95%9C%EB%B9%9B-cloud-%EC%A3%BC%EC%8B%9D%ED%9A%8C%EC%82%AC-2026-11-23."+ext) {
			t.Errorf("report.%s: got Content-Disposition %q, want the ASCII slug and the RFC 5987 name", ext, cd)
		}
		exports[ext] = exportText(t, ext, rec.Body.Bytes())
	}
	for ext, text := range exports {
		if text == "" {
			continue // pdftotext missing: reported by exportText
		}
		for _, m := range slices.Concat(want, printed) {
			if !strings.Contains(text, m) {
				t.Errorf("report.%s lacks %q, shown on the page", ext, m)
			}
		}
	}
}

// exportText is the text a person sees in an export: the PDF's text
// (pdftotext), the XLSX cells as formatted (formulas recalculated), the
// JSON's money objects as Money.Display (and an extra cost's size), the
// others as they are.
func exportText(t *testing.T, ext string, b []byte) string {
	t.Helper()
	switch ext {
	case "pdf":
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Log("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
			return ""
		}
		cmd := exec.Command("pdftotext", "-layout", "-", "-")
		cmd.Stdin = bytes.NewReader(b)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return spaces.ReplaceAllString(string(out), " ")
	case "xlsx":
		return xlsxText(t, b)
	case "json":
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		walkMoney(v, func(m pricing.Money) {
			sb.WriteString(m.Display() + "\n" + pricing.Money{Amount: m.Amount.Neg(), Currency: m.Currency}.Display() + "\n")
		})
		return sb.String()
	}
	return string(b)
}

// walkMoney calls fn for every {"amount", "currency"} object.
func walkMoney(v any, fn func(pricing.Money)) {
	switch x := v.(type) {
	case map[string]any:
		a, ok1 := x["amount"].(string)
		cur, ok2 := x["currency"].(string)
		if d, err := decimal.NewFromString(a); ok1 && ok2 && err == nil {
			fn(pricing.Money{Amount: d, Currency: cur})
		}
		for _, e := range x {
			walkMoney(e, fn)
		}
	case []any:
		for _, e := range x {
			walkMoney(e, fn)
		}
	}
}

// xlsxText lists every cell as displayed; formula cells are recalculated.
func xlsxText(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col := range row {
				cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
				v, _ := f.GetCellValue(sheet, cell)
				if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
					// A formula's value is compared as a number: Excel may
					// round a half-cent tie the other way (see report.XLSX).
					raw, err := f.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatalf("%s!%s = %s: %v", sheet, cell, fm, err)
					}
					d, err := decimal.NewFromString(raw)
					if err != nil {
						t.Fatalf("%s!%s = %s: %q is not a number", sheet, cell, fm, raw)
					}
					v = pricing.Money{Amount: d, Currency: "USD"}.Display()
				}
				sb.WriteString(v + "\n")
			}
		}
	}
	return sb.String()
}

func TestAPIAndJSONExportAreTheSameDocument(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	api := c.do("GET", "/api/v1/assessments/"+id, "")
	export := c.do("GET", "/assessments/"+id+"/report.json", "")
	if api.Code != 200 || export.Code != 200 {
		t.Fatalf("got %d and %d, want 200", api.Code, export.Code)
	}
	if !bytes.Equal(api.Body.Bytes(), export.Body.Bytes()) {
		t.Errorf("the API document and report.json differ:\n%s\n---\n%s", api.Body.String()[:400], export.Body.String()[:400])
	}
	var doc map[string]json.RawMessage
	json.Unmarshal(api.Body.Bytes(), &doc)
	for _, k := range []string{"schema_version", "id", "url", "created_at", "organization", "rules_version", "workloads",
		"summary", "assumptions", "catalogs", "sources"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("the document lacks %q", k)
		}
	}
	if !strings.Contains(string(doc["catalogs"]), `"source": "fixture aws price list"`) {
		t.Errorf("catalogs: got %s, want the imported versions", doc["catalogs"])
	}
}

func TestReportOfAnotherSessionIsNotFound(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	owner := &client{tb: t, h: s.Handler()}
	id := createFixture(t, owner)
	other := &client{tb: t, h: s.Handler()}
	for _, ext := range []string{"pdf", "html", "json"} {
		if rec := other.do("GET", "/assessments/"+id+"/report."+ext, ""); rec.Code != 404 {
			t.Errorf("report.%s from another session: got %d, want 404", ext, rec.Code)
		}
	}
	if rec := owner.do("GET", "/assessments/"+id+"/report.docx", ""); rec.Code != 404 {
		t.Errorf("report.docx: got %d, want 404", rec.Code)
	}
}

var shareLink = regexp.MustCompile(`/shared/([a-z2-7]+)`)

func TestShareLinks(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	owner := &client{tb: t, h: s.Handler()}
	id := createFixture(t, owner)
	other := &client{tb: t, h: s.Handler()}
	other.do("GET", "/", "")

	if rec := other.do("POST", "/assessments/"+id+"/shares", ""); rec.Code != 404 {
		t.Errorf("another session creating a link: got %d, want 404", rec.Code)
	}
	rec := owner.do("POST", "/assessments/"+id+"/shares", "")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/assessments/"+id+"#share" {
		t.Fatalf("create: got %d to %q, want 303 back to the result", rec.Code, rec.Header().Get("Location"))
	}
	box, err := s.ShareBoxView(context.Background(), mustAssessment(t, db, id))
	if err != nil || len(box.Links) != 1 {
		t.Fatalf("got %d links (%v), want 1", len(box.Links), err)
	}
	token := box.Links[0].Token
	if len(token) < 26 { // 26 base32 characters carry 130 bits
		t.Errorf("token %q is too short to be unguessable", token)
	}

	stranger := &client{tb: t, h: s.Handler()}
	view := stranger.do("GET", "/shared/"+token, "")
	body := view.Body.String()
	if view.Code != 200 || !strings.Contains(body, reporttest.OrgName) {
		t.Fatalf("shared view: got %d", view.Code)
	}
	for _, edit := range []string{"/workloads/new", "/whatif", `data-testid="whatif"`, "/shares"} {
		if strings.Contains(body, edit) {
			t.Errorf("shared view links to %q; want it read-only", edit)
		}
	}
	if !strings.Contains(body, "/shared/"+token+"/report.pdf") {
		t.Error("shared view lacks its report downloads")
	}
	for _, ext := range []string{"pdf", "csv", "json", "md", "html", "xlsx"} {
		if rec := stranger.do("GET", "/shared/"+token+"/report."+ext, ""); rec.Code != 200 {
			t.Errorf("shared report.%s: got %d, want 200", ext, rec.Code)
		}
	}

	if rec := other.do("POST", "/assessments/"+id+"/shares/"+token+"/revoke", ""); rec.Code != 404 {
		t.Errorf("another session revoking: got %d, want 404", rec.Code)
	}
	if rec := stranger.do("GET", "/shared/"+token, ""); rec.Code != 200 {
		t.Errorf("after a refused revoke: got %d, want 200", rec.Code)
	}
	if rec := owner.do("POST", "/assessments/"+id+"/shares/"+token+"/revoke", ""); rec.Code != http.StatusSeeOther {
		t.Fatalf("revoke: got %d, want 303", rec.Code)
	}
	for _, p := range []string{"/shared/" + token, "/shared/" + token + "/report.pdf"} {
		rec := stranger.do("GET", p, "")
		if rec.Code != http.StatusGone || !strings.Contains(rec.Body.String(), "revoked") {
			t.Errorf("%s after revoking: got %d, want 410 with the revoked page", p, rec.Code)
		}
	}
	if rec := owner.do("POST", "/assessments/"+id+"/shares/"+token+"/revoke", ""); rec.Code != 404 {
		t.Errorf("revoking twice: got %d, want 404", rec.Code)
	}
	if rec := stranger.do("GET", "/shared/nosuchtoken", ""); rec.Code != 404 {
		t.Errorf("unknown token: got %d, want 404", rec.Code)
	}
	if box, _ := s.ShareBoxView(context.Background(), mustAssessment(t, db, id)); len(box.Links) != 0 {
		t.Errorf("got %d active links after revoking, want 0", len(box.Links))
	}
}

func mustAssessment(tb testing.TB, db *sqlite.DB, id string) advisor.Assessment {
	tb.Helper()
	a, err := db.Assessment(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func TestContentDisposition(t *testing.T) {
	date := reporttest.Created
	tests := []struct{ name, org, want string }{
		{"ascii", "Acme Corp.", `attachment; filename="acme-corp-2026-11-23.pdf"`},
		{"korean", "한빛", `attachment; filename="assessment-2026-11-23.pdf"; filename*=UTF-8''%ED%95%9C%EB%B9%9B-2026-11-23.pdf`},
		{"quotes and slashes", `"a/b\c"`, `attachment; filename="a-b-c-2026-11-23.pdf"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := contentDisposition("attachment", tc.org, date, "pdf"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
