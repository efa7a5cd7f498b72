package org.ippc.cpm.domain.decision;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.SessionId;

/** The item's due session opened without a report (C3). */
@Revision("2")
public record ActionItemOverdue(
        DecisionId decisionId, String itemId, SessionId dueSession, Actor actor, String rationale)
        implements DecisionEvent {}
