package org.ippc.cpm.domain.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * An annual session of the Commission. Decisions (Y1, M4, C1) are taken only while it is open (S2); opening and
 * closing look at neighbouring sessions and the year-1 proposals, so those commands go through
 * {@code commission.SessionCalendar}, which calls {@link #open} and {@link #close}.
 */
@AggregateRoot
public class CpmSession {

    @AggregateIdentifier
    private SessionId sessionId;

    private SessionStatus status;

    protected CpmSession() {}

    /** Through {@code commission.SessionCalendar}, which first checks that the number is not yet scheduled (S1). */
    public CpmSession(ScheduleSession command) {
        command.actor().requireMayIssue(command);
        SessionId id = command.sessionId();
        RuleViolation.check(
                command.year() == id.year(),
                "S1",
                "%s is held in %d (session n is in year 2005 + n), not in %d",
                id,
                id.year(),
                command.year());
        if (command.opensOn() != null || command.closesOn() != null) {
            RuleViolation.check(
                    command.opensOn() != null
                            && command.closesOn() != null
                            && command.opensOn().getYear() == id.year()
                            && !command.closesOn().isBefore(command.opensOn()),
                    "S1",
                    "%s is held from opensOn to closesOn (both given, in %d, closesOn not before opensOn), not from %s to %s",
                    id,
                    id.year(),
                    command.opensOn(),
                    command.closesOn());
        }
        apply(new SessionScheduled(
                id,
                id.number(),
                id.year(),
                command.opensOn(),
                command.closesOn(),
                command.actor(),
                command.rationale()));
    }

    public void open(OpenSession command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == SessionStatus.SCHEDULED,
                "S1",
                "%s can be opened only while SCHEDULED; it is %s",
                sessionId,
                status);
        apply(new SessionOpened(sessionId, command.actor(), command.rationale()));
    }

    public void requireClosable(CloseSession command) {
        command.actor().requireMayIssue(command);
        RuleViolation.check(
                status == SessionStatus.OPEN, "S1", "%s can be closed only while OPEN; it is %s", sessionId, status);
    }

    /** Y4: {@code notSelected} are the proposals to this session that lapse with it. */
    public void close(CloseSession command, List<ProgrammeId> notSelected) {
        requireClosable(command);
        apply(new SessionClosed(sessionId, notSelected, command.actor(), command.rationale()));
    }

    /** S2: every CPM decision is taken at a session that is open at that time. */
    public void requireOpenFor(String rule, String decision) {
        RuleViolation.check(
                status == SessionStatus.OPEN,
                rule,
                "%s must be taken at an open session; %s is %s",
                decision,
                sessionId,
                status);
    }

    public SessionId sessionId() {
        return sessionId;
    }

    public SessionStatus status() {
        return status;
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        status = SessionStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(SessionOpened event) {
        status = SessionStatus.OPEN;
    }

    @EventSourcingHandler
    void on(SessionClosed event) {
        status = SessionStatus.CLOSED;
    }
}
