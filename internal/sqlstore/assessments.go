package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// CreateAssessment stores an assessment and all its workloads in one
// transaction, giving it a new id and timestamps.
func (db *Store) CreateAssessment(ctx context.Context, a *advisor.Assessment) error {
	a.ID = advisor.NewID()
	a.CreatedAt = db.now().UTC().Truncate(time.Millisecond)
	a.UpdatedAt = a.CreatedAt
	err := db.write(ctx, func(tx Tx) error {
		var owned int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM assessments WHERE session_id = ?`,
			a.SessionID).Scan(&owned); err != nil {
			return err
		}
		if owned >= db.quota.Assessments {
			return &advisor.QuotaError{What: "assessments", Limit: int64(db.quota.Assessments)}
		}
		orgIn, err := json.Marshal(a.OrgInput)
		if err != nil {
			return err
		}
		org, err := json.Marshal(a.Organization)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO assessments (id, session_id, created_at, updated_at,
			org_input, organization, rules_version) VALUES (?, ?, ?, ?, ?, ?, ?)`, a.ID, a.SessionID,
			a.CreatedAt.Format(timeFormat), a.UpdatedAt.Format(timeFormat), string(orgIn), string(org), a.RulesVersion); err != nil {
			return err
		}
		if err := writePricings(ctx, tx, a); err != nil {
			return err
		}
		return db.insertWorkloads(ctx, tx, a)
	})
	if err != nil {
		return fmt.Errorf("create assessment: %w", err)
	}
	return nil
}

