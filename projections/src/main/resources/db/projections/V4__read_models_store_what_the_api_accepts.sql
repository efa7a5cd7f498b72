-- Every text the command API accepts (up to 20,000 characters, InputLimits) fits the read models: a value the API
-- takes must never stop a projection.
ALTER TABLE programme_board ALTER COLUMN title SET DATA TYPE VARCHAR(20000);
ALTER TABLE programme_expert ALTER COLUMN name SET DATA TYPE VARCHAR(20000);
ALTER TABLE programme_expert ALTER COLUMN expertise SET DATA TYPE VARCHAR(20000);
ALTER TABLE funding_entry ALTER COLUMN party SET DATA TYPE VARCHAR(20000);
ALTER TABLE funding_entry ALTER COLUMN description SET DATA TYPE VARCHAR(20000);
ALTER TABLE action_item ALTER COLUMN request SET DATA TYPE VARCHAR(20000);
ALTER TABLE action_item ALTER COLUMN document_reference SET DATA TYPE VARCHAR(20000);
ALTER TABLE decision_log ALTER COLUMN actor_id SET DATA TYPE VARCHAR(20000);
ALTER TABLE decision_log ALTER COLUMN rationale SET DATA TYPE VARCHAR(20000);
ALTER TABLE decision_log ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);
