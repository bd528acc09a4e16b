package inventory

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// summary is one line per row: line key name vcpu memory_gib storage_gb os
// in_use kind/engine cpu%/mem% group tags flags.
func summary(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		in := r.Input
		out[i] = fmt.Sprintf("%d %s %s vcpu=%s mem=%s disk=%s os=%s in_use=%s kind=%s/%s util=%s/%s group=%s tags=%v flags=%v",
			r.Line, r.Key, deref(in.Name), deref(in.VCPU), deref(in.MemoryGiB), deref(in.StorageGB), deref(in.OS),
			deref(in.InUse), deref(in.Kind), deref(in.DatabaseEngine), deref(in.AvgCPUUtilizationPct),
			deref(in.AvgMemoryUtilizationPct), r.Group, r.Tags, r.Flags)
	}
	return out
}

func deref[T any](p *T) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

func parseBytes(tb testing.TB, b []byte, name string) (Result, error) {
	tb.Helper()
	return Parse(bytes.NewReader(b), int64(len(b)), name, Options{})
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// gmcZip zips the Google Migration Center fixtures under a folder.
func gmcZip(tb testing.TB, names ...string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create("export/" + n)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(readTestdata(tb, "gmc/"+n))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseFormats(t *testing.T) {
	dup := func(line int, col, val string, first int) Problem {
		return Problem{Line: line, Column: col, Value: val, Code: "duplicate", Reason: fmt.Sprintf("duplicate of line %d: %s appears twice", first, val)}
	}
	const pctReason = "utilisation must be between 0 and 100 %"
	tests := []struct {
		name     string
		file     string
		data     []byte
		format   Format
		stats    Stats
		rows     []string
		problems []Problem
	}{
		{
			name: "rvtools csv", file: "rvtools_vinfo.csv", format: FormatRVTools, stats: Stats{Read: 9, Imported: 4, Skipped: 5},
			rows: []string{
				"2 web01 web01 vcpu=2 mem=4 disk=91 os=linux in_use=true kind=-/- util=-/- group=DC1/C1 tags=[datacenter:DC1 cluster:C1] flags=[]",
				"3 sqlprd01 sqlprd01 vcpu=8 mem=32 disk=537 os=windows in_use=true kind=database/sqlserver util=-/- group=DC1/C1 tags=[datacenter:DC1 cluster:C1] flags=[kind_inferred]",
				"5 tmpl-w2019 tmpl-w2019 vcpu=2 mem=4 disk=43 os=windows in_use=false kind=-/- util=-/- group=DC1/C1 tags=[datacenter:DC1 cluster:C1] flags=[powered_off template]",
				"6 old01 old01 vcpu=1 mem=2 disk=22 os=linux in_use=false kind=-/- util=-/- group=DC1/C1 tags=[datacenter:DC1 cluster:C1] flags=[powered_off]",
			},
			problems: []Problem{
				{Line: 7, Column: "CPUs", Value: "two", Code: "number", Reason: "not a number"},
				{Line: 8, Column: "CPUs", Value: "-1", Code: "range", Reason: "vcpu -1 is out of range: must be between 1 and 896"},
				{Line: 9, Column: "Memory", Value: "256", Code: "range", Reason: "memory_gib 0.25 is out of range: must be between 0.5 and 32768"},
				{Line: 10, Column: "CPUs", Value: "1000", Code: "range", Reason: "vcpu 1000 is out of range: must be between 1 and 896"},
				dup(11, "VM", "web01", 2),
			},
		},
		{
			name: "azure migrate variant a", file: "azure_a.csv", format: FormatAzureMigrate, stats: Stats{Read: 6, Imported: 2, Skipped: 4},
			rows: []string{
				"2 app01 app01 vcpu=4 mem=8 disk=151 os=windows in_use=- kind=-/- util=35/60 group= tags=[] flags=[]",
				"3 mail01 mail01 vcpu=3 mem=4 disk=64 os=linux in_use=- kind=email_collaboration/- util=3/4 group= tags=[] flags=[kind_inferred]",
			},
			problems: []Problem{
				{Line: 4, Column: "*Server Name", Code: "required", Reason: "empty: a name is required"},
				{Line: 5, Column: "*Cores", Value: "abc", Code: "number", Reason: "not a number"},
				{Line: 6, Column: "CPU utilization percentage", Value: "150", Code: "range", Reason: pctReason},
				dup(7, "*Server Name", "app01", 2),
			},
		},
		{
			name: "azure migrate variant b, semicolons, BOM, decimal comma", file: "azure_b.csv", format: FormatAzureMigrate, stats: Stats{Read: 1, Imported: 1},
			rows: []string{"2 files01 files01 vcpu=2 mem=16 disk=300 os=linux in_use=- kind=-/- util=12.5/40 group= tags=[] flags=[]"},
		},
		{
			name: "aws migration hub", file: "aws_hub.csv", format: FormatAWSMigrationHub, stats: Stats{Read: 4, Imported: 3, Skipped: 1},
			rows: []string{
				"2 srv-001 billing-app-1 vcpu=4 mem=16 disk=- os=windows in_use=- kind=-/- util=22.5/- group=Billing tags=[env:prod owner:finance] flags=[]",
				"3 srv-002 pgmain-vm vcpu=8 mem=64 disk=- os=linux in_use=- kind=-/- util=-/- group= tags=[] flags=[]",
				"4 10.2.0.3 10.2.0.3 vcpu=- mem=- disk=- os=linux in_use=- kind=-/- util=-/- group= tags=[] flags=[]",
			},
			problems: []Problem{{Line: 5, Column: "CPU.UsagePct.Avg", Value: "101", Code: "range", Reason: pctReason}},
		},
		{
			name: "aws migration evaluator", file: "aws_evaluator.csv", format: FormatAWSMigrationEvaluator, stats: Stats{Read: 3, Imported: 2, Skipped: 1},
			rows: []string{
				"2 ERP-APP-01 ERP-APP-01 vcpu=8 mem=32 disk=500 os=windows in_use=- kind=-/- util=-/- group=ERP tags=[environment:Production] flags=[]",
				"3 ERP-DB-01 ERP-DB-01 vcpu=16 mem=128 disk=2000 os=windows in_use=- kind=database/sqlserver util=-/- group=ERP tags=[environment:Production] flags=[kind_inferred]",
			},
			problems: []Problem{{Line: 4, Column: "CPU Cores", Value: "0", Code: "range", Reason: "vcpu 0 is out of range: must be between 1 and 896"}},
		},
		{
			name: "own csv", file: "own.csv", format: FormatCloudAdvisor, stats: Stats{Read: 8, Imported: 3, Skipped: 5},
			rows: []string{
				"2 Portal Portal vcpu=4 mem=16 disk=200 os=linux in_use=true kind=web_app/- util=-/- group=Sales tags=[prod web] flags=[]",
				"3 Orders DB Orders DB vcpu=8 mem=64 disk=1000 os=linux in_use=true kind=database/postgresql util=-/- group=Sales tags=[] flags=[]",
				"9 Minimal Minimal vcpu=- mem=- disk=- os=- in_use=- kind=-/- util=-/- group= tags=[] flags=[]",
			},
			problems: []Problem{
				{Line: 4, Column: "kind", Value: "mainframe", Code: "one_of", Reason: "kind must be one of: " + strings.Join([]string{"web_app", "api", "database", "batch", "email_collaboration", "crm", "erp", "file_sharing", "monitoring", "analytics", "dev_tools", "static_site", "gpu_compute", "data_warehouse", "other"}, ", ")},
				{Line: 5, Column: "in_use", Value: "maybe", Code: "boolean", Reason: "not true or false"},
				{Line: 6, Column: "instances", Value: "1.5", Code: "integer", Reason: "not a whole number"},
				{Line: 7, Column: "current_monthly_cost", Value: "12 euros", Code: "decimal", Reason: "not an amount"},
				dup(8, "name", "Portal", 2),
				{Line: 1, Column: "notes", Code: "unknown_column", Reason: "unknown column, ignored; the columns are: " + strings.Join(ownColumns, ", ")},
			},
		},
		{
			name: "google vmInfo.csv alone", file: "gmc/vmInfo.csv", format: FormatGoogleMigrationCenter, stats: Stats{Read: 3, Imported: 2, Skipped: 1},
			rows: []string{
				"2 m-1 web-1 vcpu=2 mem=8 disk=108 os=linux in_use=true kind=-/- util=-/- group= tags=[] flags=[]",
				"3 m-2 mysql-1 vcpu=4 mem=16 disk=- os=linux in_use=false kind=database/mysql util=-/- group= tags=[] flags=[powered_off kind_inferred]",
			},
			problems: []Problem{{Line: 4, Column: "MemoryGiB", Value: "0.25", Code: "range", Reason: "memory_gib 0.25 is out of range: must be between 0.5 and 32768"}},
		},
		{
			name: "google zip with perf, disk and tags", file: "gmc.zip", data: gmcZip(t, "vmInfo.csv", "perfInfo.csv", "diskInfo.csv", "tagInfo.csv"),
			format: FormatGoogleMigrationCenter, stats: Stats{Read: 3, Imported: 2, Skipped: 1},
			rows: []string{
				"2 m-1 web-1 vcpu=2 mem=8 disk=108 os=linux in_use=true kind=-/- util=15/60 group=Shop tags=[env=prod application=Shop] flags=[]",
				"3 m-2 mysql-1 vcpu=4 mem=16 disk=207 os=linux in_use=false kind=database/mysql util=2/3 group= tags=[] flags=[powered_off kind_inferred]",
			},
			problems: []Problem{
				{Line: 4, Column: "MemoryGiB", Value: "0.25", Code: "range", Reason: "memory_gib 0.25 is out of range: must be between 0.5 and 32768"},
				{Line: 4, Column: "perfInfo.csv: CpuUtilizationPercentage", Value: "x", Code: "number", Reason: "not a number"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if data == nil {
				data = readTestdata(t, tt.file)
			}
			res, err := parseBytes(t, data, tt.file)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if res.Format != tt.format {
				t.Errorf("format: got %s, want %s", res.Format, tt.format)
			}
			if res.Stats != tt.stats {
				t.Errorf("stats: got %+v, want %+v", res.Stats, tt.stats)
			}
			if diff := cmp.Diff(tt.rows, summary(res.Rows)); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			assertProblems(t, res.Problems, tt.problems)
			for _, r := range res.Rows {
				if _, err := r.Input.Resolve(); err != nil {
					t.Errorf("row %d does not resolve: %v", r.Line, err)
				}
			}
		})
	}
}
