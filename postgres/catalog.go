package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"cloudadvisor/internal/sqlstore"
	"cloudadvisor/pricing"
)

// copyBatch is how many price rows the parser hands to COPY at a time.
const copyBatch = 1024

// stageTables hold a version's rows while COPY streams them in: prices
// name their product by its position in the import (products are kept in
// memory until the prices are in, as COPY holds the connection), and the
// final INSERTs give products their ids and drop duplicate prices.
const stageTables = `
CREATE TEMP TABLE product_stage (id bigint, version_id bigint, provider text, service text, provider_service text,
	family text, region text, sku text, name text, os text, vcpu double precision, memory_gib double precision,
	attributes text) ON COMMIT DROP;
CREATE TEMP TABLE price_stage (product_id bigint, term text, unit text, amount text, upfront text, currency text,
	tier_start text, tier_end text, as_of text, source text, hash text, sort_micros bigint, fit_key text,
	vcpu double precision, memory_gib double precision) ON COMMIT DROP`

var productCols = `version_id, provider, service, provider_service, family, region, sku, name, os, vcpu, memory_gib,
	attributes`

// load streams the offers of a version into the database with COPY (see
// sqlstore.Dialect.Load). Imports of one scope wait for each other.
func load(ctx context.Context, w *sqlstore.ImportWriter, b *sqlstore.Batch,
	parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.ImportStats, error) {
	// PostgreSQL writers do not block each other: one transaction, no yield.
	conn, tx := w.Conn(), w.Tx()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext(?))`, "cloudadvisor:scope:"+b.Scope()); err != nil {
		return pricing.ImportStats{}, err
	}
	if _, err := tx.ExecContext(ctx, stageTables); err != nil {
		return pricing.ImportStats{}, err
	}
	var products [][]any
	storeProduct := func(p sqlstore.Product) (int64, error) {
		p.ID = int64(len(products) + 1)
		products = append(products, p.Values(b.Version()))
		return p.ID, nil
	}
	src := newOfferSource(ctx, b, storeProduct, parse)
	err := copyInto(ctx, conn, "price_stage", sqlstore.PriceColumns, src)
	stats, perr := src.wait()
	if perr != nil {
		return stats, perr // the parser's own error says more than the aborted COPY
	}
	if err != nil {
		return stats, err
	}
	if err := copyInto(ctx, conn, "product_stage", sqlstore.ProductColumns, pgx.CopyFromRows(products)); err != nil {
		return stats, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO products (`+productCols+`) SELECT `+productCols+`
		FROM product_stage ORDER BY id`); err != nil {
		return stats, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO prices (`+sqlstore.PriceColumns+`)
		SELECT p.id, `+strings.TrimPrefix(prefixed("s.", sqlstore.PriceColumns), "s.product_id, ")+`
		FROM price_stage s JOIN product_stage ps ON ps.id = s.product_id
		JOIN products p ON p.version_id = ps.version_id AND p.provider = ps.provider AND p.region = ps.region
			AND p.sku = ps.sku
		ON CONFLICT DO NOTHING`)
	return stats, err
}

// prefixed qualifies each column of a comma-separated list.
func prefixed(prefix, cols string) string {
	fields := strings.Split(cols, ",")
	for i, f := range fields {
		fields[i] = prefix + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}

// copyInto runs COPY into table on the transaction's connection.
func copyInto(ctx context.Context, conn *sql.Conn, table, cols string, src pgx.CopyFromSource) error {
	names := strings.Split(cols, ",")
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	return conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{table}, names, src)
		return err
	})
}

// errStopped tells the parser that COPY has stopped reading.
var errStopped = errors.New("copy stopped")

// offerSource runs the parser in its own goroutine and hands its price rows
// to COPY in batches: the parser pushes offers, COPY pulls rows.
type offerSource struct {
	rows  chan [][]any
	stop  chan struct{}
	done  chan struct{}
	cur   [][]any
	i     int
	stats pricing.ImportStats
	err   error // the parser's, read once rows is closed
}

func newOfferSource(ctx context.Context, b *sqlstore.Batch, storeProduct func(sqlstore.Product) (int64, error),
	parse func(pricing.Sink) (pricing.ImportStats, error)) *offerSource {
	s := &offerSource{rows: make(chan [][]any, 4), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		defer close(s.rows)
		var batch [][]any
		flush := func() error {
			select {
			case s.rows <- batch:
				batch = nil
				return nil
			case <-s.stop:
				return errStopped
			}
		}
		s.stats, s.err = parse(func(o pricing.Offer) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			row, err := b.Add(o, storeProduct)
			if err != nil {
				return err
			}
			if batch = append(batch, row); len(batch) == copyBatch {
				return flush()
			}
			return nil
		})
		if s.err == nil && len(batch) > 0 {
			s.err = flush()
		}
	}()
	return s
}

// Next is true while the parser has rows.
func (s *offerSource) Next() bool {
	if s.i+1 < len(s.cur) {
		s.i++
		return true
	}
	batch, ok := <-s.rows
	if !ok {
		return false
	}
	s.cur, s.i = batch, 0
	return len(batch) > 0 || s.Next()
}

// Values is the current row.
func (s *offerSource) Values() ([]any, error) { return s.cur[s.i], nil }

// Err is the parser's error once it has stopped.
func (s *offerSource) Err() error {
	select {
	case <-s.done:
		return s.err
	default:
		return nil
	}
}

// wait stops the parser if COPY ended first, waits for it and returns its
// stats and error (nil when it was stopped by COPY ending).
func (s *offerSource) wait() (pricing.ImportStats, error) {
	close(s.stop)
	for range s.rows {
	}
	<-s.done
	if errors.Is(s.err, errStopped) {
		return s.stats, nil
	}
	return s.stats, s.err
}
