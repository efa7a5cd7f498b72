-- The latest translation of each text of the record into each language, and who provided it (T1). item_id is ''
-- for the texts that are not an action item's request.
CREATE TABLE text_translation (
    subject           VARCHAR NOT NULL,
    text_kind         VARCHAR NOT NULL,
    item_id           VARCHAR NOT NULL,
    language          VARCHAR NOT NULL,
    original_language VARCHAR NOT NULL,
    translation       VARCHAR NOT NULL,
    provided_by_role  VARCHAR NOT NULL,
    provided_by       VARCHAR NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject, text_kind, item_id, language)
);
