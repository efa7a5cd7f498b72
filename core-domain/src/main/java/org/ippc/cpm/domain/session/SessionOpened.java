package org.ippc.cpm.domain.session;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.SessionId;

/** A CPM session opened; from now on it can take decisions (S2). */
@Revision("2")
public record SessionOpened(SessionId sessionId, Actor actor, String rationale) implements SessionEvent {}
