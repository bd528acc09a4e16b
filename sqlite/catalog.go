package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cloudadvisor/pricing"
)

// ImportCatalog builds a new catalog version from the offers parse sends to
// its sink, in one transaction, and switches the scope to it only at the end:
// a failed or interrupted import leaves the previous version serving.
// Importing the bytes of the scope's active version again changes nothing.
func (db *DB) ImportCatalog(ctx context.Context, in pricing.CatalogImport, parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error) {
	if v, err := db.activeVersion(ctx, in.Scope); err == nil && v.Checksum == in.Checksum {
		v.Unchanged = true
		return v, nil
	}
	v := pricing.CatalogVersion{Provider: in.Provider, Scope: in.Scope, Source: in.Source, Checksum: in.Checksum,
		Status: "active", FetchedAt: db.now().UTC()}
	err := db.write(ctx, func(tx *sql.Tx) error {
		imp, err := newImporter(ctx, tx, &v)
		if err != nil {
			return err
		}
		defer imp.close()
		stats, err := parse(imp.add)
		if err != nil {
			return err
		}
		v.Skipped = stats.SkippedTotal()
		v.Stats = stats.String()
		return imp.finish(stats)
	})
	if err != nil {
		return pricing.CatalogVersion{}, fmt.Errorf("import catalog %s: %w", in.Source, err)
	}
	return v, nil
}

// importCacheKiB is the page cache of the writer connection during imports.
const importCacheKiB = 64 << 10

// importer writes one catalog version inside a transaction.
type importer struct {
	ctx      context.Context
	tx       *sql.Tx
	v        *pricing.CatalogVersion
	product  *sql.Stmt
	price    *sql.Stmt
	products map[string]storedProduct
}

// storedProduct is a product row of the version being built, with what its
// prices copy from it for CheapestFit (see migration 003).
type storedProduct struct {
	id        int64
	fitKey    string
	vcpu, mem float64
}

func newImporter(ctx context.Context, tx *sql.Tx, v *pricing.CatalogVersion) (*importer, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO catalog_versions (provider, scope, source, fetched_at, checksum, status)
		VALUES (?, ?, ?, ?, ?, 'building')`, v.Provider, v.Scope, v.Source, v.FetchedAt.Format(time.RFC3339), v.Checksum)
	if err != nil {
		return nil, fmt.Errorf("create catalog version: %w", err)
	}
	if v.ID, err = res.LastInsertId(); err != nil {
		return nil, err
	}
	// The price indexes are written in key orders unrelated to the insert
	// order; with the default 2 MB page cache a large import rereads index
	// pages from the WAL again and again. The setting stays on the writer
	// connection: it is a bound, not an allocation.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)); err != nil {
		return nil, err
	}
	imp := &importer{ctx: ctx, tx: tx, v: v, products: map[string]storedProduct{}}
	imp.product, err = tx.PrepareContext(ctx, `INSERT INTO products (version_id, provider, service, provider_service,
		family, region, sku, name, os, vcpu, memory_gib, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	imp.price, err = tx.PrepareContext(ctx, `INSERT OR IGNORE INTO prices (product_id, term, unit, amount, upfront,
		currency, tier_start, tier_end, as_of, source, hash, sort_micros, fit_key, vcpu, memory_gib)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	return imp, err
}

func (imp *importer) close() {
	imp.product.Close()
	if imp.price != nil {
		imp.price.Close()
	}
}

// add stores one offer: its product once per version, then its price.
func (imp *importer) add(o pricing.Offer) error {
	if err := imp.ctx.Err(); err != nil {
		return err
	}
	if err := o.Validate(); err != nil {
		return &pricing.ImportError{Source: imp.v.Source, Record: o.SKU, Err: err}
	}
	key := o.Provider + "\x00" + o.Region + "\x00" + o.SKU
	prod, ok := imp.products[key]
	if !ok {
		attrs, err := json.Marshal(o.Attributes)
		if err != nil {
			return err
		}
		if o.Attributes == nil {
			attrs = []byte("{}")
		}
		res, err := imp.product.ExecContext(imp.ctx, imp.v.ID, o.Provider, string(o.Service), o.ProviderService, o.Family,
			o.Region, o.SKU, o.Name, o.OS, o.VCPU, o.MemoryGiB, string(attrs))
		if err != nil {
			return &pricing.ImportError{Source: imp.v.Source, Record: o.SKU, Err: err}
		}
		prod = storedProduct{fitKey: pricing.FitKey(o.Provider, o.Region, string(o.Service), o.OS), vcpu: o.VCPU, mem: o.MemoryGiB}
		if prod.id, err = res.LastInsertId(); err != nil {
			return err
		}
		imp.products[key] = prod
	}
	var tierEnd any
	if !o.Unbounded {
		tierEnd = o.TierEnd.String()
	}
	asOf := o.AsOf.UTC().Format(time.DateOnly)
	if _, err := imp.price.ExecContext(imp.ctx, prod.id, string(o.Term), string(o.Unit), o.Amount.String(),
		o.Upfront.String(), o.Currency, o.TierStart.String(), tierEnd, asOf, o.Source, pricing.PriceHash(o),
		pricing.SortMicros(o), prod.fitKey, prod.vcpu, prod.mem); err != nil {
		return &pricing.ImportError{Source: imp.v.Source, Record: o.SKU, Err: err}
	}
	if imp.v.AsOfMin == "" || asOf < imp.v.AsOfMin {
		imp.v.AsOfMin = asOf
	}
	if asOf > imp.v.AsOfMax {
		imp.v.AsOfMax = asOf
	}
	return nil
}

// finish counts what was stored, activates the version and retires the
// scope's previous one.
func (imp *importer) finish(stats pricing.ImportStats) error {
	ctx, tx, v := imp.ctx, imp.tx, imp.v
	v.Products = len(imp.products)
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM prices JOIN products p ON p.id = prices.product_id
		WHERE p.version_id = ?`, v.ID).Scan(&v.Prices); err != nil {
		return err
	}
	if v.Prices == 0 {
		return errors.New("the file holds no prices")
	}
	if _, err := tx.ExecContext(ctx, `UPDATE catalog_versions SET status = 'retired' WHERE scope = ? AND status = 'active'`,
		v.Scope); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE catalog_versions SET status = 'active', products = ?, prices = ?, skipped = ?,
		stats = ?, as_of_min = ?, as_of_max = ? WHERE id = ?`, v.Products, v.Prices, stats.SkippedTotal(), stats.String(),
		v.AsOfMin, v.AsOfMax, v.ID)
	return err
}
