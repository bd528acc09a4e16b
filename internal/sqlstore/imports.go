package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"cloudadvisor/advisor"
)

// stagedTTL is how long an unconfirmed import is kept.
const stagedTTL = 24 * time.Hour

// StageImport keeps a parsed file for its preview, giving it a new id, and
// drops staged imports older than a day.
func (db *Store) StageImport(ctx context.Context, s *advisor.StagedImport) error {
	s.ID = advisor.NewID()
	s.CreatedAt = db.now().UTC().Truncate(time.Millisecond)
	rows, err := json.Marshal(s.Rows)
	if err != nil {
		return err
	}
	err = db.write(ctx, func(tx Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM staged_imports WHERE created_at < ?`,
			s.CreatedAt.Add(-stagedTTL).Format(timeFormat)); err != nil {
			return err
		}
		size := int64(len(rows) + len(s.Problems) + len(s.Stats))
		if err := db.stagedQuota(ctx, tx, s.AssessmentID, size); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO staged_imports (id, assessment_id, created_at, file_name, format,
			rows, problems, stats) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, s.ID, s.AssessmentID, s.CreatedAt.Format(timeFormat),
			s.FileName, s.Format, string(rows), string(orEmpty(s.Problems, "[]")), string(orEmpty(s.Stats, "{}")))
		return err
	})
	if err != nil {
		return fmt.Errorf("stage import: %w", err)
	}
	return nil
}

func orEmpty(b json.RawMessage, def string) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage(def)
	}
	return b
}

// StagedImport returns a staged import of the assessment, or ErrNotFound.
func (db *Store) StagedImport(ctx context.Context, assessmentID, id string) (advisor.StagedImport, error) {
	s := advisor.StagedImport{ID: id, AssessmentID: assessmentID}
	var created, rows, problems, stats string
	err := db.r.QueryRowContext(ctx, `SELECT created_at, file_name, format, rows, problems, stats FROM staged_imports
		WHERE id = ? AND assessment_id = ?`, id, assessmentID).Scan(&created, &s.FileName, &s.Format, &rows, &problems, &stats)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("staged import %s: %w", id, advisor.ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("staged import %s: %w", id, err)
	}
	s.CreatedAt, _ = time.Parse(timeFormat, created)
	s.Problems, s.Stats = json.RawMessage(problems), json.RawMessage(stats)
	if err := json.Unmarshal([]byte(rows), &s.Rows); err != nil {
		return s, fmt.Errorf("staged import %s rows: %w", id, err)
	}
	return s, nil
}

// ConfirmImport saves the assessment the staged import was merged into and
// deletes the staged import, in one transaction.
func (db *Store) ConfirmImport(ctx context.Context, a *advisor.Assessment, stagedID string) error {
	return db.updateWith(ctx, a, func(tx Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM staged_imports WHERE id = ? AND assessment_id = ?`, stagedID, a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("staged import %s was already confirmed: %w", stagedID, advisor.ErrConflict)
		}
		return nil
	})
}

// stagedQuota refuses to stage size more bytes when the assessment's session
// (all its assessments together) or every session together would pass its
// limit. Sizes are the stored texts' lengths in characters, which for this
// JSON is close to its bytes.
func (db *Store) stagedQuota(ctx context.Context, tx Tx, assessmentID string, size int64) error {
	var session, total int64
	err := tx.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN a.session_id = (SELECT session_id FROM assessments WHERE id = ?)
			THEN LENGTH(s.rows) + LENGTH(s.problems) + LENGTH(s.stats) ELSE 0 END), 0),
		COALESCE(SUM(LENGTH(s.rows) + LENGTH(s.problems) + LENGTH(s.stats)), 0)
		FROM staged_imports s JOIN assessments a ON a.id = s.assessment_id`, assessmentID).Scan(&session, &total)
	if err != nil {
		return err
	}
	switch {
	case total+size > db.quota.StagedBytesTotal:
		return &advisor.QuotaError{What: "staged_total", Limit: db.quota.StagedBytesTotal}
	case session+size > db.quota.StagedBytesPerSession:
		return &advisor.QuotaError{What: "staged_bytes", Limit: db.quota.StagedBytesPerSession}
	}
	return nil
}
