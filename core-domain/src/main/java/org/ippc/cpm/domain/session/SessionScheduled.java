package org.ippc.cpm.domain.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * A CPM session was scheduled, on known days or not. The days are optional members, absent when unknown: events
 * stored before they existed read as sessions whose days are not known, without an upcaster.
 */
@Revision("2")
public record SessionScheduled(
        SessionId sessionId,
        int number,
        int year,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate opensOn,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate closesOn,
        Actor actor,
        String rationale)
        implements SessionEvent {

    public SessionScheduled(SessionId sessionId, int number, int year, Actor actor, String rationale) {
        this(sessionId, number, year, null, null, actor, rationale);
    }
}
