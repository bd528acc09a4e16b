// Package sqlstore is the store both databases share: the assessments,
// shares, staged imports, catalog reads and diffs written once in SQL that
// SQLite and PostgreSQL both run, through database/sql. Package sqlite and
// package postgres open their database, apply their own migrations and give
// a Dialect for what differs: placeholders, JSON access, transactions, how a
// catalog version is loaded and which errors mean the database cannot be
// written. Every public method is one transaction.
package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// Dialect is what differs between the databases.
type Dialect struct {
	// Dollar numbers placeholders $1, $2... (PostgreSQL); queries are written
	// with ? and ?N (SQLite) and rewritten when it is set.
	Dollar bool
	// JSON returns the SQL of the text of a top-level field of the JSON text
	// in column col.
	JSON func(col, field string) string
	// ActiveKey is the SQL of ActiveCatalogKey: the ids of the active catalog
	// versions, in order, joined by commas ('' when there are none).
	ActiveKey string
	// Read are the options of read transactions: one snapshot each.
	Read *sql.TxOptions
	// StorageError marks err with advisor.ErrStorage when the database says
	// it cannot be written; other errors are returned as they are.
	StorageError func(error) error
	// Load stores the offers parse sends as the rows of version v through w
	// and returns the stats of parse. The version row exists (status
	// 'building', which no reader sees); sqlstore counts and activates it
	// afterwards. A dialect whose writers block each other (SQLite) calls
	// w.Yield now and then, so user writes are not held up by an import.
	Load func(ctx context.Context, w *ImportWriter, b *Batch, parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.ImportStats, error)
}

// Store is an open database: a writer pool and a reader pool (the same pool
// when the database has no separate read-only mode).
type Store struct {
	w, r   Pool
	d      Dialect
	now    func() time.Time
	cache  assessmentCache
	quotes quoteCache
	quota  advisor.Quotas
}

// SetQuotas replaces the per-session quotas (advisor.DefaultQuotas).
func (db *Store) SetQuotas(q advisor.Quotas) { db.quota = q }

// New returns the store over the pools; the schema must be migrated.
func New(w, r *sql.DB, d Dialect, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{w: Pool{w, d.Dollar}, r: Pool{r, d.Dollar}, d: d, now: now, quota: advisor.DefaultQuotas}
}

// Ping checks that the database answers a read.
func (db *Store) Ping(ctx context.Context) error {
	var n int
	return db.r.QueryRowContext(ctx, "SELECT 1").Scan(&n)
}

// write runs fn in one write transaction; errors pass through StorageError.
func (db *Store) write(ctx context.Context, fn func(Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.d.StorageError(err)
	}
	defer tx.Rollback()
	if err := fn(Tx{tx, db.d.Dollar}); err != nil {
		return db.d.StorageError(err)
	}
	return db.d.StorageError(tx.Commit())
}

// read runs fn in one read-only transaction, so it sees one snapshot.
func (db *Store) read(ctx context.Context, fn func(Tx) error) error {
	tx, err := db.r.BeginTx(ctx, db.d.Read)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(Tx{tx, db.d.Dollar})
}

// Pool is a *sql.DB whose queries are written with ? placeholders.
type Pool struct {
	*sql.DB
	dollar bool
}

// ExecContext runs q with its placeholders rewritten.
func (p Pool) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return p.DB.ExecContext(ctx, Rebind(q, p.dollar), args...)
}

// QueryContext runs q with its placeholders rewritten.
func (p Pool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return p.DB.QueryContext(ctx, Rebind(q, p.dollar), args...)
}

// QueryRowContext runs q with its placeholders rewritten.
func (p Pool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return p.DB.QueryRowContext(ctx, Rebind(q, p.dollar), args...)
}

// Tx is a *sql.Tx whose queries are written with ? placeholders.
type Tx struct {
	*sql.Tx
	dollar bool
}

// ExecContext runs q with its placeholders rewritten.
func (t Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, Rebind(q, t.dollar), args...)
}

// QueryContext runs q with its placeholders rewritten.
func (t Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, Rebind(q, t.dollar), args...)
}

// QueryRowContext runs q with its placeholders rewritten.
func (t Tx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, Rebind(q, t.dollar), args...)
}

// PrepareContext prepares q with its placeholders rewritten.
func (t Tx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.Tx.PrepareContext(ctx, Rebind(q, t.dollar))
}

// Rebind rewrites the placeholders ? (the next argument) and ?N (argument
// N) of q as $N when dollar is set. The queries of this package hold no ?
// inside string literals.
func Rebind(q string, dollar bool) string {
	if !dollar || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] != '?' {
			b.WriteByte(q[i])
			continue
		}
		j := i + 1
		for j < len(q) && q[j] >= '0' && q[j] <= '9' {
			j++
		}
		if j > i+1 {
			b.WriteString("$" + q[i+1:j])
			i = j - 1
			continue
		}
		n++
		b.WriteString("$" + strconv.Itoa(n))
	}
	return b.String()
}

// timeFormat stores times in UTC with milliseconds; it sorts as text.
const timeFormat = "2006-01-02T15:04:05.000Z"
