package org.ippc.cpm.domain.commission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.session.OpenSession;
import org.ippc.cpm.domain.session.ScheduleSession;
import org.ippc.cpm.domain.session.SessionStatus;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * Opening and closing sessions, which look beyond one session: S1's "only one session is open at a time" (across all
 * sessions, through the {@link SessionRegister}; and sessions open in number order, each after the one before it
 * closed) and Y4's consequences of closing a year-1 session.
 * Everything is loaded from the event store within the command's unit of work, never from a read model.
 */
public class SessionCalendar {

    private final Repository<CpmSession> sessions;
    private final Repository<PrioritisationRound> rounds;
    private final Repository<Programme> programmes;
    private final SessionRegister register;

    public SessionCalendar(
            Repository<CpmSession> sessions,
            Repository<PrioritisationRound> rounds,
            Repository<Programme> programmes,
            SessionRegister register) {
        this.sessions = sessions;
        this.rounds = rounds;
        this.programmes = programmes;
        this.register = register;
    }

    /** S1: sessions are numbered, and each number is scheduled once. */
    @CommandHandler
    public void handle(ScheduleSession command) throws Exception {
        SessionId id = command.sessionId();
        RuleViolation.check(
                Aggregates.find(sessions, id).isEmpty(),
                "S1",
                "%s is already scheduled; each session number is scheduled once",
                id);
        sessions.newInstance(() -> new CpmSession(command));
    }

    @CommandHandler
    public void handle(OpenSession command) {
        SessionId id = command.sessionId();
        Aggregate<CpmSession> session = sessions.load(id.value());
        if (id.number() > 1) {
            Aggregates.find(sessions, id.previous())
                    .map(previous -> previous.invoke(CpmSession::status))
                    .ifPresent(status -> RuleViolation.check(
                            status == SessionStatus.CLOSED,
                            "S1",
                            "only one session is open at a time and sessions open in order: %s is %s, not CLOSED",
                            id.previous(),
                            status));
        }
        Aggregates.find(sessions, id.next())
                .map(next -> next.invoke(CpmSession::status))
                .ifPresent(status -> RuleViolation.check(
                        status == SessionStatus.SCHEDULED,
                        "S1",
                        "sessions open in order: the later session %s is already %s",
                        id.next(),
                        status));
        register.openSession().filter(open -> !open.equals(id)).ifPresent(open -> {
            throw SessionRegister.anotherIsOpen(open);
        });
        session.execute(s -> s.open(command));
        register.opened(id);
    }

    @CommandHandler
    public void handle(CloseSession command) {
        SessionId id = command.sessionId();
        Aggregate<CpmSession> session = sessions.load(id.value());
        session.execute(s -> s.requireClosable(command));
        Map<ProgrammeId, Aggregate<Programme>> proposals =
                new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        Aggregates.find(rounds, RoundId.forSession(id))
                .ifPresent(round -> round.invoke(PrioritisationRound::proposals)
                        .forEach(p -> proposals.put(p, programmes.load(p.value()))));
        List<String> unfinished = new ArrayList<>();
        proposals.forEach((programmeId, programme) -> {
            ProgrammeStage stage = programme.invoke(Programme::stage);
            if (stage == ProgrammeStage.SELECTED || stage == ProgrammeStage.APPROVED) {
                unfinished.add(programmeId + " (" + stage + ")");
            }
        });
        RuleViolation.check(
                unfinished.isEmpty(),
                "Y4",
                "%s cannot close: selection, approval and delegation are one package, unfinished for %s",
                id,
                unfinished);
        List<ProgrammeId> notSelected = new ArrayList<>();
        proposals.forEach((programmeId, programme) -> {
            if (programme.invoke(Programme::stage) == ProgrammeStage.PROPOSED) {
                programme.execute(p -> p.lapse(id, command.actor(), id + " closed without selecting it"));
                notSelected.add(programmeId);
            }
        });
        session.execute(s -> s.close(command, notSelected));
        register.closed(id);
    }
}
