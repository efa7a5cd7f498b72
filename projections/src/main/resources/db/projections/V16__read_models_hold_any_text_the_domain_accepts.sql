-- Every character column of the read models is unbounded: the domain alone says how long a value may be
-- (ReadSideContract reads the live schema on H2 and PostgreSQL and fails on any column with a width).
-- A width here once refused what the API had accepted (a 34-character convention article in a 20-character column).
DROP VIEW programme_status;
ALTER TABLE programme_board ALTER COLUMN programme_id SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN title SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN convention_article SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN round_id SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN stage SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN year_one_session SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN year_two_session SET DATA TYPE VARCHAR;
ALTER TABLE programme_board ALTER COLUMN last_event SET DATA TYPE VARCHAR;
ALTER TABLE programme_expert ALTER COLUMN programme_id SET DATA TYPE VARCHAR;
ALTER TABLE programme_expert ALTER COLUMN expert_id SET DATA TYPE VARCHAR;
ALTER TABLE programme_expert ALTER COLUMN name SET DATA TYPE VARCHAR;
ALTER TABLE programme_expert ALTER COLUMN expertise SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN event_id SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN programme_id SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN party SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN party_role SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN flow SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN resource_kind SET DATA TYPE VARCHAR;
ALTER TABLE funding_entry ALTER COLUMN description SET DATA TYPE VARCHAR;
ALTER TABLE progress_report ALTER COLUMN programme_id SET DATA TYPE VARCHAR;
ALTER TABLE progress_report ALTER COLUMN session_id SET DATA TYPE VARCHAR;
ALTER TABLE progress_report ALTER COLUMN document_reference SET DATA TYPE VARCHAR;
ALTER TABLE cpm_session ALTER COLUMN session_id SET DATA TYPE VARCHAR;
ALTER TABLE cpm_session ALTER COLUMN status SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN decision_id SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN item_id SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN decision_session SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN addressee SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN due_session SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN request SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN status SET DATA TYPE VARCHAR;
ALTER TABLE action_item ALTER COLUMN document_reference SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN event_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN aggregate_type SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN aggregate_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN event_type SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN session_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN programme_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN actor_role SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN actor_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN actor_person SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN actor_party SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN command SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN rationale SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN correlation_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN causation_id SET DATA TYPE VARCHAR;
ALTER TABLE decision_log ALTER COLUMN payload SET DATA TYPE VARCHAR;
ALTER TABLE board_update ALTER COLUMN programme_id SET DATA TYPE VARCHAR;
-- The view is made again (PostgreSQL does not change the type of a column a view reads), now also with the number
-- of the programme's events that wait in the dead-letter queue: a row that may be behind its record says so. Two
-- sessions can be OPEN in the read models for a moment (one's close and the other's opening are projected by
-- different segments): the later one is taken, where V10's view failed ("more than one row returned").
CREATE VIEW programme_status AS
SELECT b.*,
       (SELECT COUNT(*) FROM deadletterentry d
        WHERE d.processinggroup = 'read-models' AND d.sequenceidentifier = b.programme_id) AS waiting_events,
       (SELECT s.session_id FROM cpm_session s JOIN cpm_session y ON y.session_id = b.year_one_session
        WHERE s.status = 'OPEN' AND s.session_number > y.session_number
          AND b.stage IN ('APPROVED', 'DEVELOPMENT_DELEGATED', 'DETAILED_PLAN_SUBMITTED', 'UNDER_MANAGEMENT')
          AND NOT EXISTS (SELECT 1 FROM progress_report r
                          WHERE r.programme_id = b.programme_id AND r.session_id = s.session_id)
        ORDER BY s.session_number DESC FETCH FIRST 1 ROW ONLY) AS report_missing_at
FROM programme_board b;
