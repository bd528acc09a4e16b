package inventory

import (
	"archive/zip"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// assertProblems compares problems as the importer words them in English;
// every problem must also carry a message code for other languages, whose
// presence in the catalog TestProblemKeysInCatalog checks.
func assertProblems(tb testing.TB, got, want []Problem) {
	tb.Helper()
	plain := make([]Problem, len(got))
	for i, p := range got {
		if p.Key == "" && p.Code != "invalid" {
			tb.Errorf("problem %+v has no message code", p)
		}
		p.Key, p.Args = "", nil
		plain[i] = p
	}
	if diff := cmp.Diff(want, plain, cmpopts.EquateEmpty()); diff != "" {
		tb.Errorf("problems (-want +got):\n%s", diff)
	}
}

func cmpDiff(want, got []string) string { return cmp.Diff(want, got, cmpopts.EquateEmpty()) }

type zipBuilder struct{ w *zip.Writer }

func newZip(w io.Writer) zipBuilder { return zipBuilder{zip.NewWriter(w)} }

func (z zipBuilder) add(tb testing.TB, name string, data []byte) {
	tb.Helper()
	f, err := z.w.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		tb.Fatal(err)
	}
}

func (z zipBuilder) close(tb testing.TB) {
	tb.Helper()
	if err := z.w.Close(); err != nil {
		tb.Fatal(err)
	}
}
