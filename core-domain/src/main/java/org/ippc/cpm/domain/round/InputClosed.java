package org.ippc.cpm.domain.round;

import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RoundId;

/** Input to the round closed, by its deadline or early by the Secretariat. */
@Revision("2")
public record InputClosed(RoundId roundId, boolean byDeadline, Actor actor, String rationale) implements RoundEvent {}
