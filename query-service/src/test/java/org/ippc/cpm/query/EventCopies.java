package org.ippc.cpm.query;

import org.springframework.jdbc.core.JdbcTemplate;

/** Fills a PostgreSQL event store by SQL with copies of one aggregate's events under new ids (for rebuilds to chew). */
public final class EventCopies {

    private EventCopies() {}

    /** Copies until the store holds about {@code target} events; answers how many it holds. */
    public static long fillTo(JdbcTemplate jdbc, String template, long target) {
        Long perCopy = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, template);
        long have = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        long copies = Math.max(0, (target - have) / perCopy);
        for (long from = 1; from <= copies; from += 5000) {
            jdbc.update("""
                    INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                        payloadtype, payloadrevision, payload, metadata)
                    SELECT gen_random_uuid()::text, 'copy-' || g || '-' || e.aggregateidentifier, e.sequencenumber, e.type,
                           e.timestamp, e.payloadtype, e.payloadrevision,
                           convert_to(replace(convert_from(e.payload, 'UTF8'), '"' || e.aggregateidentifier || '"',
                               '"copy-' || g || '-' || e.aggregateidentifier || '"'), 'UTF8'), e.metadata
                    FROM domainevententry e, generate_series(?::bigint, ?::bigint) g
                    WHERE e.aggregateidentifier = ? ORDER BY g, e.sequencenumber""", from, Math.min(copies, from + 4999), template);
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }
}
