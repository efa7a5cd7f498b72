-- Every transaction that appends events tells the other nodes at its commit (one notification per transaction:
-- PostgreSQL folds identical ones), so their processors read the new events at once (EventStoreNotifications).
CREATE FUNCTION cpm_notify_events() RETURNS TRIGGER
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('cpm_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER domainevententry_notify
    AFTER INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION cpm_notify_events();
