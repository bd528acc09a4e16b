package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"cloudadvisor/advisor"
)

// CreateShare makes a new share link to an assessment.
func (db *Store) CreateShare(ctx context.Context, assessmentID string) (advisor.Share, error) {
	sh := advisor.Share{Token: advisor.NewToken(), AssessmentID: assessmentID, CreatedAt: db.now().UTC().Truncate(time.Millisecond)}
	err := db.write(ctx, func(tx Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO shares (token, assessment_id, created_at) VALUES (?, ?, ?)`,
			sh.Token, sh.AssessmentID, sh.CreatedAt.Format(timeFormat))
		return err
	})
	if err != nil {
		return advisor.Share{}, fmt.Errorf("create share of %s: %w", assessmentID, err)
	}
	return sh, nil
}

// advisor.Share returns the share with the token, revoked or not, or advisor.ErrNotFound.
func (db *Store) Share(ctx context.Context, token string) (advisor.Share, error) {
	var sh advisor.Share
	var created string
	var revoked sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT token, assessment_id, created_at, revoked_at FROM shares WHERE token = ?`,
		token).Scan(&sh.Token, &sh.AssessmentID, &created, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return sh, fmt.Errorf("get share: %w", advisor.ErrNotFound)
	}
	if err != nil {
		return sh, fmt.Errorf("get share: %w", err)
	}
	sh.CreatedAt, _ = time.Parse(timeFormat, created)
	sh.Revoked = revoked.Valid
	return sh, nil
}

// Shares lists the active share links of an assessment, oldest first.
func (db *Store) Shares(ctx context.Context, assessmentID string) ([]advisor.Share, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT token, created_at FROM shares
		WHERE assessment_id = ? AND revoked_at IS NULL ORDER BY created_at, token`, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("list shares of %s: %w", assessmentID, err)
	}
	defer rows.Close()
	var out []advisor.Share
	for rows.Next() {
		sh := advisor.Share{AssessmentID: assessmentID}
		var created string
		if err := rows.Scan(&sh.Token, &created); err != nil {
			return nil, fmt.Errorf("list shares of %s: %w", assessmentID, err)
		}
		sh.CreatedAt, _ = time.Parse(timeFormat, created)
		out = append(out, sh)
	}
	return out, rows.Err()
}

// RevokeShare stops a share link of the assessment from working. It returns
// advisor.ErrNotFound when the assessment has no active link with the token.
func (db *Store) RevokeShare(ctx context.Context, assessmentID, token string) error {
	err := db.write(ctx, func(tx Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE shares SET revoked_at = ? WHERE token = ? AND assessment_id = ?
			AND revoked_at IS NULL`, db.now().UTC().Format(timeFormat), token, assessmentID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmpErr(err, advisor.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("revoke share of %s: %w", assessmentID, err)
	}
	return nil
}

func cmpErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}
