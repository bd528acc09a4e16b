-- Read-only share links. The token is the link's only secret (256 random
-- bits); revoking keeps the row so that the link answers 410 Gone, not 404.
CREATE TABLE shares (
	token         TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
	created_at    TEXT NOT NULL,
	revoked_at    TEXT             -- NULL while the link works
) STRICT;
CREATE INDEX shares_assessment ON shares(assessment_id, created_at);
