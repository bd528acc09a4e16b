package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"cloudadvisor/advisor"
)

// TestStorageErrors: a full disk or a read-only database fails a save with
// ErrStorage, saves nothing, and reads go on.
func TestStorageErrors(t *testing.T) {
	tests := []struct {
		name  string
		block func(*DB) error
	}{
		// max_page_count at the current size makes SQLite report SQLITE_FULL
		// exactly as when the disk is full.
		{"disk full", func(db *DB) error {
			_, err := db.w.Exec("PRAGMA max_page_count = 1")
			return err
		}},
		{"read-only", func(db *DB) error { return db.SetReadOnly(context.Background(), true) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			kept := advisor.Assessment{SessionID: "s", Workloads: []advisor.Assessed{{}}}
			if err := db.CreateAssessment(ctx, &kept); err != nil {
				t.Fatal(err)
			}
			if err := tc.block(db); err != nil {
				t.Fatal(err)
			}
			big := advisor.Assessment{SessionID: "s"}
			for i := range 200 {
				name := strings.Repeat("x", 1000) + string(rune('a'+i%26))
				big.Workloads = append(big.Workloads, advisor.Assessed{Workload: advisor.Workload{Name: name}})
			}
			err = db.CreateAssessment(ctx, &big)
			if !errors.Is(err, ErrStorage) {
				t.Fatalf("create: got %v, want ErrStorage", err)
			}
			kept.Workloads = big.Workloads
			if err := db.UpdateAssessment(ctx, &kept); !errors.Is(err, ErrStorage) {
				t.Errorf("update: got %v, want ErrStorage", err)
			}
			got, err := db.Assessments(ctx, "s")
			if err != nil || len(got) != 1 || got[0].Workloads != 1 {
				t.Errorf("after failed saves: got %+v, %v; want the one assessment with 1 workload", got, err)
			}
		})
	}
}
