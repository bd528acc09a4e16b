package inventory

import (
	"archive/zip"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func assertProblems(tb testing.TB, got, want []Problem) {
	tb.Helper()
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
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
