-- An inventory file parsed and waiting for the user to confirm the preview.
-- Nothing of it touches the assessment until then; stale ones are pruned.
CREATE TABLE staged_imports (
	id            TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
	created_at    TEXT NOT NULL,
	file_name     TEXT NOT NULL,
	format        TEXT NOT NULL,
	rows          TEXT NOT NULL, -- JSON: []advisor.ImportRow
	problems      TEXT NOT NULL, -- JSON: the file's problems
	stats         TEXT NOT NULL  -- JSON: counts
) STRICT;
CREATE INDEX staged_imports_assessment ON staged_imports(assessment_id, created_at);
