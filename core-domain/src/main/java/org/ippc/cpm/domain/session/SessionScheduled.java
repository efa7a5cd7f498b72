package org.ippc.cpm.domain.session;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.SessionId;

/** A CPM session was scheduled. */
@Revision("2")
public record SessionScheduled(SessionId sessionId, int number, int year, Actor actor, String rationale)
        implements SessionEvent {}
