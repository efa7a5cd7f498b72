-- A rebuild done in one transaction outside the processor (ReadModelBulkRebuild) reports its own progress here, so
-- that every node can show it; outcome: null while it runs, then done, failed: … or refused: ….
ALTER TABLE read_model_rebuild ADD COLUMN method VARCHAR(20) DEFAULT 'processor' NOT NULL;
ALTER TABLE read_model_rebuild ADD COLUMN position BIGINT DEFAULT -1 NOT NULL;
ALTER TABLE read_model_rebuild ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE read_model_rebuild ADD COLUMN outcome VARCHAR(500);
-- The node doing it (as Axon's token store names owners): the others release their segments to it meanwhile.
ALTER TABLE read_model_rebuild ADD COLUMN node_id VARCHAR(255);
