package refresh

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"cloudadvisor/internal/providertest"
	"cloudadvisor/pricing"
)

// lockedStore is a memStore shared by several schedulers, as processes
// share a database: Exclusive is one lock, and versions carry their time.
type lockedStore struct {
	mu       sync.Mutex // the database's write lock
	lock     sync.Mutex // the advisory lock Exclusive takes
	mem      memStore
	versions []pricing.CatalogVersion
	imports  int
}

func (s *lockedStore) ImportCatalog(ctx context.Context, in pricing.CatalogImport,
	parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, err := s.mem.ImportCatalog(ctx, in, parse)
	if err != nil {
		return v, err
	}
	for i := range s.versions {
		if s.versions[i].Scope == in.Scope {
			s.versions[i].Status = "retired"
		}
	}
	v.Status, v.FetchedAt = "active", time.Now()
	s.versions = append(s.versions, v)
	s.imports++
	return v, nil
}

func (s *lockedStore) CatalogVersions(context.Context) ([]pricing.CatalogVersion, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]pricing.CatalogVersion(nil), s.versions...), nil
}

func (s *lockedStore) Exclusive(ctx context.Context, name string, fn func(context.Context) error) error {
	s.lock.Lock()
	defer s.lock.Unlock()
	return fn(ctx)
}

// TestSchedulerOneAtATime: two processes due at once; the one that gets the
// lock second finds the catalog fresh and does not refresh again.
func TestSchedulerOneAtATime(t *testing.T) {
	srv := providertest.New(t, "")
	db := &lockedStore{}
	c := testConfig(srv)
	newScheduler := func() *Scheduler {
		return &Scheduler{Store: db, Interval: time.Hour, Log: quiet(), Plan: func() ([]Job, []Result) { return Plan(c) }}
	}
	var wg sync.WaitGroup
	ran := make([]bool, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Go(func() { ran[i], errs[i] = newScheduler().RunOnce(context.Background()) })
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("got errors %v", errs)
	}
	if ran[0] == ran[1] {
		t.Errorf("got ran %v, want exactly one of the two to refresh", ran)
	}
	if db.imports != 6 {
		t.Errorf("got %d imports, want 6 (one refresh of six providers)", db.imports)
	}
}

// TestSchedulerRuns: with a short interval the scheduler refreshes again and
// again in the background, and its metrics count each provider's result;
// a provider failing is counted as failed while the others go on.
func TestSchedulerRuns(t *testing.T) {
	srv := providertest.New(t, "")
	srv.Miss(providertest.ECB)
	db := &lockedStore{}
	c := testConfig(srv)
	m := NewMetrics()
	reg := prometheus.NewRegistry()
	reg.MustRegister(m.Collectors()...)
	s := &Scheduler{Store: db, Interval: 20 * time.Millisecond, Timeout: time.Minute, RetryMin: time.Millisecond, Log: quiet(), Metrics: m,
		Plan: func() ([]Job, []Result) { return Plan(c) }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	// Wait for two refreshes of aws, however long the machine takes.
	for counter(t, reg, "aws", "ok") < 2 {
		select {
		case <-done:
			t.Fatal("scheduler stopped")
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	<-done
	if n := counter(t, reg, "ecb", "failed"); n < 1 {
		t.Errorf("got %v failed ecb refreshes counted, want at least 1", n)
	}
	if gauge(t, reg, "advisor_catalog_refresh_in_progress") != 0 {
		t.Error("got a refresh in progress after the scheduler stopped")
	}
}

// counter reads advisor_catalog_refresh_total{provider, result} from reg.
func counter(tb testing.TB, reg *prometheus.Registry, provider, result string) float64 {
	tb.Helper()
	families, err := reg.Gather()
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "advisor_catalog_refresh_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if labels["provider"] == provider && labels["result"] == result {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}

// gauge reads an unlabelled gauge from reg.
func gauge(tb testing.TB, reg *prometheus.Registry, name string) float64 {
	tb.Helper()
	families, err := reg.Gather()
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == name && len(f.GetMetric()) == 1 {
			return f.GetMetric()[0].GetGauge().GetValue()
		}
	}
	return -1
}
