-- S1 across nodes: the one open session, written in the transaction that opens or closes it. The primary key
-- admits one row, so two nodes opening two sessions at the same instant cannot both commit.
CREATE TABLE open_session (
    slot       CHAR(1)     NOT NULL PRIMARY KEY,
    session_id VARCHAR(20) NOT NULL UNIQUE
);

-- A store that already has events: the session opened last and not closed since is the open one.
INSERT INTO open_session (slot, session_id)
SELECT '1', opened.aggregateidentifier
FROM domainevententry opened
WHERE opened.payloadtype = 'org.ippc.cpm.domain.session.SessionOpened'
  AND NOT EXISTS (SELECT 1 FROM domainevententry closed
                  WHERE closed.aggregateidentifier = opened.aggregateidentifier
                    AND closed.payloadtype = 'org.ippc.cpm.domain.session.SessionClosed')
ORDER BY opened.globalindex DESC
LIMIT 1;
