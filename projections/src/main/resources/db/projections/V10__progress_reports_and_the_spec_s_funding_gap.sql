-- M3: which sessions each programme has reported progress to, so that a session that opened without a report on an
-- approved programme shows it as missing (the agenda, and the view below for the board).
CREATE TABLE progress_report (
    programme_id       VARCHAR(100) NOT NULL,
    session_id         VARCHAR(20)  NOT NULL,
    revision           INTEGER      NOT NULL,
    document_reference VARCHAR(20000),
    PRIMARY KEY (programme_id, session_id)
);

INSERT INTO progress_report (programme_id, session_id, revision, document_reference)
SELECT aggregate_id, session_id, COUNT(*), NULL FROM decision_log
WHERE event_type = 'ProgressReported' GROUP BY aggregate_id, session_id;

-- The board as the API shows it: each row with the open session it lacks a progress report for (M3), if any.
-- A view fixes its column list when created: a migration that adds a board column creates it again.
CREATE VIEW programme_status AS
SELECT b.*,
       (SELECT s.session_id FROM cpm_session s JOIN cpm_session y ON y.session_id = b.year_one_session
        WHERE s.status = 'OPEN' AND s.session_number > y.session_number
          AND b.stage IN ('APPROVED', 'DEVELOPMENT_DELEGATED', 'DETAILED_PLAN_SUBMITTED', 'UNDER_MANAGEMENT')
          AND NOT EXISTS (SELECT 1 FROM progress_report r
                          WHERE r.programme_id = b.programme_id AND r.session_id = s.session_id)) AS report_missing_at
FROM programme_board b;

-- M1: the gap is needed minus contributed (it subtracted mobilised resources too).
UPDATE programme_board SET gap_usd = CASE WHEN funding_needed_usd IS NULL THEN NULL
    WHEN funding_needed_usd - contributed_usd < 0 THEN 0 ELSE funding_needed_usd - contributed_usd END;
