-- Workloads get a stable id within their assessment, so that editing,
-- duplicating and removing one does not depend on its position.
ALTER TABLE workloads ADD COLUMN id TEXT NOT NULL DEFAULT '';
UPDATE workloads SET id = 'w' || position WHERE id = '';
CREATE UNIQUE INDEX workloads_id ON workloads(assessment_id, id);
