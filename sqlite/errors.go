package sqlite

import (
	"context"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"

	"cloudadvisor/advisor"
)

// ErrStorage is advisor.ErrStorage: the database could not be written (the
// disk is full, or the file or its directory is read-only or gone). The
// write's transaction is rolled back, so nothing was changed; reads go on.
var ErrStorage = advisor.ErrStorage

// ErrBusy is advisor.ErrBusy: the database stayed locked by another writer
// for longer than the busy timeout.
var ErrBusy = advisor.ErrBusy

// storageError marks err with ErrStorage when SQLite says the disk is full,
// the database is read-only or a file cannot be opened or written, and with
// ErrBusy when it stayed locked; other errors are returned as they are.
func storageError(err error) error {
	var se sqlite3.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrFull, sqlite3.ErrReadonly, sqlite3.ErrCantOpen, sqlite3.ErrIoErr, sqlite3.ErrPerm:
		return fmt.Errorf("%w: %w", ErrStorage, err)
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return fmt.Errorf("%w: %w", ErrBusy, err)
	}
	return err
}

// SetReadOnly stops (or resumes) writes through the writer connection with
// PRAGMA query_only: every write then fails with SQLite's read-only error,
// mapped to ErrStorage, while reads go on. It is the switch for a
// maintenance window, and lets tests see what a read-only disk does.
func (db *DB) SetReadOnly(ctx context.Context, on bool) error {
	v := 0
	if on {
		v = 1
	}
	if _, err := db.w.ExecContext(ctx, fmt.Sprintf("PRAGMA query_only = %d", v)); err != nil {
		return fmt.Errorf("set read-only %t: %w", on, err)
	}
	return nil
}
