-- Workloads of one egress tier share a quote whose options state, in their
-- tiers_shared notes, the egress of the estate's workloads priced before
-- them: each workload keeps its own amount here, restated when it is read
-- (pricing.WithEgressFrom). 0 keeps the options as stored.
ALTER TABLE workloads ADD COLUMN egress_from INTEGER NOT NULL DEFAULT 0;
