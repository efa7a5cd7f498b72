package org.ippc.cpm.query.board;

import java.sql.Timestamp;
import java.time.Instant;

/** The decision log's filters: session, actor, role, event type, programme and a half-open date range [from, to). */
public record LogFilter(
        String session, String actor, String role, String eventType, String programme, Instant from, Instant to) {

    BoardQueries.Where where() {
        return new BoardQueries.Where()
                .eq("session_id", session)
                .eq("actor_id", actor)
                .eq("actor_role", role)
                .eq("event_type", eventType)
                .eq("programme_id", programme)
                .when(from != null, "occurred_at >= ?", from == null ? null : Timestamp.from(from))
                .when(to != null, "occurred_at < ?", to == null ? null : Timestamp.from(to));
    }
}
