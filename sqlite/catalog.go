package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"cloudadvisor/internal/sqlstore"
	"cloudadvisor/pricing"
)

// importCacheKiB is the page cache of the writer connection during imports.
const importCacheKiB = 64 << 10

// importSlice is how long an import writes before it commits and lets
// waiting writes through: a user's save waits at most about this long.
const importSlice = 100 * time.Millisecond

// load stores the offers of a catalog version with prepared inserts on the
// single writer connection (see sqlstore.Dialect.Load), committing every
// importSlice so the import never holds the one writer for long; the rows
// stay invisible until the version is activated.
func load(ctx context.Context, w *sqlstore.ImportWriter, b *sqlstore.Batch,
	parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.ImportStats, error) {
	var product, price *sql.Stmt
	prepare := func() error {
		tx := w.Tx()
		// The price indexes are written in key orders unrelated to the insert
		// order; with the default 2 MB page cache a large import rereads index
		// pages from the WAL again and again. The setting stays on the writer
		// connection: it is a bound, not an allocation.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)); err != nil {
			return err
		}
		// The product's id is left to SQLite (ProductColumns starts with id).
		cols := strings.TrimPrefix(sqlstore.ProductColumns, "id, ")
		var err error
		if product, err = tx.PrepareContext(ctx, `INSERT INTO products (`+cols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`); err != nil {
			return err
		}
		price, err = tx.PrepareContext(ctx, `INSERT INTO prices (`+sqlstore.PriceColumns+`)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
		return err
	}
	closeAll := func() {
		for _, st := range []*sql.Stmt{product, price} {
			if st != nil {
				st.Close()
			}
		}
	}
	defer func() { closeAll() }()
	if err := prepare(); err != nil {
		return pricing.ImportStats{}, err
	}
	storeProduct := func(p sqlstore.Product) (int64, error) {
		res, err := product.ExecContext(ctx, p.Values(b.Version())[1:]...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	slice := time.Now()
	n := 0
	return parse(func(o pricing.Offer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if n++; n%256 == 0 && time.Since(slice) > importSlice {
			closeAll()
			product, price = nil, nil
			if err := w.Yield(ctx); err != nil {
				return err
			}
			if err := prepare(); err != nil {
				return err
			}
			slice = time.Now()
		}
		row, err := b.Add(o, storeProduct)
		if err != nil {
			return err
		}
		if _, err := price.ExecContext(ctx, row...); err != nil {
			return b.ImportError(o, err)
		}
		return nil
	})
}
