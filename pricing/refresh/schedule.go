package refresh

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"cloudadvisor/pricing"
)

// Store is what a scheduled refresh needs from the database.
type Store interface {
	Importer
	CatalogVersions(ctx context.Context) ([]pricing.CatalogVersion, error)
	// Exclusive runs fn while no other process on the database runs a job
	// of the same name (postgres: an advisory lock; sqlite: one process).
	Exclusive(ctx context.Context, name string, fn func(context.Context) error) error
}

// Scheduler refreshes the catalog every Interval, give or take Jitter, in
// the background. One process at a time refreshes: the others wait for the
// lock, then find the catalog fresh and skip. A failed refresh keeps the
// previous prices and is tried again sooner, with backoff.
type Scheduler struct {
	Store    Store
	Plan     func() ([]Job, []Result)
	Interval time.Duration
	Jitter   float64       // fraction of Interval, 0.1 when zero
	Timeout  time.Duration // per refresh; Interval when zero
	// RetryMin is the first wait after a failed refresh (doubling up to
	// Interval); 5 minutes when zero.
	RetryMin time.Duration
	Log      *slog.Logger
	Metrics  *Metrics // may be nil
	Now      func() time.Time
}

// LockName is the name of the refresh lock.
const LockName = "catalog-refresh"

// Run refreshes until ctx ends. The first refresh comes after a jittered
// fraction of the interval, so that instances started together spread out.
func (s *Scheduler) Run(ctx context.Context) {
	wait := s.jitter(s.Interval / 10)
	failures := 0
	for {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		_, err := s.RunOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			failures++
			wait = s.retryWait(failures)
			s.Log.Warn("scheduled refresh failed; retrying later", "err", err, "retry_in", wait.Round(time.Second))
			continue
		}
		failures = 0
		wait = s.jitter(s.Interval)
	}
}

// RunOnce takes the lock and refreshes unless another process refreshed
// within half the interval; it reports whether it refreshed.
func (s *Scheduler) RunOnce(ctx context.Context) (bool, error) {
	ran := false
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = s.Interval
	}
	err := s.Store.Exclusive(ctx, LockName, func(ctx context.Context) error {
		if last, ok := s.lastRefresh(ctx); ok && s.now().Sub(last) < s.Interval/2 {
			s.Log.Info("catalog refreshed recently; skipping", "last", last.Format(time.RFC3339))
			return nil
		}
		ran = true
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		jobs, skipped := s.Plan()
		s.Metrics.running(true)
		defer s.Metrics.running(false)
		results, err := Run(ctx, s.Store, jobs, skipped, s.Log)
		s.Metrics.record(results, s.now())
		if err == nil && ctx.Err() != nil {
			err = ctx.Err()
		}
		return err
	})
	return ran, err
}

// lastRefresh is when the newest active refresh version was fetched.
func (s *Scheduler) lastRefresh(ctx context.Context) (time.Time, bool) {
	versions, err := s.Store.CatalogVersions(ctx)
	if err != nil {
		return time.Time{}, false
	}
	var last time.Time
	for _, v := range versions {
		if v.Status == "active" && strings.HasPrefix(v.Scope, Scope("")) && v.FetchedAt.After(last) {
			last = v.FetchedAt
		}
	}
	return last, !last.IsZero()
}

func (s *Scheduler) retryWait(failures int) time.Duration {
	d := s.RetryMin
	if d <= 0 {
		d = 5 * time.Minute
	}
	for i := 1; i < failures && d < s.Interval; i++ {
		d *= 2
	}
	return s.jitter(min(d, s.Interval))
}

// jitter spreads d by ±Jitter.
func (s *Scheduler) jitter(d time.Duration) time.Duration {
	j := s.Jitter
	if j <= 0 {
		j = 0.1
	}
	spread := time.Duration(float64(d) * j)
	if spread <= 0 {
		return d
	}
	return d - spread + rand.N(2*spread+1)
}

func (s *Scheduler) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}
