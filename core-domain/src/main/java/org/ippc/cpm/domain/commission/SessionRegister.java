package org.ippc.cpm.domain.commission;

import java.util.Optional;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * Which session is open now, across every session of the Commission (S1), kept where every node sees it and
 * written in the command's own transaction, so that two nodes opening two sessions in the same instant cannot both
 * succeed. The services keep it in a database table whose key admits one open session; tests keep it in memory.
 */
public interface SessionRegister {

    /** The session that is open now, if any. */
    Optional<SessionId> openSession();

    /** Records {@code session} as the open one; refuses with S1 if another session is open. */
    void opened(SessionId session);

    /** Records that {@code session} is no longer open. */
    void closed(SessionId session);

    /** A register for one process: enough for tests, where one JVM holds every aggregate. */
    static SessionRegister inMemory() {
        return new SessionRegister() {
            private SessionId open;

            @Override
            public synchronized Optional<SessionId> openSession() {
                return Optional.ofNullable(open);
            }

            @Override
            public synchronized void opened(SessionId session) {
                if (open != null && !open.equals(session)) {
                    throw SessionRegister.anotherIsOpen(open);
                }
                open = session;
            }

            @Override
            public synchronized void closed(SessionId session) {
                if (session.equals(open)) {
                    open = null;
                }
            }
        };
    }

    /** S1's refusal when {@code open} is open already. */
    static RuleViolation anotherIsOpen(SessionId open) {
        return new RuleViolation("S1", "only one session is open at a time: %s is OPEN".formatted(open));
    }
}
