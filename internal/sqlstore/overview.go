package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// AssessmentOverview returns the assessment for overview pages of large
// estates: the organisation and, per workload, its id, source, name, kind,
// size, recommended model and strategy, and only its recommended option (the
// others and the reasons are left out). It reads a fraction of what
// Assessment decodes; the result must not be saved back.
func (db *Store) AssessmentOverview(ctx context.Context, id string) (advisor.Assessment, error) {
	var a advisor.Assessment
	err := db.read(ctx, func(tx Tx) error {
		var created, updated, org string
		err := tx.QueryRowContext(ctx, `SELECT id, session_id, created_at, updated_at, organization, rules_version
			FROM assessments WHERE id = ?`, id).Scan(&a.ID, &a.SessionID, &created, &updated, &org, &a.RulesVersion)
		if errors.Is(err, sql.ErrNoRows) {
			return advisor.ErrNotFound
		}
		if err != nil {
			return err
		}
		a.CreatedAt, _ = time.Parse(timeFormat, created)
		a.UpdatedAt, _ = time.Parse(timeFormat, updated)
		if err := json.Unmarshal([]byte(org), &a.Organization); err != nil {
			return fmt.Errorf("decode organisation: %w", err)
		}
		if err := loadPricings(ctx, tx, &a); err != nil {
			return err
		}
		return db.loadOverview(ctx, tx, &a)
	})
	if err != nil {
		return a, fmt.Errorf("get assessment overview %s: %w", id, err)
	}
	return a, nil
}

func (db *Store) loadOverview(ctx context.Context, tx Tx, a *advisor.Assessment) error {
	quotes, err := loadQuotes(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, `+db.d.JSON("workload", "kind")+`,
		`+db.d.JSON("workload", "instances")+`, `+db.d.JSON("workload", "vcpu")+`, `+db.d.JSON("workload", "memory_gib")+`,
		`+db.d.JSON("recommendation", "model")+`, `+db.d.JSON("recommendation", "strategy")+`,
		source_key, grp, tags, flags, quote, recommended, egress_from, options
		FROM workloads WHERE assessment_id = ? ORDER BY position`, a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var aw advisor.Assessed
		var tags, flags, quote, inline string
		var rec, from int
		w := &aw.Workload
		if err := rows.Scan(&aw.ID, &w.Name, &w.Kind, &w.Instances, &w.VCPU, &w.MemoryGiB, &aw.Recommendation.Model,
			&aw.Recommendation.Strategy, &aw.Source.Key, &aw.Source.Group, &tags, &flags, &quote, &rec, &from,
			&inline); err != nil {
			return err
		}
		if err := unmarshal(tags, &aw.Source.Tags, flags, &aw.Source.Flags); err != nil {
			return err
		}
		opts := quotes[quote]
		if quote == "" {
			if err := json.Unmarshal([]byte(inline), &opts); err != nil {
				return fmt.Errorf("decode stored options: %w", err)
			}
			rec = -1
			for i, o := range opts {
				if o.Recommended {
					rec = i
				}
			}
		}
		if rec >= 0 && rec < len(opts) {
			o := opts[rec]
			o.Recommended = true
			aw.Options = []pricing.Option{o}
			restate(aw.Options, from)
		}
		a.Workloads = append(a.Workloads, aw)
	}
	return rows.Err()
}
