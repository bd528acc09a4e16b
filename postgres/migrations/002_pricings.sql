-- The pricings of an assessment, as sqlite's migration 007: the catalog
-- versions its options were priced on and the recommended plan's totals
-- then. The row with the highest seq is the current pricing; the others are
-- its history, oldest first.
CREATE TABLE pricings (
	assessment_id text NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
	seq           integer NOT NULL,
	priced_at     text NOT NULL,
	snapshot      text NOT NULL,
	PRIMARY KEY (assessment_id, seq)
);
