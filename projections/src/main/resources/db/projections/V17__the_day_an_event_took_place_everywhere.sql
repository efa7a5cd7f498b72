-- "Took place" has one definition (EventMetadata.tookPlaceOn): the command's Took-Place-On, else the day (UTC) the
-- event was recorded. The decision log held it only when the header was given; the board not at all (its cards
-- showed the recording day as the last event's day).
UPDATE decision_log SET took_place_on = CAST(occurred_at AT TIME ZONE 'UTC' AS DATE) WHERE took_place_on IS NULL;
ALTER TABLE decision_log ALTER COLUMN took_place_on SET NOT NULL;

DROP VIEW programme_status;
ALTER TABLE programme_board ADD COLUMN last_took_place_on DATE;
UPDATE programme_board b SET last_took_place_on = COALESCE(
    (SELECT d.took_place_on FROM decision_log d WHERE d.aggregate_id = b.programme_id AND d.sequence_number = b.version),
    CAST(b.last_changed_at AT TIME ZONE 'UTC' AS DATE));
ALTER TABLE programme_board ALTER COLUMN last_took_place_on SET NOT NULL;
-- As V16 made it; b.* is expanded when a view is made, so it is made again with the new column.
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
