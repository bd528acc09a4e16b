package inventory

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"cloudadvisor/inventory/internal/gen"
)

var writeCorpus = flag.Bool("write-corpus", false, "write the generated seed corpus under testdata/fuzz")

// checkResult asserts what must hold of any parse, whatever the input.
func checkResult(tb testing.TB, res Result, err error) {
	tb.Helper()
	if err != nil {
		for _, e := range []error{ErrNotInventory, ErrTooLarge, ErrTooManyRows, ErrUnreadable} {
			if errors.Is(err, e) {
				return
			}
		}
		tb.Fatalf("unexpected error kind: %v", err)
	}
	if s := res.Stats; s.Read != s.Imported+s.Skipped || s.Imported != len(res.Rows) {
		tb.Fatalf("inconsistent stats %+v with %d rows", s, len(res.Rows))
	}
	keys := map[string]bool{}
	for _, r := range res.Rows {
		if r.Line <= 0 || r.Key == "" || keys[r.Key] {
			tb.Fatalf("bad row line %d key %q (seen %v)", r.Line, r.Key, keys[r.Key])
		}
		keys[r.Key] = true
		if _, err := r.Input.Resolve(); err != nil {
			tb.Fatalf("row %d does not resolve: %v", r.Line, err)
		}
	}
	for _, p := range res.Problems {
		if p.Line <= 0 || p.Reason == "" {
			tb.Fatalf("bad problem %+v", p)
		}
	}
	if err := WriteProblemsCSV(&bytes.Buffer{}, ProblemsHeader{}, res.Problems, nil); err != nil {
		tb.Fatal(err)
	}
}

func csvSeeds(tb testing.TB) [][]byte {
	seeds := [][]byte{Template(), []byte("sep=;\nname;vcpu\na;1,5\n"), []byte("VM,CPUs,Memory\n\"a\nb\",1,\"2,048\"\n")}
	for _, f := range []string{"rvtools_vinfo.csv", "azure_a.csv", "azure_b.csv", "aws_hub.csv", "aws_evaluator.csv", "own.csv", "gmc/vmInfo.csv", "price.csv"} {
		seeds = append(seeds, readTestdata(tb, f))
	}
	return seeds
}

func FuzzParseCSV(f *testing.F) {
	for _, s := range csvSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse(bytes.NewReader(data), int64(len(data)), "inventory.csv", Options{MaxRows: 1000})
		checkResult(t, res, err)
	})
}

func FuzzOwnCSV(f *testing.F) {
	f.Add([]byte("a,web_app,true,1,2,4,50,10,5,5,linux,,1,1,true,low,false,internal,normal,stable,12,false,false,low,10.5,x;y,g\n"))
	f.Add([]byte("b,,,,,,,,,,,,,,,,,,,,,,,,\n\"c\",database,1,1,1,0.5,0,0,0,0,windows,sqlserver,0,0,no,none,yes,regulated,urgent,fast,1,y,n,high,0,,\n"))
	header := []byte(string(Template()[:bytes.IndexByte(Template(), '\n')+1]))
	f.Fuzz(func(t *testing.T, body []byte) {
		data := append(append([]byte(nil), header...), body...)
		res, err := Parse(bytes.NewReader(data), int64(len(data)), "own.csv", Options{MaxRows: 1000})
		checkResult(t, res, err)
		if err == nil && res.Format != FormatCloudAdvisor {
			t.Fatalf("format: got %s", res.Format)
		}
	})
}

func FuzzDetect(f *testing.F) {
	for _, s := range csvSeeds(f) {
		f.Add("f.csv", s)
	}
	f.Add("x.xlsx", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"))
	f.Add("x.zip", []byte("PK\x03\x04"))
	f.Add("", []byte{0xEF, 0xBB, 0xBF, 's', 'e', 'p', '=', ';'})
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		got, err := Detect(name, head)
		if (err == nil) == (got == "") {
			t.Fatalf("Detect: got %q, %v", got, err)
		}
		if err != nil && !errors.Is(err, ErrNotInventory) {
			t.Fatalf("unexpected error kind: %v", err)
		}
	})
}

