package inventory

import (
	"bytes"
	sharedsamples "cloudadvisor/internal/samples"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cloudadvisor/inventory/internal/gen"
)

func TestVendorTemplates(t *testing.T) {
	dir := filepath.Join(samples, "templates")
	tests := []struct {
		file   string
		format Format
	}{
		{"aws-migration-evaluator-template-columns.csv", FormatAWSMigrationEvaluator},
		{"aws-migration-hub-import-fields.csv", FormatAWSMigrationHub},
		{"azure-migrate-import-headers-variant-a.csv", FormatAzureMigrate},
		{"azure-migrate-import-headers-variant-b.csv", FormatAzureMigrate},
		{"google-migration-center-vmInfo-headers.csv", FormatGoogleMigrationCenter},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tt.file))
			if os.IsNotExist(err) {
				sharedsamples.Missing(t, "shared samples absent: "+err.Error())
			}
			if err != nil {
				t.Fatal(err)
			}
			if f, err := Detect(tt.file, b); f != tt.format || err != nil {
				t.Errorf("Detect: got %s, %v; want %s", f, err, tt.format)
			}
			res, err := parseBytes(t, b, tt.file)
			if err != nil || res.Format != tt.format || len(res.Rows) != 0 || len(res.Problems) != 0 {
				t.Errorf("Parse: got %s %d rows %v, %v; want %s and 0 rows", res.Format, len(res.Rows), res.Problems, err, tt.format)
			}
		})
	}
	// The auxiliary Google files alone are refused with a hint.
	for _, f := range []string{"google-migration-center-perfInfo-headers.csv", "google-migration-center-diskInfo-headers.csv", "google-migration-center-tagInfo-headers.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			sharedsamples.Missing(t, "shared samples absent: "+err.Error())
		}
		if _, err := parseBytes(t, b, f); !errors.Is(err, ErrNotInventory) || !strings.Contains(err.Error(), "vmInfo.csv") {
			t.Errorf("%s: got %v, want ErrNotInventory naming vmInfo.csv", f, err)
		}
	}
}

