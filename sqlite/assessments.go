package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"cloudadvisor/advisor"
)

// timeFormat stores times in UTC with milliseconds; it sorts as text.
const timeFormat = "2006-01-02T15:04:05.000Z"

// NewID returns an unguessable id: 128 random bits in lower-case base32.
func NewID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// CreateAssessment stores an assessment and all its workloads in one
// transaction, giving it a new id and timestamps.
func (db *DB) CreateAssessment(ctx context.Context, a *advisor.Assessment) error {
	a.ID = NewID()
	a.CreatedAt = db.now().UTC().Truncate(time.Millisecond)
	a.UpdatedAt = a.CreatedAt
	err := db.write(ctx, func(tx *sql.Tx) error {
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
		return insertWorkloads(ctx, tx, a)
	})
	if err != nil {
		return fmt.Errorf("create assessment: %w", err)
	}
	return nil
}

func insertWorkloads(ctx context.Context, tx *sql.Tx, a *advisor.Assessment) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO workloads (assessment_id, position, id, name, input, workload,
		recommendation, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range a.Workloads {
		w := &a.Workloads[i]
		if w.ID == "" {
			w.ID = NewID()[:10]
		}
		cols := []any{w.Input, w.Workload, w.Recommendation, w.Options}
		vals := make([]any, 0, 8)
		vals = append(vals, a.ID, i, w.ID, w.Workload.Name)
		for _, c := range cols {
			b, err := json.Marshal(c)
			if err != nil {
				return fmt.Errorf("workload %d: %w", i, err)
			}
			vals = append(vals, string(b))
		}
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return fmt.Errorf("workload %d: %w", i, err)
		}
	}
	return nil
}

// Assessment returns the assessment with its workloads, or advisor.ErrNotFound.
func (db *DB) Assessment(ctx context.Context, id string) (advisor.Assessment, error) {
	var a advisor.Assessment
	err := db.read(ctx, func(tx *sql.Tx) error {
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
		return loadWorkloads(ctx, tx, &a)
	})
	if err != nil {
		return a, fmt.Errorf("get assessment %s: %w", id, err)
	}
	return a, nil
}

func loadWorkloads(ctx context.Context, tx *sql.Tx, a *advisor.Assessment) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, input, workload, recommendation, options FROM workloads
		WHERE assessment_id = ? ORDER BY position`, a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var in, w, rec, opts string
		var aw advisor.Assessed
		if err := rows.Scan(&aw.ID, &in, &w, &rec, &opts); err != nil {
			return err
		}
		if err := unmarshal(in, &aw.Input, w, &aw.Workload, rec, &aw.Recommendation, opts, &aw.Options); err != nil {
			return err
		}
		a.Workloads = append(a.Workloads, aw)
	}
	return rows.Err()
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
func (db *DB) UpdateAssessment(ctx context.Context, a *advisor.Assessment) error {
	read := a.UpdatedAt
	now := db.now().UTC().Truncate(time.Millisecond)
	if !now.After(read) {
		now = read.Add(time.Millisecond)
	}
	err := db.write(ctx, func(tx *sql.Tx) error {
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
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ?, org_input = ?, organization = ?,
			rules_version = ? WHERE id = ?`, now.Format(timeFormat), string(orgIn), string(org), a.RulesVersion, a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM workloads WHERE assessment_id = ?`, a.ID); err != nil {
			return err
		}
		return insertWorkloads(ctx, tx, a)
	})
	if err != nil {
		return fmt.Errorf("update assessment %s: %w", a.ID, err)
	}
	a.UpdatedAt = now
	return nil
}

// Summary is one line of a session's list of assessments.
type Summary struct {
	ID           string
	Organization string
	Workloads    int
	UpdatedAt    time.Time
}

// Assessments lists the session's assessments, most recently changed first.
func (db *DB) Assessments(ctx context.Context, sessionID string) ([]Summary, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT a.id, json_extract(a.organization, '$.name'), a.updated_at,
		(SELECT count(*) FROM workloads w WHERE w.assessment_id = a.id)
		FROM assessments a WHERE a.session_id = ? ORDER BY a.updated_at DESC LIMIT 100`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("list assessments: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var s Summary
		var updated string
		if err := rows.Scan(&s.ID, &s.Organization, &updated, &s.Workloads); err != nil {
			return nil, fmt.Errorf("list assessments: %w", err)
		}
		s.UpdatedAt, _ = time.Parse(timeFormat, updated)
		out = append(out, s)
	}
	return out, rows.Err()
}
