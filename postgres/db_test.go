package postgres_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/internal/storetest"
	"cloudadvisor/postgres"
)

// open opens a store at url.
func open(tb testing.TB, url string) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// TestConformance runs the store suite shared with package sqlite.
func TestConformance(t *testing.T) {
	storetest.RequirePostgres(t)
	storetest.Run(t, func(tb testing.TB) storetest.Store { return open(tb, storetest.PostgresURL(tb)) })
}

// TestExclusive: instances (here, stores on one database) run a job one at
// a time, and a second Open of a migrated database changes nothing.
func TestExclusive(t *testing.T) {
	url := storetest.PostgresURL(t)
	stores := []*postgres.DB{open(t, url), open(t, url), open(t, url)}
	var running, most, runs atomic.Int32
	var wg sync.WaitGroup
	for i := range 9 {
		wg.Go(func() {
			err := stores[i%3].Exclusive(context.Background(), "job", func(context.Context) error {
				n := running.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				// Take a while, so that the others would overlap if they could.
				stores[i%3].Ping(context.Background())
				var a advisor.Assessment
				stores[i%3].CreateAssessment(context.Background(), &a)
				runs.Add(1)
				running.Add(-1)
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if most.Load() != 1 || runs.Load() != 9 {
		t.Errorf("got at most %d jobs at once in %d runs, want 1 in 9", most.Load(), runs.Load())
	}
}

// TestStorageErrors: a database that refuses writes (a read-only
// transaction, as on a standby) fails a save with ErrStorage; reads go on.
func TestStorageErrors(t *testing.T) {
	url := storetest.PostgresURL(t)
	rw := open(t, url)
	a := advisor.Assessment{SessionID: "s"}
	if err := rw.CreateAssessment(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	ro := open(t, url+"&default_transaction_read_only=on")
	b := advisor.Assessment{SessionID: "s"}
	if err := ro.CreateAssessment(context.Background(), &b); !errors.Is(err, advisor.ErrStorage) {
		t.Errorf("create: got %v, want ErrStorage", err)
	}
	if err := ro.UpdateAssessment(context.Background(), &a); !errors.Is(err, advisor.ErrStorage) {
		t.Errorf("update: got %v, want ErrStorage", err)
	}
	if got, err := ro.Assessments(context.Background(), "s"); err != nil || len(got) != 1 {
		t.Errorf("read: got %+v, %v; want the one assessment", got, err)
	}
}
