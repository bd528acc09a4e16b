package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

const versionCols = `id, provider, scope, source, checksum, status, fetched_at, products, prices, skipped, stats, as_of_min, as_of_max`

func scanVersion(row interface{ Scan(...any) error }) (pricing.CatalogVersion, error) {
	var v pricing.CatalogVersion
	var fetched string
	err := row.Scan(&v.ID, &v.Provider, &v.Scope, &v.Source, &v.Checksum, &v.Status, &fetched, &v.Products,
		&v.Prices, &v.Skipped, &v.Stats, &v.AsOfMin, &v.AsOfMax)
	if err != nil {
		return v, err
	}
	v.FetchedAt, err = time.Parse(time.RFC3339, fetched)
	return v, err
}

func (db *Store) activeVersion(ctx context.Context, scope string) (pricing.CatalogVersion, error) {
	v, err := scanVersion(db.r.QueryRowContext(ctx, `SELECT `+versionCols+` FROM catalog_versions
		WHERE scope = ? AND status = 'active'`, scope))
	if errors.Is(err, sql.ErrNoRows) {
		return v, pricing.ErrNotFound
	}
	return v, err
}

// CatalogVersions lists every catalog version, newest first.
func (db *Store) CatalogVersions(ctx context.Context) ([]pricing.CatalogVersion, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+versionCols+` FROM catalog_versions
		WHERE status != 'building' ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list catalog versions: %w", err)
	}
	defer rows.Close()
	var out []pricing.CatalogVersion
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, fmt.Errorf("list catalog versions: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

const offerCols = `p.provider, p.service, p.provider_service, p.family, p.region, p.sku, p.name, p.os, p.vcpu,
	p.memory_gib, p.attributes, x.term, x.unit, x.amount, x.upfront, x.currency, x.tier_start, x.tier_end, x.as_of, x.source`

const offerFrom = ` FROM prices x JOIN products p ON p.id = x.product_id
	JOIN catalog_versions v ON v.id = p.version_id AND v.status = 'active'`

func where(f pricing.OfferFilter) (string, []any) {
	var conds []string
	var args []any
	eq := func(col, val string) {
		if val != "" {
			conds = append(conds, col+" = ?")
			args = append(args, val)
		}
	}
	// A fit query names the whole fit key and no SKU: the conditions go to the
	// copies on prices only, so that the planner walks prices_fit in price
	// order (migration 003) instead of every product of the region.
	size := "p."
	if key := f.FitKey(); key != "" {
		eq("x.fit_key", key)
		size = "x."
	} else {
		eq("p.provider", f.Provider)
		eq("p.service", string(f.Service))
		eq("p.region", f.Region)
		eq("p.sku", f.SKU)
		eq("p.os", f.OS)
	}
	eq("x.term", string(f.Term))
	if f.Name != "" {
		conds = append(conds, "LOWER(p.name) = LOWER(?)")
		args = append(args, f.Name)
	}
	if f.MinVCPU > 0 {
		conds = append(conds, size+"vcpu >= ?")
		args = append(args, f.MinVCPU)
	}
	if f.MinMemory > 0 {
		conds = append(conds, size+"memory_gib >= ?")
		args = append(args, f.MinMemory)
	}
	if len(f.Regions) > 0 {
		var ors []string
		for prov, reg := range f.Regions {
			ors = append(ors, "(p.provider = ? AND p.region = ?)")
			args = append(args, prov, reg)
		}
		ors = append(ors, "p.region = 'global'")
		conds = append(conds, "("+strings.Join(ors, " OR ")+")")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Offers returns the active offers matching the filter.
func (db *Store) Offers(ctx context.Context, f pricing.OfferFilter) ([]pricing.Offer, error) {
	q, args, err := OffersQuery(f)
	if err != nil {
		return nil, err
	}
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list offers: %w", err)
	}
	defer rows.Close()
	var out []pricing.Offer
	for rows.Next() {
		o, err := scanOffer(rows)
		if err != nil {
			return nil, fmt.Errorf("list offers: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// OffersQuery is the SQL of Offers, with ? placeholders, and its arguments.
func OffersQuery(f pricing.OfferFilter) (string, []any, error) {
	where, args := where(f)
	order := map[string]string{"": "x.sort_micros", "price": "x.sort_micros", "provider": "p.provider, p.name",
		"vcpu": "p.vcpu, p.memory_gib, x.sort_micros", "memory": "p.memory_gib, p.vcpu, x.sort_micros"}[f.OrderBy]
	if order == "" {
		return "", nil, fmt.Errorf("list offers: unknown order %q: %w", f.OrderBy, advisor.ErrInvalid)
	}
	q := `SELECT ` + offerCols + offerFrom + where + ` ORDER BY ` + order + `, p.provider, p.sku, x.term, x.tier_start`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	return q, args, nil
}

// CheapestFit returns the cheapest active offer of the service with at least
// the vCPU and memory asked for, or advisor.ErrNotFound.
func (db *Store) CheapestFit(ctx context.Context, f pricing.OfferFilter) (pricing.Offer, error) {
	f.OrderBy, f.Limit, f.Offset = "price", 1, 0
	offers, err := db.Offers(ctx, f)
	if err != nil {
		return pricing.Offer{}, err
	}
	if len(offers) == 0 {
		return pricing.Offer{}, fmt.Errorf("cheapest fit in %s %s: %w", f.Provider, f.Region, pricing.ErrNotFound)
	}
	return offers[0], nil
}

func scanOffer(rows *sql.Rows) (pricing.Offer, error) {
	var o pricing.Offer
	var attrs, amount, upfront, tierStart, asOf string
	var tierEnd sql.NullString
	err := rows.Scan(&o.Provider, &o.Service, &o.ProviderService, &o.Family, &o.Region, &o.SKU, &o.Name, &o.OS,
		&o.VCPU, &o.MemoryGiB, &attrs, &o.Term, &o.Unit, &amount, &upfront, &o.Currency, &tierStart, &tierEnd,
		&asOf, &o.Source)
	if err != nil {
		return o, err
	}
	if err := json.Unmarshal([]byte(attrs), &o.Attributes); err != nil {
		return o, fmt.Errorf("sku %s attributes: %w", o.SKU, err)
	}
	if len(o.Attributes) == 0 {
		o.Attributes = nil
	}
	for _, d := range []struct {
		s   string
		dst *decimal.Decimal
	}{{amount, &o.Amount}, {upfront, &o.Upfront}, {tierStart, &o.TierStart}, {tierEnd.String, &o.TierEnd}} {
		if d.s == "" {
			continue
		}
		if *d.dst, err = decimal.NewFromString(d.s); err != nil {
			return o, fmt.Errorf("sku %s price %q: %w", o.SKU, d.s, err)
		}
	}
	o.Unbounded = !tierEnd.Valid
	o.AsOf, err = time.Parse(time.DateOnly, asOf)
	return o, err
}

// ActiveCatalogKey names the set of active catalog versions; it changes
// whenever an import activates or retires a version, so a snapshot of the
// catalog taken under one key is current while the key is.
func (db *Store) ActiveCatalogKey(ctx context.Context) (string, error) {
	var key string
	err := db.r.QueryRowContext(ctx, db.d.ActiveKey).Scan(&key)
	if err != nil {
		return "", fmt.Errorf("active catalog versions: %w", err)
	}
	return key, nil
}
