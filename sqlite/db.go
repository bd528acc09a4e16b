// Package sqlite is the SQLite adapter, the default store: it stores
// assessments and price catalogs in one file. One writer connection
// serialises writes; a read-only pool serves reads concurrently. The queries
// are shared with package postgres (internal/sqlstore); this package opens
// the file, migrates it, loads catalog versions and backs the file up.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the sqlite3 driver

	"cloudadvisor/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open database: a single writer and a read-only pool.
type DB struct {
	*sqlstore.Store
	w, r *sql.DB
	path string
}

// dialect is how SQLite runs the shared queries.
var dialect = sqlstore.Dialect{
	JSON: func(col, field string) string { return "json_extract(" + col + ", '$." + field + "')" },
	ActiveKey: `SELECT coalesce(group_concat(id), '') FROM
		(SELECT id FROM catalog_versions WHERE status = 'active' ORDER BY id)`,
	Read:         &sql.TxOptions{ReadOnly: true},
	StorageError: storageError,
	Load:         load,
}

// Open opens (creating if needed) the database file at path, applies pending
// migrations and opens the read pool.
func Open(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Create the file owner-only before SQLite does (it would use 0644 under
	// the usual umask): it holds every organisation's answers. SQLite gives
	// the -wal and -shm files the database file's mode.
	if f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("create database %s: %w", path, err)
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_txlock", "immediate")
	q.Set("_synchronous", "NORMAL")
	w, err := sql.Open("sqlite3", "file:"+abs+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	q = url.Values{}
	q.Set("mode", "ro")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	r, err := sql.Open("sqlite3", "file:"+abs+"?"+q.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open read pool %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	db := &DB{Store: sqlstore.New(w, r, dialect, time.Now), w: w, r: r, path: abs}
	// An import commits as it goes; one cut off by a crash left rows of a
	// version no reader sees. Nothing else writes this file yet.
	if err := db.DeleteBuilding(ctx, 0); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: remove an unfinished import: %w", path, err)
	}
	return db, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	return errors.Join(db.r.Close(), db.w.Close())
}

// migrate applies the embedded migrations numbered above PRAGMA user_version.
func migrate(ctx context.Context, db *sql.DB) error {
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	return sqlstore.Migrate(ctx, db, migrations, current, func(n int) string {
		return fmt.Sprintf("PRAGMA user_version = %d", n)
	})
}

// Exclusive runs fn. An SQLite file serves one instance, whose single
// writer connection already serialises imports, so there is nothing to
// lock; postgres.DB.Exclusive is the lock between instances.
func (db *DB) Exclusive(ctx context.Context, name string, fn func(context.Context) error) error {
	return fn(ctx)
}
