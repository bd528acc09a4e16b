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
		quotes, err := db.loadQuotes(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		a.Workloads, err = db.loadOverview(ctx, tx, a.ID, quotes, false)
		return err
	})
	if err != nil {
		return a, fmt.Errorf("get assessment overview %s: %w", id, err)
	}
	return a, nil
}

// AssessmentPage returns the assessment for its result page, which shows
// the workloads at positions from to to-1 in full and totals over every
// workload: those are read in full, the others with their id, name,
// source, recommended model and strategy and all their options. The result
// must not be saved back.
func (db *Store) AssessmentPage(ctx context.Context, id string, from, to int) (advisor.Assessment, error) {
	var a advisor.Assessment
	err := db.read(ctx, func(tx Tx) error {
		if err := loadAssessment(ctx, tx, &a, id); err != nil {
			return err
		}
		quotes, err := db.loadQuotes(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if a.Workloads, err = db.loadOverview(ctx, tx, a.ID, quotes, true); err != nil {
			return err
		}
		from, to = min(max(from, 0), len(a.Workloads)), min(max(to, from), len(a.Workloads))
		full, err := loadWorkloads(ctx, tx, a.ID, quotes, from, to-from)
		if err != nil {
			return err
		}
		copy(a.Workloads[from:to], full)
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("get assessment page %s: %w", id, err)
	}
	return a, nil
}

// loadOverview reads every workload's id, source, name, recommended model
// and strategy, and either only its recommended option, with its kind and
// size, or all its options.
func (db *Store) loadOverview(ctx context.Context, tx Tx, id string, quotes map[string][]pricing.Option, all bool) ([]advisor.Assessed, error) {
	size := db.d.JSON("workload", "kind") + `, ` + db.d.JSON("workload", "instances") + `, ` +
		db.d.JSON("workload", "vcpu") + `, ` + db.d.JSON("workload", "memory_gib")
	if all {
		size = `'', 0, 0, 0` // totals need no kind or size: not parsing the workload saves a quarter of the read
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, name, `+size+`,
		`+db.d.JSON("recommendation", "model")+`, `+db.d.JSON("recommendation", "strategy")+`,
		source_key, grp, tags, flags, quote, recommended, egress_from, options
		FROM workloads WHERE assessment_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []advisor.Assessed
	for rows.Next() {
		var aw advisor.Assessed
		var tags, flags, quote, inline string
		var rec, from int
		w := &aw.Workload
		if err := rows.Scan(&aw.ID, &w.Name, &w.Kind, &w.Instances, &w.VCPU, &w.MemoryGiB, &aw.Recommendation.Model,
			&aw.Recommendation.Strategy, &aw.Source.Key, &aw.Source.Group, &tags, &flags, &quote, &rec, &from,
			&inline); err != nil {
			return nil, err
		}
		if err := unmarshal(tags, &aw.Source.Tags, flags, &aw.Source.Flags); err != nil {
			return nil, err
		}
		if all {
			opts, err := optionsOf(quotes, quote, inline, rec, from)
			if err != nil {
				return nil, err
			}
			aw.Options = opts
		} else if err := recommendedOf(&aw, quotes, quote, inline, rec, from); err != nil {
			return nil, err
		}
		out = append(out, aw)
	}
	return out, rows.Err()
}

// recommendedOf sets the workload's options to its recommended one alone,
// as optionsOf would give it, without copying the others.
func recommendedOf(aw *advisor.Assessed, quotes map[string][]pricing.Option, quote, inline string, rec, from int) error {
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
	return nil
}