func (db *Store) insertWorkloads(ctx context.Context, tx Tx, a *advisor.Assessment) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM quotes WHERE assessment_id = ?`, a.ID); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO workloads (assessment_id, position, id, name, input, workload,
		recommendation, options, quote, recommended, egress_from, source_key, grp, tags, flags)
		VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	quotes := quoteWriter{ctx: ctx, tx: tx, id: a.ID, seen: map[string]bool{}, keys: map[string]string{}, cache: &db.quotes}
	for i := range a.Workloads {
		w := &a.Workloads[i]
		if w.ID == "" {
			w.ID = advisor.NewID()[:10]
		}
		hash, rec, err := quotes.put(w.QuoteKey, w.Options)
		if err != nil {
			return fmt.Errorf("workload %d: %w", i, err)
		}
		vals := []any{a.ID, i, w.ID, w.Workload.Name}
		for _, c := range []any{w.Input, w.Workload, w.Recommendation} {
			b, err := json.Marshal(c)
			if err != nil {
				return fmt.Errorf("workload %d: %w", i, err)
			}
			vals = append(vals, string(b))
		}
		tags, _ := json.Marshal(nonNil(w.Source.Tags))
		flags, _ := json.Marshal(nonNil(w.Source.Flags))
		vals = append(vals, hash, rec, egressFrom(*w), w.Source.Key, w.Source.Group, string(tags), string(flags))
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return fmt.Errorf("workload %d: %w", i, err)
		}
	}
	return nil
}

// egressFrom is the estate's earlier egress to restate in the options of
// the workload's quote when it is read: another workload of its quote key
// may have stored them with its own (see advisor.Assessed.QuoteKey); 0 keeps
// them as stored.
func egressFrom(w advisor.Assessed) int {
	if w.QuoteKey == "" {
		return 0
	}
	return max(w.Estate.EgressBeforeGB, 0)
}

// restate gives options read from a quote the workload's own earlier estate
// egress, as egressFrom kept it.
func restate(opts []pricing.Option, from int) {
	if from > 0 {
		pricing.WithEgressFrom(opts, from)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// quoteWriter stores each distinct set of options once per assessment.
type quoteWriter struct {
	ctx   context.Context
	tx    Tx
	id    string
	seen  map[string]bool
	keys  map[string]string // quote key -> content hash
	cache *quoteCache       // keeps what it stores, decoded
}

// put stores the options (with no option marked recommended) under their
// content hash and returns the hash and the index of the recommended option.
// Options with a quote key seen before are not encoded again.
func (q *quoteWriter) put(key string, opts []pricing.Option) (string, int, error) {
	rec := -1
	for i, o := range opts {
		if o.Recommended {
			rec = i
		}
	}
	if h, ok := q.keys[key]; ok && key != "" {
		return h, rec, nil
	}
	plain := make([]pricing.Option, len(opts))
	for i, o := range opts {
		o.Recommended = false
		plain[i] = o
	}
	b, err := json.Marshal(plain)
	if err != nil {
		return "", 0, err
	}
	sum := sha256.Sum256(b)
	hash := hex.EncodeToString(sum[:16])
	if !q.seen[hash] {
		if _, err := q.tx.ExecContext(q.ctx, `INSERT INTO quotes (assessment_id, hash, options) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`,
			q.id, hash, string(b)); err != nil {
			return "", 0, err
		}
		q.seen[hash] = true
		q.cache.put(hash, plain, len(b))
	}
	if key != "" {
		q.keys[key] = hash
	}
	return hash, rec, nil
}

// Assessment returns the assessment with its workloads, or advisor.ErrNotFound.
func (db *Store) Assessment(ctx context.Context, id string) (advisor.Assessment, error) {
	var a advisor.Assessment
	var updated string
	hit := false
	err := db.read(ctx, func(tx Tx) error {
		// The update time read in the same snapshot decides whether a cached
		// copy is current.
		if err := tx.QueryRowContext(ctx, `SELECT updated_at FROM assessments WHERE id = ?`, id).Scan(&updated); err == nil {
			if a, hit = db.cache.get(id, updated); hit {
				return nil
			}
		}
		if err := loadAssessment(ctx, tx, &a, id); err != nil {
			return err
		}
		quotes, err := db.loadQuotes(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		a.Workloads, err = loadWorkloads(ctx, tx, a.ID, quotes, 0, -1)
		return err
	})
	if err != nil {
		return a, fmt.Errorf("get assessment %s: %w", id, err)
	}
	if !hit {
		db.cache.put(id, updated, a)
	}
	return a, nil
}

// AssessmentSession returns the session that owns the assessment, or
// advisor.ErrNotFound: an owner check that reads nothing else, so that a
// request of another session costs as little for an estate of 50,000
// workloads as for one.
func (db *Store) AssessmentSession(ctx context.Context, id string) (string, error) {
	var sid string
	err := db.r.QueryRowContext(ctx, `SELECT session_id FROM assessments WHERE id = ?`, id).Scan(&sid)
	if errors.Is(err, sql.ErrNoRows) {
		err = advisor.ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("get assessment owner %s: %w", id, err)
	}
	return sid, nil
}

// loadAssessment reads the assessment's own row and pricings, without its
// workloads.
func loadAssessment(ctx context.Context, tx Tx, a *advisor.Assessment, id string) error {
	var created, updated, orgIn, org string
	err := tx.QueryRowContext(ctx, `SELECT id, session_id, created_at, updated_at, org_input, organization,
		rules_version FROM assessments WHERE id = ?`, id).Scan(&a.ID, &a.SessionID, &created, &updated,
		&orgIn, &org, &a.RulesVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return advisor.ErrNotFound
	}
	if err != nil {
		return err
	}
	a.CreatedAt, _ = time.Parse(timeFormat, created)
	a.UpdatedAt, _ = time.Parse(timeFormat, updated)
	if err := unmarshal(orgIn, &a.OrgInput, org, &a.Organization); err != nil {
		return err
	}
	return loadPricings(ctx, tx, a)
}

// loadWorkloads reads in full limit workloads (all when negative) from
// position offset on.
func loadWorkloads(ctx context.Context, tx Tx, id string, quotes map[string][]pricing.Option, offset, limit int) ([]advisor.Assessed, error) {
	q, args := `SELECT id, input, workload, recommendation, options, quote, recommended, egress_from, source_key,
		grp, tags, flags FROM workloads WHERE assessment_id = ? ORDER BY position`, []any{id}
	if limit >= 0 {
		q, args = q+` LIMIT ? OFFSET ?`, append(args, limit, offset)
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []advisor.Assessed
	for rows.Next() {
		var in, w, rec, opts, quote, tags, flags string
		var recommended int
		var aw advisor.Assessed
		if err := rows.Scan(&aw.ID, &in, &w, &rec, &opts, &quote, &recommended, &aw.Estate.EgressBeforeGB,
			&aw.Source.Key, &aw.Source.Group, &tags, &flags); err != nil {
			return nil, err
		}
		if err := unmarshal(in, &aw.Input, w, &aw.Workload, rec, &aw.Recommendation, tags, &aw.Source.Tags,
			flags, &aw.Source.Flags); err != nil {
			return nil, err
		}
		if aw.Options, err = optionsOf(quotes, quote, opts, recommended, aw.Estate.EgressBeforeGB); err != nil {
			return nil, err
		}
		if quote != "" {
			aw.QuoteKey = "stored:" + quote
		}
		out = append(out, aw)
	}
	return out, rows.Err()
}

// optionsOf is a workload's options as stored: its quote's, restated with
// its earlier estate egress and the recommended one marked, or else its own
// inline ones (rows saved before quotes).
func optionsOf(quotes map[string][]pricing.Option, quote, inline string, recommended, from int) ([]pricing.Option, error) {
	if quote == "" {
		var opts []pricing.Option
		if err := json.Unmarshal([]byte(inline), &opts); err != nil {
			return nil, fmt.Errorf("decode stored options: %w", err)
		}
		return opts, nil
	}
	opts := slices.Clone(quotes[quote])
	restate(opts, from)
	if recommended >= 0 && recommended < len(opts) {
		opts[recommended].Recommended = true
	}
	return opts, nil
}

// loadQuotes decodes each distinct set of options of the assessment once,
// or takes it decoded from the quote cache.
func (db *Store) loadQuotes(ctx context.Context, tx Tx, id string) (map[string][]pricing.Option, error) {
	rows, err := tx.QueryContext(ctx, `SELECT hash, options FROM quotes WHERE assessment_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]pricing.Option{}
	for rows.Next() {
		var hash string
		var opts sql.RawBytes
		if err := rows.Scan(&hash, &opts); err != nil {
			return nil, err
		}
		o, ok := db.quotes.get(hash)
		if !ok {
			if err := json.Unmarshal(opts, &o); err != nil {
				return nil, fmt.Errorf("decode stored options: %w", err)
			}
			db.quotes.put(hash, o, len(opts))
		}
		out[hash] = o
	}
	return out, rows.Err()
}

