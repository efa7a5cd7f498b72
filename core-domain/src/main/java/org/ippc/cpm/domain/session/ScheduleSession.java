package org.ippc.cpm.domain.session;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/**
 * The CPM schedules its annual session {@code CPM-n}, held in year 2005 + n (S1), optionally on known days: the
 * calendar feeds and reminders date what is due at a session by its first day.
 */
@Summary("The CPM schedules session CPM-n, held in year 2005 + n (S1)")
@IssuedBy(value = Role.CPM, rule = "A3")
public record ScheduleSession(
        @RequiredBy("S1") @TargetAggregateIdentifier SessionId sessionId,
        @RequiredBy("S1") int year,
        @Nullable LocalDate opensOn,
        @Nullable LocalDate closesOn,
        Actor actor,
        String rationale) {

    public ScheduleSession {
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }

    /** A session whose days are not known yet. */
    public ScheduleSession(SessionId sessionId, int year, Actor actor, String rationale) {
        this(sessionId, year, null, null, actor, rationale);
    }
}
