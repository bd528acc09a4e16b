-- A workload's own earlier estate egress, restated in the options of the
-- quote it shares, as sqlite's migration 008. 0 keeps the options as stored.
ALTER TABLE workloads ADD COLUMN egress_from integer NOT NULL DEFAULT 0;
