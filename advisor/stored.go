package advisor

import (
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"strings"
	"time"
)

// StagedImport is a parsed inventory file waiting for confirmation.
// Problems and Stats are kept as the parser gave them (JSON).
type StagedImport struct {
	ID           string
	AssessmentID string
	CreatedAt    time.Time
	FileName     string
	Format       string
	Rows         []ImportRow
	Problems     json.RawMessage
	Stats        json.RawMessage
}

// Summary is one line of a session's list of assessments.
type Summary struct {
	ID           string
	Organization string
	Workloads    int
	UpdatedAt    time.Time
}

// Share is a read-only link to an assessment.
type Share struct {
	Token        string
	AssessmentID string
	CreatedAt    time.Time
	Revoked      bool
}

// NewID returns an unguessable id: 128 random bits in lower-case base32.
func NewID() string { return randomID(16) }

// NewToken returns a share link's secret: 256 random bits in lower-case
// base32 (52 characters).
func NewToken() string { return randomID(32) }

// randomID is n random bytes in lower-case base32 without padding.
func randomID(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}