func TestNotInventory(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	tests := []struct {
		name string
		data []byte
	}{
		{"price.csv", readTestdata(t, "price.csv")},
		{"random.csv", readTestdata(t, "random.csv")},
		{"logo.png", png},
		{"empty.csv", nil},
		{"old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}},
		{"utf16.csv", []byte{0xFF, 0xFE, 'V', 0, 'M', 0}},
		{"gmc.zip", gmcZip(t, "perfInfo.csv")},
		{"book.xlsx", makeXLSX(t, map[string][][]any{"Prices": {{"sku", "price"}, {"a", 1}}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseBytes(t, tt.data, tt.name)
			if !errors.Is(err, ErrNotInventory) {
				t.Fatalf("got %v, want ErrNotInventory", err)
			}
			if !strings.Contains(err.Error(), "RVTools") || !strings.Contains(err.Error(), "Azure Migrate") {
				t.Errorf("message does not name the accepted formats: %v", err)
			}
			if _, err := Detect(tt.name, tt.data); tt.name != "gmc.zip" && tt.name != "book.xlsx" && !errors.Is(err, ErrNotInventory) {
				t.Errorf("Detect: got %v, want ErrNotInventory", err)
			}
		})
	}
}

// makeXLSX builds an .xlsx with the given sheets (first one first).
func makeXLSX(tb testing.TB, sheets map[string][][]any, order ...string) []byte {
	tb.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	if len(order) == 0 {
		for name := range sheets {
			order = append(order, name)
		}
	}
	for i, name := range order {
		if i == 0 {
			wb.SetSheetName("Sheet1", name)
		} else if _, err := wb.NewSheet(name); err != nil {
			tb.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := wb.SetSheetRow(name, cell, &row); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSX(t *testing.T) {
	rv := [][]any{
		{"VM", "Powerstate", "Template", "CPUs", "Memory", "Provisioned MiB", "OS according to the VMware Tools ", "VM UUID", "Folder"},
		{"app & co", "poweredOn", false, 2, 4096, 10240, "Microsoft Windows Server 2022", "uuid-1", "/DC/vm/Prod"},
		{"", "", "", "", "", "", "", "", ""},
		{"db-off", "poweredOff", false, 4, 8192, nil, "Ubuntu", "uuid-2", ""},
		{"nomem", "poweredOn", false, 4, nil, nil, "", "uuid-3", ""},
		{"tmpl", "poweredOff", true, 1, 1024, nil, "", "uuid-4", ""},
	}
	own := [][]any{{"CloudAdvisor inventory"}, {"name", "vcpu", "memory_gib"}, {"svc", 2, 4}}
	tests := []struct {
		name     string
		data     []byte
		opts     Options
		format   Format
		rows     []string
		problems []Problem
	}{
		{
			name:   "rvtools among other sheets",
			data:   makeXLSX(t, map[string][][]any{"vHost": {{"Host", "CPUs"}}, "vInfo": rv}, "vHost", "vInfo"),
			format: FormatRVTools,
			rows: []string{
				"2 uuid-1 app & co vcpu=2 mem=4 disk=11 os=windows in_use=true kind=-/- util=-/- group=/DC/vm/Prod tags=[] flags=[]",
				"4 uuid-2 db-off vcpu=4 mem=8 disk=- os=linux in_use=false kind=database/- util=-/- group= tags=[] flags=[powered_off kind_inferred]",
				"6 uuid-4 tmpl vcpu=1 mem=1 disk=- os=- in_use=false kind=-/- util=-/- group= tags=[] flags=[powered_off template]",
			},
			problems: []Problem{{Line: 5, Column: "Memory", Code: "required", Reason: "empty: a number is required"}},
		},
		{
			name:   "powered-off VMs kept in use",
			data:   makeXLSX(t, map[string][][]any{"vInfo": rv[:4]}),
			opts:   Options{PoweredOffInUse: true},
			format: FormatRVTools,
			rows: []string{
				"2 uuid-1 app & co vcpu=2 mem=4 disk=11 os=windows in_use=true kind=-/- util=-/- group=/DC/vm/Prod tags=[] flags=[]",
				"4 uuid-2 db-off vcpu=4 mem=8 disk=- os=linux in_use=true kind=database/- util=-/- group= tags=[] flags=[powered_off kind_inferred]",
			},
		},
		{
			name:   "own format in a workbook, under a title row",
			data:   makeXLSX(t, map[string][][]any{"Servers": own}),
			format: FormatCloudAdvisor,
			rows:   []string{"3 svc svc vcpu=2 mem=4 disk=- os=- in_use=- kind=-/- util=-/- group= tags=[] flags=[]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Parse(bytes.NewReader(tt.data), int64(len(tt.data)), "inventory.xlsx", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != tt.format {
				t.Errorf("format: got %s, want %s", res.Format, tt.format)
			}
			if diff := cmpDiff(tt.rows, summary(res.Rows)); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			assertProblems(t, res.Problems, tt.problems)
		})
	}
}

func TestLimits(t *testing.T) {
	own := readTestdata(t, "own.csv")
	big := bigRVTools(t, 100)
	tests := []struct {
		name string
		data []byte
		opts Options
		want error
		msg  string
	}{
		{"bytes", own, Options{MaxBytes: 100}, ErrTooLarge, "the limit is 0.0 MB"},
		{"csv rows", own, Options{MaxRows: 3}, ErrTooManyRows, "the limit is 3 rows"},
		{"xlsx rows", big, Options{MaxRows: 99}, ErrTooManyRows, "the limit is 99 rows"},
		{"xlsx inflated", big, Options{MaxBytes: int64(len(big))}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(bytes.NewReader(tt.data), int64(len(tt.data)), "f", tt.opts)
			if !errors.Is(err, tt.want) || (tt.want != nil && !strings.Contains(err.Error(), tt.msg)) {
				t.Errorf("got %v, want %v with %q", err, tt.want, tt.msg)
			}
		})
	}
	// A workbook inflating past MaxInflated, all parts together, is refused.
	rows := [][]any{{"VM", "CPUs", "Memory"}}
	for i := range 20 {
		rows = append(rows, []any{fmt.Sprint("vm", i), 1, 1024, strings.Repeat("x", 30_000+i)})
	}
	bomb := makeXLSX(t, map[string][][]any{"vInfo": rows})
	_, err := Parse(bytes.NewReader(bomb), int64(len(bomb)), "f.xlsx", Options{MaxInflated: 100_000})
	var le *LimitError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &le) || le.Limit != LimitInflated || le.Max != 100_000 {
		t.Errorf("zip bomb of %d bytes: got %v, want a LimitError inflated 100000", len(bomb), err)
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	b := Template()
	if !bytes.HasPrefix(b, utf8BOM) {
		t.Error("template lacks the UTF-8 BOM")
	}
	res, err := parseBytes(t, b, "template.csv")
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatCloudAdvisor || res.Stats != (Stats{Read: 2, Imported: 2}) || len(res.Problems) != 0 {
		t.Fatalf("got %s %+v %v", res.Format, res.Stats, res.Problems)
	}
	if r := res.Rows[0]; !slices.Equal(r.Assumptions, []string{"database_engine"}) || *r.Input.Kind != "web_app" || r.Group != "Sales" || !slices.Equal(r.Tags, []string{"prod", "customer"}) {
		t.Errorf("first example: got %+v", r)
	}
}

func TestAssumptions(t *testing.T) {
	res, err := parseBytes(t, readTestdata(t, "rvtools_vinfo.csv"), "vInfo.csv")
	if err != nil {
		t.Fatal(err)
	}
	got := res.Rows[0].Assumptions
	for _, f := range []string{"kind", "data_sensitivity", "customization", "users"} {
		if !slices.Contains(got, f) {
			t.Errorf("assumptions %v lack %s", got, f)
		}
	}
	for _, f := range []string{"vcpu", "memory_gib", "os", "in_use", "instances", "storage_gb"} {
		if slices.Contains(got, f) {
			t.Errorf("assumptions %v name %s, which the file gave", got, f)
		}
	}
}

func TestWriteProblemsCSV(t *testing.T) {
	var buf bytes.Buffer
	err := WriteProblemsCSV(&buf, ProblemsHeader{"행", "열", "값", "사유"}, []Problem{
		{Line: 3, Column: "CPUs", Value: "=HYPERLINK(\"x\")", Reason: "not a number", Key: "k"},
		{Line: 4, Column: "Memory", Value: "-1", Reason: "é out of range, \"quoted\""},
		{Line: 5, Column: "@col", Value: "+1", Reason: "ok"},
	}, func(p Problem) string {
		if p.Key == "k" {
			return "-숫자가 아님" // a translation starting like a formula is neutralized too
		}
		return p.Reason
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF행,열,값,사유\n" +
		"3,CPUs,\"'=HYPERLINK(\"\"x\"\")\",'-숫자가 아님\n" +
		"4,Memory,'-1,\"é out of range, \"\"quoted\"\"\"\n" +
		"5,'@col,'+1,ok\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestDetect(t *testing.T) {
	xlsx := makeXLSX(t, map[string][][]any{"vInfo": {{"VM"}}})
	tests := []struct {
		name string
		head []byte
		want Format
	}{
		{"x.xlsx", xlsx, FormatRVTools},
		{"no-extension", xlsx, FormatRVTools},
		{"gmc.zip", gmcZip(t, "vmInfo.csv"), FormatGoogleMigrationCenter},
		{"vInfo.csv", readTestdata(t, "rvtools_vinfo.csv"), FormatRVTools},
		{"sep.csv", []byte("sep=;\r\nname;vcpu;memory_gib\r\na;1;2\r\n"), FormatCloudAdvisor},
		{"own.csv", Template(), FormatCloudAdvisor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := Detect(tt.name, tt.head); got != tt.want || err != nil {
				t.Errorf("got %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestSepLineNumbers(t *testing.T) {
	res, err := parseBytes(t, []byte("sep=;\r\nname;vcpu\r\na;x\r\n"), "sep.csv")
	if err != nil {
		t.Fatal(err)
	}
	assertProblems(t, res.Problems, []Problem{{Line: 3, Column: "vcpu", Value: "x", Code: "number", Reason: "not a number"}})
}

func TestZipOfRVToolsCSV(t *testing.T) {
	var buf bytes.Buffer
	zw := newZip(&buf)
	zw.add(t, "RVTools_tabvInfo.csv", readTestdata(t, "rvtools_vinfo.csv"))
	zw.add(t, "RVTools_tabvHost.csv", []byte("Host,CPUs\nh1,2\n"))
	zw.close(t)
	res, err := parseBytes(t, buf.Bytes(), "rvtools.zip")
	if err != nil || res.Format != FormatRVTools || res.Stats.Imported != 4 {
		t.Errorf("got %s %+v, %v", res.Format, res.Stats, err)
	}
}

func TestGenBuiltInRows(t *testing.T) {
	var buf bytes.Buffer
	if err := gen.RVTools(&buf, gen.Header, gen.Rows, 40); err != nil {
		t.Fatal(err)
	}
	res, err := parseBytes(t, buf.Bytes(), "gen.xlsx")
	if err != nil || res.Stats != (Stats{Read: 40, Imported: 40}) {
		t.Fatalf("got %+v %v, %v", res.Stats, res.Problems, err)
	}
}