// smallXLSX is a generated RVTools workbook of a few rows.
func smallXLSX(tb testing.TB) []byte {
	var buf bytes.Buffer
	if err := gen.RVTools(&buf, gen.Header, gen.Rows, 5); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzParseXLSX(f *testing.F) {
	f.Add(smallXLSX(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse(bytes.NewReader(data), int64(len(data)), "inventory.xlsx", Options{MaxRows: 1000, MaxBytes: 1 << 20})
		checkResult(t, res, err)
	})
}

// FuzzSheetXML fuzzes the worksheet and shared strings inside a valid
// package, which byte-level mutations of a zip rarely reach.
func FuzzSheetXML(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>CPUs</t></is></c><c t="str"><v>Memory</v></c></row>`+
		`<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>2</v></c><c r="C3"><v>4096</v></c></row><row r="4"/></sheetData></worksheet>`),
		[]byte(`<sst><si><t>VM</t></si><si><r><t>web</t></r><r><t xml:space="preserve">&amp;01</t></r><rPh><t>x</t></rPh></si></sst>`))
	f.Add([]byte(`<x:worksheet xmlns:x="s"><!-- c --><x:sheetData><x:row><x:c t="b"><x:v>1</x:v></x:c><x:c><x:v><![CDATA[a<b]]></x:v></x:c></x:row></x:sheetData></x:worksheet>`), []byte(`<sst/>`))
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		data := xlsxParts(t, sheet, sst)
		res, err := Parse(bytes.NewReader(data), int64(len(data)), "inventory.xlsx", Options{MaxRows: 1000, MaxBytes: 1 << 20})
		checkResult(t, res, err)
	})
}

// xlsxParts packs a worksheet and shared strings into a minimal workbook.
func xlsxParts(tb testing.TB, sheet, sst []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(`<Types/>`)},
		{"xl/workbook.xml", []byte(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", []byte(`<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`)},
		{"xl/worksheets/sheet1.xml", sheet},
		{"xl/sharedStrings.xml", sst},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(p.data)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzParseZip(f *testing.F) {
	f.Add(gmcZip(f, "vmInfo.csv", "perfInfo.csv", "diskInfo.csv", "tagInfo.csv"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Parse(bytes.NewReader(data), int64(len(data)), "gmc.zip", Options{MaxRows: 1000, MaxBytes: 1 << 20})
		checkResult(t, res, err)
	})
}

// FuzzZipEntries fuzzes Google Migration Center CSVs inside a valid zip.
func FuzzZipEntries(f *testing.F) {
	f.Add(readTestdata(f, "gmc/vmInfo.csv"), readTestdata(f, "gmc/perfInfo.csv"), readTestdata(f, "gmc/tagInfo.csv"))
	f.Fuzz(func(t *testing.T, vm, perf, tags []byte) {
		var buf bytes.Buffer
		zw := newZip(&buf)
		zw.add(t, "vmInfo.csv", vm)
		zw.add(t, "perfInfo.csv", perf)
		zw.add(t, "tagInfo.csv", tags)
		zw.add(t, "diskInfo.csv", []byte("MachineId,SizeInGib\nm-1,10\n"))
		zw.close(t)
		res, err := Parse(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "gmc.zip", Options{MaxRows: 1000})
		checkResult(t, res, err)
	})
}

// TestWriteSeedCorpus writes the generated seeds (workbooks, zips) as
// corpus files, with -write-corpus.
func TestWriteSeedCorpus(t *testing.T) {
	if !*writeCorpus {
		t.Skip("run with -write-corpus to regenerate testdata/fuzz seeds")
	}
	write := func(fuzz, name string, args ...[]byte) {
		dir := filepath.Join("testdata", "fuzz", fuzz)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.WriteString("go test fuzz v1\n")
		for _, a := range args {
			fmt.Fprintf(&b, "[]byte(%s)\n", strconv.Quote(string(a)))
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("FuzzParseXLSX", "seed-generated-rvtools", smallXLSX(t))
	write("FuzzParseXLSX", "seed-own-workbook", makeXLSX(t, map[string][][]any{"S": {{"name", "vcpu"}, {"a", 2}}}))
	write("FuzzParseZip", "seed-gmc", gmcZip(t, "vmInfo.csv", "perfInfo.csv", "diskInfo.csv", "tagInfo.csv"))
	for i, s := range csvSeeds(t) {
		write("FuzzParseCSV", fmt.Sprintf("seed-%02d", i), s)
	}
	write("FuzzOwnCSV", "seed-own", readTestdata(t, "own.csv")[bytes.IndexByte(readTestdata(t, "own.csv"), '\n')+1:])
}
