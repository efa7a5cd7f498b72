package org.ippc.cpm.projection;

import java.util.Optional;
import org.ippc.cpm.domain.round.RoundEvent;
import org.ippc.cpm.domain.shared.AboutProgramme;
import org.ippc.cpm.domain.shared.AtSession;

/** What the decision log reads off any event: the session it names (directly or through its round) and the programme. */
final class EventFacts {

    private EventFacts() {}

    static Optional<String> session(Object event) {
        if (event instanceof AtSession atSession) {
            return Optional.of(atSession.sessionId().value());
        }
        return event instanceof RoundEvent round
                ? Optional.of(round.roundId().session().value())
                : Optional.empty();
    }

    static Optional<String> programme(Object event) {
        return event instanceof AboutProgramme about
                ? Optional.of(about.programmeId().value())
                : Optional.empty();
    }
}
