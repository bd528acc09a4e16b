package sqlstore

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
func (db *Store) ImportCatalog(ctx context.Context, in pricing.CatalogImport, parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error) {
	if v, err := db.activeVersion(ctx, in.Scope); err == nil && v.Checksum == in.Checksum {
		v.Unchanged = true
		return v, nil
	}
	v := pricing.CatalogVersion{Provider: in.Provider, Scope: in.Scope, Source: in.Source, Checksum: in.Checksum,
		Status: "active", FetchedAt: db.now().UTC()}
	w := &ImportWriter{db: db}
	err := func() error {
		if err := w.begin(ctx); err != nil {
			return err
		}
		if err := w.tx.QueryRowContext(ctx, `INSERT INTO catalog_versions (provider, scope, source, fetched_at, checksum,
			status) VALUES (?, ?, ?, ?, ?, 'building') RETURNING id`, v.Provider, v.Scope, v.Source,
			v.FetchedAt.Format(time.RFC3339), v.Checksum).Scan(&v.ID); err != nil {
			return fmt.Errorf("create catalog version: %w", err)
		}
		b := &Batch{v: &v, products: map[string]Product{}}
		stats, err := db.d.Load(ctx, w, b, parse)
		if err != nil {
			return err
		}
		v.Products, v.Skipped, v.Stats = len(b.products), stats.SkippedTotal(), stats.String()
		if err := finish(ctx, w.tx, &v); err != nil {
			return err
		}
		return w.sqlTx.Commit()
	}()
	w.end()
	if err != nil {
		if w.yields > 0 {
			// Rows committed by earlier chunks belong to a version no reader
			// sees; remove them (Open also removes any a crash left).
			if derr := db.DeleteBuilding(context.WithoutCancel(ctx), v.ID); derr != nil {
				err = errors.Join(err, derr)
			}
		}
		return pricing.CatalogVersion{}, fmt.Errorf("import catalog %s: %w", in.Source, db.d.StorageError(err))
	}
	return v, nil
}

// ImportWriter is the connection and transaction an import writes through.
type ImportWriter struct {
	db     *Store
	conn   *sql.Conn
	sqlTx  *sql.Tx
	tx     Tx
	yields int
}

// Conn is the connection of the current transaction.
func (w *ImportWriter) Conn() *sql.Conn { return w.conn }

// Tx is the current transaction; it changes after Yield.
func (w *ImportWriter) Tx() Tx { return w.tx }

// Yield commits the rows written so far, gives the writer connection back
// so waiting writes go first, and starts a new transaction on the next free
// connection. Statements prepared on the previous transaction are closed.
func (w *ImportWriter) Yield(ctx context.Context) error {
	if err := w.sqlTx.Commit(); err != nil {
		return err
	}
	w.yields++
	w.end()
	return w.begin(ctx)
}

func (w *ImportWriter) begin(ctx context.Context) error {
	conn, err := w.db.w.Conn(ctx)
	if err != nil {
		return err
	}
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		conn.Close()
		return err
	}
	w.conn, w.sqlTx, w.tx = conn, sqlTx, Tx{sqlTx, w.db.d.Dollar}
	return nil
}

func (w *ImportWriter) end() {
	if w.sqlTx != nil {
		w.sqlTx.Rollback()
	}
	if w.conn != nil {
		w.conn.Close()
	}
	w.conn, w.sqlTx = nil, nil
}

