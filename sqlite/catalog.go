package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"cloudadvisor/internal/sqlstore"
	"cloudadvisor/pricing"
)

// importCacheKiB is the page cache of the writer connection during imports.
const importCacheKiB = 64 << 10

// load stores the offers of a catalog version with prepared inserts on the
// single writer connection (see sqlstore.Dialect.Load).
func load(ctx context.Context, _ *sql.Conn, tx sqlstore.Tx, b *sqlstore.Batch,
	parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.ImportStats, error) {
	// The price indexes are written in key orders unrelated to the insert
	// order; with the default 2 MB page cache a large import rereads index
	// pages from the WAL again and again. The setting stays on the writer
	// connection: it is a bound, not an allocation.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)); err != nil {
		return pricing.ImportStats{}, err
	}
	// The product's id is left to SQLite (ProductColumns starts with id).
	cols := strings.TrimPrefix(sqlstore.ProductColumns, "id, ")
	product, err := tx.PrepareContext(ctx, `INSERT INTO products (`+cols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return pricing.ImportStats{}, err
	}
	defer product.Close()
	price, err := tx.PrepareContext(ctx, `INSERT INTO prices (`+sqlstore.PriceColumns+`)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return pricing.ImportStats{}, err
	}
	defer price.Close()
	storeProduct := func(p sqlstore.Product) (int64, error) {
		res, err := product.ExecContext(ctx, p.Values(b.Version())[1:]...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return parse(func(o pricing.Offer) error {
		if err := ctx.Err(); err != nil {
			return err
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
