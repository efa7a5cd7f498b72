-- An auditor may cancel a rebuild in bulk (DELETE /api/admin/rebuild) on any node: the node that rebuilds reads who
-- asked at its next chunk, rolls its transaction back and records the outcome.
ALTER TABLE read_model_rebuild ADD COLUMN cancelled_by VARCHAR;
