package org.ippc.cpm.domain.commission;

import java.util.List;
import java.util.Optional;
import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.directory.ContactPoints;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.translation.Translations;

/** The engine's six aggregates, in one list: each lives in its own package with its commands and events. */
public final class AggregateTypes {

    public static final List<Class<?>> ALL = List.of(
            CpmSession.class,
            PrioritisationRound.class,
            Programme.class,
            CpmDecision.class,
            ContactPoints.class,
            Translations.class);

    private AggregateTypes() {}

    /** The aggregate a command or event of the same package belongs to. */
    public static Class<?> of(Class<?> message) {
        return ALL.stream()
                .filter(type -> type.getPackageName().equals(message.getPackageName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(message.getName() + " belongs to no aggregate"));
    }

    /** The aggregate by the type name Axon stores with its events. */
    public static Optional<Class<?>> ofStoredType(String storedType) {
        return ALL.stream()
                .filter(type -> type.getSimpleName().equals(storedType))
                .findFirst();
    }
}
