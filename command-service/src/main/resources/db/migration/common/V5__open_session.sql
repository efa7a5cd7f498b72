-- S1 across nodes: the one open session, written in the transaction that opens or closes it. The primary key
-- admits one row, so two nodes opening two sessions at the same instant cannot both commit.
CREATE TABLE open_session (
    slot       CHAR(1)     NOT NULL PRIMARY KEY,
    session_id VARCHAR(20) NOT NULL UNIQUE
);
