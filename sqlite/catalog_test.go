package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"cloudadvisor/internal/storetest"
)

// openTest opens a fresh database file in a temp dir.
func openTest(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "test.db"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// TestConformance runs the store suite shared with package postgres.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) storetest.Store { return openTest(tb) })
}
