package org.ippc.cpm.query.audit;

import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.session.CpmSession;

import java.util.Arrays;
import java.util.Optional;

/** The engine's aggregates by the type name Axon stores with their events. */
enum AggregateKind {
    PROGRAMME(Programme.class),
    ROUND(PrioritisationRound.class),
    SESSION(CpmSession.class),
    DECISION(CpmDecision.class);

    final Class<?> type;

    AggregateKind(Class<?> type) {
        this.type = type;
    }

    static Optional<AggregateKind> ofStoredType(String storedType) {
        return Arrays.stream(values()).filter(kind -> kind.type.getSimpleName().equals(storedType)).findFirst();
    }
}
