// Package samples finds the real provider files in ../shared/pricing-samples
// for tests. Locally a missing folder skips the test with a message; in CI
// (CI=true) it fails the test, so a run without the samples cannot pass.
package samples

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is the samples folder, found from this source file so that every
// package's tests agree whatever their working directory.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	// internal/samples/samples.go → module root → ../shared/pricing-samples
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "pricing-samples")
}

// InCI reports whether the tests run in CI, where nothing may be skipped for
// want of the shared samples or of Chromium.
func InCI() bool {
	v := os.Getenv("CI")
	return v == "true" || v == "1"
}

// Path returns the path of rel under Dir. When it does not exist the test is
// skipped locally, or fails in CI.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(), rel)
	if _, err := os.Stat(p); err != nil {
		Missing(tb, "shared sample "+rel+" absent: "+err.Error())
	}
	return p
}

// Missing skips the test with why, or fails it in CI. Use it for anything a
// test needs that CI always provides.
func Missing(tb testing.TB, why string) {
	tb.Helper()
	if InCI() {
		tb.Fatalf("%s (CI=true: this must not be skipped)", why)
	}
	tb.Skipf("%s; locally this skips. After adding it, run go test -count=1 ./... so cached skips are not replayed", why)
}
