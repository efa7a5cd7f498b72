package org.ippc.cpm.domain.round;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.AtSession;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;

/** A prioritisation round opened for input. */
@Revision("2")
public record RoundOpened(RoundId roundId, SessionId sessionId, Instant inputDeadline, Actor actor, String rationale)
        implements RoundEvent, AtSession {}
