-- Workloads of the same shape share their priced options: each distinct set
-- is stored once per assessment, keyed by its content hash, and a workload
-- names the set and which option of it is recommended. Rows saved before
-- keep their options inline (quote = '').
CREATE TABLE quotes (
	assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
	hash          TEXT NOT NULL,
	options       TEXT NOT NULL,
	PRIMARY KEY (assessment_id, hash)
) STRICT;
ALTER TABLE workloads ADD COLUMN quote TEXT NOT NULL DEFAULT '';
ALTER TABLE workloads ADD COLUMN recommended INTEGER NOT NULL DEFAULT -1;

-- Where an imported workload came from: a stable key to recognise it when
-- the same inventory is imported again, its group (folder, cluster,
-- application) and tags, and flags such as powered_off.
ALTER TABLE workloads ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE workloads ADD COLUMN grp TEXT NOT NULL DEFAULT '';
ALTER TABLE workloads ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE workloads ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
CREATE INDEX workloads_source_key ON workloads(assessment_id, source_key) WHERE source_key != '';
