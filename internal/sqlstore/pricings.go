package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// writePricings replaces the stored pricings of the assessment with its
// history (oldest first) followed by its current pricing, when recorded.
func writePricings(ctx context.Context, tx Tx, a *advisor.Assessment) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM pricings WHERE assessment_id = ?`, a.ID); err != nil {
		return err
	}
	all := a.PricingHistory
	if !a.Pricing.IsZero() {
		all = append(all[:len(all):len(all)], a.Pricing)
	}
	for i, p := range all {
		b, err := json.Marshal(p)
		if err != nil {
			return fmt.Errorf("pricing %d: %w", i, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pricings (assessment_id, seq, priced_at, snapshot)
			VALUES (?, ?, ?, ?)`, a.ID, i, p.PricedAt.UTC().Format(timeFormat), string(b)); err != nil {
			return fmt.Errorf("pricing %d: %w", i, err)
		}
	}
	return nil
}

// loadPricings reads the assessment's pricings: the last is the current one,
// the others its history.
func loadPricings(ctx context.Context, tx Tx, a *advisor.Assessment) error {
	rows, err := tx.QueryContext(ctx, `SELECT snapshot FROM pricings WHERE assessment_id = ? ORDER BY seq`, a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var all []pricing.Snapshot
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return err
		}
		var p pricing.Snapshot
		if err := json.Unmarshal([]byte(text), &p); err != nil {
			return fmt.Errorf("decode stored pricing: %w", err)
		}
		all = append(all, p)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	a.Pricing, a.PricingHistory = pricing.Snapshot{}, nil
	if n := len(all); n > 0 {
		a.Pricing = all[n-1]
		if n > 1 {
			a.PricingHistory = all[:n-1]
		}
	}
	return nil
}