// DeleteBuilding removes a catalog version still being built, with its
// rows; id 0 removes every such version (after a crash: call it only when no
// import can be running, as SQLite's Open does).
func (db *Store) DeleteBuilding(ctx context.Context, id int64) error {
	return db.write(ctx, func(tx Tx) error {
		for _, q := range []string{
			`DELETE FROM prices WHERE product_id IN (SELECT p.id FROM products p JOIN catalog_versions v ON v.id = p.version_id
				WHERE v.status = 'building' AND (v.id = ? OR ? = 0))`,
			`DELETE FROM products WHERE version_id IN (SELECT id FROM catalog_versions WHERE status = 'building' AND (id = ? OR ? = 0))`,
			`DELETE FROM catalog_versions WHERE status = 'building' AND (id = ? OR ? = 0)`,
		} {
			if _, err := tx.ExecContext(ctx, q, id, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// finish counts what was stored, activates the version and retires the
// scope's previous one.
func finish(ctx context.Context, tx Tx, v *pricing.CatalogVersion) error {
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
		stats = ?, as_of_min = ?, as_of_max = ? WHERE id = ?`, v.Products, v.Prices, v.Skipped, v.Stats,
		v.AsOfMin, v.AsOfMax, v.ID)
	return err
}

// Batch turns the offers of one import into product and price rows: each
// product once per version, each price with what CheapestFit reads from it.
type Batch struct {
	v        *pricing.CatalogVersion
	products map[string]Product
}

// Product is a row of table products. ID is given by the Load that stores it.
type Product struct {
	ID              int64
	Provider        string
	Service         string
	ProviderService string
	Family          string
	Region          string
	SKU             string
	Name            string
	OS              string
	VCPU, MemoryGiB float64
	Attributes      string // JSON object
	FitKey          string
}

// ProductColumns are the columns of Product.Values, in order.
const ProductColumns = `id, version_id, provider, service, provider_service, family, region, sku, name, os, vcpu,
	memory_gib, attributes`

// Values are the column values of the product in version; see ProductColumns.
func (p Product) Values(version int64) []any {
	return []any{p.ID, version, p.Provider, p.Service, p.ProviderService, p.Family, p.Region, p.SKU, p.Name, p.OS,
		p.VCPU, p.MemoryGiB, p.Attributes}
}

// PriceColumns are the columns of Price values, in order.
const PriceColumns = `product_id, term, unit, amount, upfront, currency, tier_start, tier_end, as_of, source, hash,
	sort_micros, fit_key, vcpu, memory_gib`

// Version is the id of the version being built.
func (b *Batch) Version() int64 { return b.v.ID }

// Add validates an offer and returns the values of its price row (see
// PriceColumns). A product seen for the first time is given to store, which
// returns its id.
func (b *Batch) Add(o pricing.Offer, store func(Product) (int64, error)) ([]any, error) {
	if err := o.Validate(); err != nil {
		return nil, &pricing.ImportError{Source: b.v.Source, Record: o.SKU, Err: err}
	}
	key := o.Provider + "\x00" + o.Region + "\x00" + o.SKU
	prod, ok := b.products[key]
	if !ok {
		attrs := []byte("{}")
		if o.Attributes != nil {
			var err error
			if attrs, err = json.Marshal(o.Attributes); err != nil {
				return nil, err
			}
		}
		prod = Product{Provider: o.Provider, Service: string(o.Service), ProviderService: o.ProviderService,
			Family: o.Family, Region: o.Region, SKU: o.SKU, Name: o.Name, OS: o.OS, VCPU: o.VCPU,
			MemoryGiB: o.MemoryGiB, Attributes: string(attrs),
			FitKey: pricing.FitKey(o.Provider, o.Region, string(o.Service), o.OS)}
		id, err := store(prod)
		if err != nil {
			return nil, &pricing.ImportError{Source: b.v.Source, Record: o.SKU, Err: err}
		}
		prod.ID = id
		b.products[key] = Product{ID: id, FitKey: prod.FitKey, VCPU: prod.VCPU, MemoryGiB: prod.MemoryGiB}
	}
	var tierEnd any
	if !o.Unbounded {
		tierEnd = o.TierEnd.String()
	}
	asOf := o.AsOf.UTC().Format(time.DateOnly)
	if b.v.AsOfMin == "" || asOf < b.v.AsOfMin {
		b.v.AsOfMin = asOf
	}
	if asOf > b.v.AsOfMax {
		b.v.AsOfMax = asOf
	}
	return []any{prod.ID, string(o.Term), string(o.Unit), o.Amount.String(), o.Upfront.String(), o.Currency,
		o.TierStart.String(), tierEnd, asOf, o.Source, pricing.PriceHash(o), pricing.SortMicros(o), prod.FitKey,
		prod.VCPU, prod.MemoryGiB}, nil
}

// ImportError marks an error storing the record of offer o.
func (b *Batch) ImportError(o pricing.Offer, err error) error {
	return &pricing.ImportError{Source: b.v.Source, Record: o.SKU, Err: err}
}

// Scope is the scope of the version being built.
func (b *Batch) Scope() string { return b.v.Scope }