// unmarshal decodes pairs of JSON text and destination.
func unmarshal(pairs ...any) error {
	for i := 0; i < len(pairs); i += 2 {
		if err := json.Unmarshal([]byte(pairs[i].(string)), pairs[i+1]); err != nil {
			return fmt.Errorf("decode stored column: %w", err)
		}
	}
	return nil
}

// UpdateAssessment replaces the organisation and every workload of an
// assessment in one transaction. It returns advisor.ErrConflict when the
// assessment changed since it was read (its UpdatedAt differs), so two tabs
// cannot silently overwrite each other, and ErrNotFound when it is gone.
func (db *Store) UpdateAssessment(ctx context.Context, a *advisor.Assessment) error {
	return db.updateWith(ctx, a, nil)
}

// updateWith updates the assessment and runs also (when not nil) in the same
// transaction.
func (db *Store) updateWith(ctx context.Context, a *advisor.Assessment, also func(Tx) error) error {
	read := a.UpdatedAt
	now := db.now().UTC().Truncate(time.Millisecond)
	if !now.After(read) {
		now = read.Add(time.Millisecond)
	}
	err := db.write(ctx, func(tx Tx) error {
		var current string
		err := tx.QueryRowContext(ctx, `SELECT updated_at FROM assessments WHERE id = ?`, a.ID).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			return advisor.ErrNotFound
		}
		if err != nil {
			return err
		}
		if current != read.Format(timeFormat) {
			return advisor.ErrConflict
		}
		orgIn, err := json.Marshal(a.OrgInput)
		if err != nil {
			return err
		}
		org, err := json.Marshal(a.Organization)
		if err != nil {
			return err
		}
		// The read time is checked again by the update itself: a concurrent
		// update (another instance, on PostgreSQL) that committed since the
		// check above leaves no row to update.
		res, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ?, org_input = ?, organization = ?,
			rules_version = ? WHERE id = ? AND updated_at = ?`, now.Format(timeFormat), string(orgIn), string(org),
			a.RulesVersion, a.ID, current)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return cmpErr(err, advisor.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM workloads WHERE assessment_id = ?`, a.ID); err != nil {
			return err
		}
		if err := db.insertWorkloads(ctx, tx, a); err != nil {
			return err
		}
		if err := writePricings(ctx, tx, a); err != nil {
			return err
		}
		if also != nil {
			return also(tx)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update assessment %s: %w", a.ID, err)
	}
	a.UpdatedAt = now
	return nil
}

// Assessments lists the session's assessments, most recently changed first.
func (db *Store) Assessments(ctx context.Context, sessionID string) ([]advisor.Summary, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT a.id, `+db.d.JSON("a.organization", "name")+`, a.updated_at,
		(SELECT count(*) FROM workloads w WHERE w.assessment_id = a.id)
		FROM assessments a WHERE a.session_id = ? ORDER BY a.updated_at DESC LIMIT 100`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	defer rows.Close()
	var out []advisor.Summary
	for rows.Next() {
		var s advisor.Summary
		var updated string
		if err := rows.Scan(&s.ID, &s.Organization, &updated, &s.Workloads); err != nil {
			return nil, fmt.Errorf("list assessments: %w", err)
		}
		s.UpdatedAt, _ = time.Parse(timeFormat, updated)
		out = append(out, s)
	}
	return out, rows.Err()
}
