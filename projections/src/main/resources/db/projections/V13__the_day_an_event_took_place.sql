-- The day a decision took place when it was recorded later (the command's Took-Place-On), beside occurred_at, the
-- recording time. Events recorded before this have none.
ALTER TABLE decision_log ADD COLUMN took_place_on DATE;
