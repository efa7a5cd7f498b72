package org.ippc.cpm.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM opens a scheduled session; only one session is open at a time (S1). */
@Summary("The CPM opens a scheduled session (S1)")
@IssuedBy(value = Role.CPM, rule = "A3")
public record OpenSession(@TargetAggregateIdentifier SessionId sessionId, Actor actor, String rationale) {

    public OpenSession {
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
