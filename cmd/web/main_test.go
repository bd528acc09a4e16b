package main

import (
	"bufio"
	"context"
	"io"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"cloudadvisor/internal/webtest"
)

// app is a running instance of run() on a free port with a temp database,
// and a browser session against it.
type app struct {
	*webtest.Client
	done   chan error
	cancel context.CancelFunc
}

// startApp runs the whole program as main does, on :0 with a temp database,
// and waits for it to listen.
func startApp(tb testing.TB) *app {
	tb.Helper()
	return startAppEnv(tb, nil)
}

// startAppEnv is startApp with extra environment variables.
func startAppEnv(tb testing.TB, extra map[string]string) *app {
	tb.Helper()
	return startApps(tb, 1, extra)[0]
}

// startApps starts n instances at once on one environment (so on one
// database) and waits for each to listen.
func startApps(tb testing.TB, n int, extra map[string]string) []*app {
	tb.Helper()
	env := map[string]string{"ADVISOR_DB": filepath.Join(tb.TempDir(), "advisor.db")}
	for k, v := range extra {
		env[k] = v
	}
	apps := make([]*app, n)
	urls := make([]chan string, n)
	for i := range apps {
		apps[i], urls[i] = launchApp(tb, env)
	}
	for i, a := range apps {
		select {
		case url := <-urls[i]:
			a.Client = webtest.NewClient(url)
		case err := <-a.done:
			a.done <- err // for the cleanup
			tb.Fatalf("run exited before listening: %v", err)
		case <-time.After(30 * time.Second):
			tb.Fatal("server did not start within 30s")
		}
	}
	return apps
}

// launchApp runs the program in the background and returns the channel its
// URL is sent on once it listens; the test's cleanup stops it.
func launchApp(tb testing.TB, env map[string]string) (*app, chan string) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	a := &app{done: make(chan error, 1), cancel: cancel}
	go func() {
		a.done <- run(ctx, []string{"web", "-addr", "127.0.0.1:0"}, func(k string) string { return env[k] }, pw)
		pw.Close()
	}()
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		re := regexp.MustCompile(`url=(http://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urlc <- m[1]
			}
		}
	}()
	tb.Cleanup(func() {
		cancel()
		if err := <-a.done; err != nil && a.Client != nil {
			tb.Errorf("run returned %v after shutdown, want nil", err)
		}
	})
	return a, urlc
}
