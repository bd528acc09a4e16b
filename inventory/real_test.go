package inventory

import (
	sharedsamples "cloudadvisor/internal/samples"
	"os"
	"path/filepath"
	"testing"
)

const samples = "../../shared/pricing-samples/inventory"

// openSample opens a shared sample, skipping the test when the folder is absent.
func openSample(tb testing.TB, name string) *os.File {
	tb.Helper()
	f, err := os.Open(filepath.Join(samples, name))
	if os.IsNotExist(err) {
		sharedsamples.Missing(tb, "shared samples absent: "+err.Error())
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func parseFile(tb testing.TB, f *os.File, opts Options) Result {
	tb.Helper()
	st, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	res, err := Parse(f, st.Size(), st.Name(), opts)
	if err != nil {
		tb.Fatalf("Parse(%s): %v", st.Name(), err)
	}
	return res
}

func TestRealRVToolsExample1(t *testing.T) {
	res := parseFile(t, openSample(t, "rvtools-example1-kubev2v.xlsx"), Options{})
	if res.Format != FormatRVTools {
		t.Errorf("format: got %s, want %s", res.Format, FormatRVTools)
	}
	if got, want := res.Stats, (Stats{Read: 9, Imported: 8, Skipped: 1}); got != want {
		t.Errorf("stats: got %+v, want %+v", got, want)
	}
	vm1 := res.Rows[0]
	if *vm1.Input.Name != "vm-1" || *vm1.Input.VCPU != 1 || *vm1.Input.MemoryGiB != 2224.0/1024 ||
		vm1.Key != "500b85c1-ef0d-37fb-6897-61c47157f858" || *vm1.Input.OS != "linux" || vm1.Line != 2 {
		t.Errorf("vm-1: got %+v", vm1)
	}
	if got, want := *vm1.Input.StorageGB, 111; got != want { // 105742 MiB = 110.88 GB
		t.Errorf("vm-1 storage_gb: got %d, want %d", got, want)
	}
	if *vm1.Input.InUse || !hasFlag(vm1, "powered_off") {
		t.Errorf("vm-1 is powered off: got in_use %v flags %v", *vm1.Input.InUse, vm1.Flags)
	}
	cpus, on := 0, 0
	for _, r := range res.Rows {
		cpus += *r.Input.VCPU
		if !hasFlag(r, "powered_off") {
			on++
		}
	}
	if cpus != 51 {
		t.Errorf("sum CPUs: got %d, want 51", cpus)
	}
	if on != 2 { // 3 poweredOn, one of which is vm-9
		t.Errorf("powered on imported: got %d, want 2", on)
	}
	want := []Problem{
		{Line: 10, Column: "CPUs", Code: "required", Reason: "empty: a number is required"},
		{Line: 10, Column: "Memory", Code: "required", Reason: "empty: a number is required"},
	}
	assertProblems(t, res.Problems, want)
}

func TestRealRVToolsSizingWorkshop(t *testing.T) {
	res := parseFile(t, openSample(t, "rvtools-sizingworkshop-mjvincent.xlsx"), Options{})
	if got, want := res.Stats, (Stats{Read: 805, Imported: 805}); got != want {
		t.Errorf("stats: got %+v, want %+v", got, want)
	}
	assertProblems(t, res.Problems, nil)
	cpus, on, tmpl := 0, 0, 0
	for _, r := range res.Rows {
		cpus += *r.Input.VCPU
		if !hasFlag(r, "powered_off") {
			on++
		}
		if hasFlag(r, "template") {
			tmpl++
			if *r.Input.InUse {
				t.Errorf("template %s: in_use true", r.Key)
			}
		}
	}
	if cpus != 2741 || on != 763 || tmpl != 10 {
		t.Errorf("got CPUs %d, poweredOn %d, templates %d; want 2741, 763, 10", cpus, on, tmpl)
	}
	first := res.Rows[0]
	if *first.Input.Name != "wadfs1" || *first.Input.VCPU != 1 || *first.Input.MemoryGiB != 4 || *first.Input.OS != "windows" || first.Key != "wadfs1" {
		t.Errorf("first VM: got %+v", first)
	}
	if first.Group != "Datacenter1/Cluster1" {
		t.Errorf("group: got %q", first.Group)
	}
}

func hasFlag(r Row, f string) bool {
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}
