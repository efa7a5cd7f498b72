package org.ippc.cpm.domain.round;

import java.time.Instant;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat opens the prioritisation round for a CPM session, with a deadline for input (P1). */
@Summary("The Secretariat opens the prioritisation round for a session (P1)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record OpenRound(
        @RequiredBy("P1") SessionId sessionId,
        @RequiredBy("P1") Instant inputDeadline,
        Actor actor,
        String rationale) {

    public OpenRound {
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireDate(inputDeadline, "inputDeadline");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
