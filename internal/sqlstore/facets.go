package sqlstore

import (
	"context"
	"fmt"

	"cloudadvisor/pricing"
)

// CatalogFacets lists the providers, services and regions of the active catalog.
func (db *Store) CatalogFacets(ctx context.Context) (pricing.Facets, error) {
	var f pricing.Facets
	for _, q := range []struct {
		col string
		dst *[]string
	}{{"provider", &f.Providers}, {"service", &f.Services}, {"region", &f.Regions}} {
		rows, err := db.r.QueryContext(ctx, `SELECT DISTINCT p.`+q.col+` FROM products p
			JOIN catalog_versions v ON v.id = p.version_id AND v.status = 'active' ORDER BY 1`)
		if err != nil {
			return f, fmt.Errorf("catalog facets: %w", err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return f, err
			}
			*q.dst = append(*q.dst, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return f, err
		}
	}
	return f, nil
}

// CountOffers counts the active offers matching the filter (ignoring its limit).
func (db *Store) CountOffers(ctx context.Context, f pricing.OfferFilter) (int, error) {
	where, args := where(f)
	var n int
	err := db.r.QueryRowContext(ctx, `SELECT count(*)`+offerFrom+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count offers: %w", err)
	}
	return n, nil
}
