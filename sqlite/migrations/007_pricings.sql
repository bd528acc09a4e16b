-- The pricings of an assessment: the catalog versions its options were
-- priced on and the recommended plan's totals then. The row with the highest
-- seq is the current pricing; the others are its history, oldest first.
CREATE TABLE pricings (
	assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,
	priced_at     TEXT NOT NULL,
	snapshot      TEXT NOT NULL, -- JSON: pricing.Snapshot
	PRIMARY KEY (assessment_id, seq)
) STRICT;
