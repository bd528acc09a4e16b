package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"cloudadvisor/pricing"
)

const diffCols = `p.provider, p.region, p.sku, p.name, x.term, x.unit, x.currency, x.amount, x.upfront, x.tier_start,
	coalesce(x.tier_end, ''), x.as_of`

// diffMissing selects the prices of version ?1 that have no price with the
// same key in version ?2. Both sides are found through the products unique
// index (version_id, provider, region, sku) and prices_product, so the cost is
// two index seeks per price and nothing is held in memory.
const diffMissing = ` FROM products p JOIN prices x ON x.product_id = p.id
	WHERE p.version_id = ?1 AND NOT EXISTS (SELECT 1 FROM products q JOIN prices y ON y.product_id = q.id
		WHERE q.version_id = ?2 AND q.provider = p.provider AND q.region = p.region AND q.sku = p.sku
		AND y.term = x.term AND y.unit = x.unit AND y.currency = x.currency AND y.tier_start = x.tier_start)`

// diffMatched joins the prices of version ?1 to those of version ?2 with the
// same key; the caller adds the comparison of the amounts.
const diffMatched = ` FROM products p JOIN prices x ON x.product_id = p.id
	JOIN products q ON q.version_id = ?2 AND q.provider = p.provider AND q.region = p.region AND q.sku = p.sku
	JOIN prices y ON y.product_id = q.id AND y.term = x.term AND y.unit = x.unit AND y.currency = x.currency
		AND y.tier_start = x.tier_start
	WHERE p.version_id = ?1`

// diffDiffers is true when matched prices differ in what a customer pays.
// Identical hashes mean identical prices, which skips the text comparisons.
const diffDiffers = ` AND x.hash != y.hash AND (x.amount != y.amount OR x.upfront != y.upfront
	OR x.tier_end IS DISTINCT FROM y.tier_end)`

const diffOrder = ` ORDER BY p.provider, p.region, p.sku, x.term, x.unit, x.currency, x.tier_start LIMIT ?3`

// DiffVersions compares catalog versions a and b: counts of added, removed,
// changed and unchanged prices and the first limit rows of each kind.
func (db *Store) DiffVersions(ctx context.Context, a, b int64, limit int) (pricing.Diff, error) {
	var d pricing.Diff
	err := db.read(ctx, func(tx Tx) error {
		var err error
		if d.A, err = versionByID(ctx, tx, a); err != nil {
			return err
		}
		if d.B, err = versionByID(ctx, tx, b); err != nil {
			return err
		}
		counts := []struct {
			dst   *int
			query string
			args  []any
		}{
			{&d.Added, `SELECT count(*)` + diffMissing, []any{b, a}},
			{&d.Removed, `SELECT count(*)` + diffMissing, []any{a, b}},
			{&d.Changed, `SELECT count(*)` + diffMatched + diffDiffers, []any{a, b}},
		}
		for _, c := range counts {
			if err := tx.QueryRowContext(ctx, c.query, c.args...).Scan(c.dst); err != nil {
				return err
			}
		}
		var matched int
		if err := tx.QueryRowContext(ctx, `SELECT count(*)`+diffMatched, a, b).Scan(&matched); err != nil {
			return err
		}
		d.Unchanged = matched - d.Changed
		if limit == 0 {
			return nil
		}
		if d.AddedRows, err = diffRows(ctx, tx, `SELECT `+diffCols+diffMissing+diffOrder, b, a, limit); err != nil {
			return err
		}
		if d.RemovedRows, err = diffRows(ctx, tx, `SELECT `+diffCols+diffMissing+diffOrder, a, b, limit); err != nil {
			return err
		}
		d.ChangedRows, err = diffChanges(ctx, tx, a, b, limit)
		return err
	})
	if err != nil {
		return pricing.Diff{}, fmt.Errorf("diff catalog versions %d and %d: %w", a, b, err)
	}
	return d, nil
}

func versionByID(ctx context.Context, tx Tx, id int64) (pricing.CatalogVersion, error) {
	v, err := scanVersion(tx.QueryRowContext(ctx, `SELECT `+versionCols+` FROM catalog_versions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("catalog version %d: %w", id, pricing.ErrNotFound)
	}
	return v, err
}

func scanDiffPrice(p *pricing.DiffPrice) []any {
	return []any{&p.Provider, &p.Region, &p.SKU, &p.Name, &p.Term, &p.Unit, &p.Currency, &p.Amount, &p.Upfront,
		&p.TierStart, &p.TierEnd, &p.AsOf}
}

func diffRows(ctx context.Context, tx Tx, query string, x, y int64, limit int) ([]pricing.DiffPrice, error) {
	rows, err := tx.QueryContext(ctx, query, x, y, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pricing.DiffPrice
	for rows.Next() {
		var p pricing.DiffPrice
		if err := rows.Scan(scanDiffPrice(&p)...); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func diffChanges(ctx context.Context, tx Tx, a, b int64, limit int) ([]pricing.PriceChange, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+diffCols+`, q.name, y.amount, y.upfront, coalesce(y.tier_end, ''),
		y.as_of`+diffMatched+diffDiffers+diffOrder, a, b, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pricing.PriceChange
	for rows.Next() {
		var c pricing.PriceChange
		dst := append(scanDiffPrice(&c.Old), &c.New.Name, &c.New.Amount, &c.New.Upfront, &c.New.TierEnd, &c.New.AsOf)
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		c.New.Provider, c.New.Region, c.New.SKU, c.New.Term = c.Old.Provider, c.Old.Region, c.Old.SKU, c.Old.Term
		c.New.Unit, c.New.Currency, c.New.TierStart = c.Old.Unit, c.Old.Currency, c.Old.TierStart
		out = append(out, c)
	}
	return out, rows.Err()
}
