// Package browsertest starts Debian's Chromium headless for browser tests,
// collects console errors, and saves screenshots for people to look at.
package browsertest

import (
	"cloudadvisor/internal/samples"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium tab.
type Browser struct {
	Ctx      context.Context
	mu       sync.Mutex
	problems []string
	expected []string
}

// Expect lets console errors containing text pass: a test that submits a
// bad form on purpose expects the browser to log the 422.
func (b *Browser) Expect(text string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.expected = append(b.expected, text)
}

// chromium finds the browser binary, or "" when there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts Chromium with background networking off (the machine's network
// is closed) and a fresh profile. It skips the test, saying why, only where no
// Chromium is installed; CI installs it. The tab closes when the test ends.
func New(tb testing.TB) *Browser {
	tb.Helper()
	path := chromium()
	if path == "" {
		samples.Missing(tb, "browser test: no Chromium found (install Debian's chromium package; CI does)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()), chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	tb.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("start Chromium: %v", err)
	}
	b := &Browser{Ctx: ctx}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.mu.Lock()
				b.problems = append(b.problems, string(m.Type)+": "+m.Text+" at "+m.URL)
				b.mu.Unlock()
			}
		}
	}()
	tb.Cleanup(func() { b.CheckConsole(tb) })
	return b
}

// CheckConsole fails the test for every console error or exception so far.
func (b *Browser) CheckConsole(tb testing.TB) {
	tb.Helper()
	time.Sleep(100 * time.Millisecond) // let the last events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		if !slices.ContainsFunc(b.expected, func(e string) bool { return strings.Contains(p, e) }) {
			tb.Errorf("browser console: %s", p)
		}
	}
	b.problems = nil
}

// Screenshot saves a full-page PNG under $ARTIFACTS (default artifacts/ at the
// module root) for a person to look at, and returns its path.
func (b *Browser) Screenshot(tb testing.TB, name string) string {
	tb.Helper()
	png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	dir := os.Getenv("ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(moduleRoot(), "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_")+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	return dir
}
