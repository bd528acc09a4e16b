// Package postgres is the PostgreSQL adapter, for several instances of the
// app behind a load balancer: the same store as package sqlite (the queries
// are shared, internal/sqlstore) on a database every instance reaches.
// Catalog versions are loaded with COPY; a session advisory lock lets one
// instance at a time apply migrations or run a job such as the default
// catalog import.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the pgx driver

	"cloudadvisor/advisor"
	"cloudadvisor/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open PostgreSQL database.
type DB struct {
	*sqlstore.Store
	db *sql.DB
}

// maxConns bounds the connections of one instance; PostgreSQL's default
// max_connections (100) then serves several instances.
const maxConns = 16

var dialect = sqlstore.Dialect{
	Dollar: true,
	JSON:   func(col, field string) string { return "(" + col + "::jsonb ->> '" + field + "')" },
	ActiveKey: `SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM catalog_versions
		WHERE status = 'active'`,
	Read:         &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
	StorageError: storageError,
	Load:         load,
}

// Open connects to the database at url (postgres://user:pass@host/db?...),
// applies pending migrations under an advisory lock, so that instances
// starting together migrate once, and returns the store.
func Open(ctx context.Context, url string) (*DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	d := &DB{Store: sqlstore.New(db, db, dialect, time.Now), db: db}
	if err := d.Exclusive(ctx, "migrate", func(ctx context.Context) error { return migrate(ctx, db) }); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// Close closes the pool.
func (d *DB) Close() error { return d.db.Close() }

// Exclusive runs fn while this process holds the session advisory lock
// named name: across every instance on the database, one runs fn at a time,
// and the others wait for it.
func (d *DB) Exclusive(ctx context.Context, name string, fn func(context.Context) error) error {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("lock %s: %w", name, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext($1))`, "cloudadvisor:"+name); err != nil {
		return fmt.Errorf("lock %s: %w", name, err)
	}
	// Unlock even when ctx is cancelled: the connection goes back to the pool.
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtext($1))`, "cloudadvisor:"+name)
	return fn(ctx)
}

// migrate applies the embedded migrations not yet recorded in
// schema_migrations.
func migrate(ctx context.Context, db *sql.DB) error {
	// Look before creating: a read-only server (a standby) may open a
	// database that is up to date.
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if !exists {
		if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (
			version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
	}
	var current int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	return sqlstore.Migrate(ctx, db, migrations, current, func(n int) string {
		return fmt.Sprintf("INSERT INTO schema_migrations (version) VALUES (%d)", n)
	})
}

// storageError marks with advisor.ErrStorage what says the database cannot
// be written: a full disk, a read-only transaction or server (a standby, or
// default_transaction_read_only), or a role without the right to write.
func storageError(err error) error {
	var pe *pgconn.PgError
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "53100", "25006", "42501":
		return fmt.Errorf("%w: %w", advisor.ErrStorage, err)
	}
	return err
}
