-- The nodes that run the read-models processor, so that they share its segments fairly (ReadModelWorkers).
CREATE TABLE engine_node (
    node_id VARCHAR(255) NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
