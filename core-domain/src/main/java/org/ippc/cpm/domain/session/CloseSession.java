package org.ippc.cpm.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The CPM closes its open session; proposals it did not select become NOT_SELECTED (Y4). */
@Summary("The CPM closes its open session; unselected proposals lapse (S1, Y4)")
@IssuedBy(value = Role.CPM, rule = "A3")
public record CloseSession(@TargetAggregateIdentifier SessionId sessionId, Actor actor, String rationale) {

    public CloseSession {
        Validation.requireValue(sessionId, "sessionId");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
