package org.ippc.cpm.domain.commission;

import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.programme.ProgrammeProposed;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.round.OpenRound;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.round.SubmitInput;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.session.SessionStatus;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * The round's acts that feed its session, and so are taken only while that session is still to come or open: opening
 * it (one per session), input (P1) and proposals (Y4: once the session has closed, its proposals have lapsed and none can be added). Proposing
 * also counts the round's live proposals (a withdrawn one no longer counts, P4) and brings the programme into being.
 * The session is loaded (and so locked) first, as everywhere.
 */
public class RoundsAtSession {

    private final Repository<CpmSession> sessions;
    private final Repository<PrioritisationRound> rounds;
    private final Repository<Programme> programmes;

    public RoundsAtSession(
            Repository<CpmSession> sessions, Repository<PrioritisationRound> rounds, Repository<Programme> programmes) {
        this.sessions = sessions;
        this.rounds = rounds;
        this.programmes = programmes;
    }

    /** One round per session, opened while the session is still to come or open (P1). */
    @CommandHandler
    public void handle(OpenRound command, DeadlineManager deadlines) throws Exception {
        requireSessionToCome(command.sessionId(), "P1", "a round is opened");
        RoundId id = RoundId.forSession(command.sessionId());
        RuleViolation.check(
                Aggregates.find(rounds, id).isEmpty(), "P1", "%s is already open; each session has one round", id);
        rounds.newInstance(() -> new PrioritisationRound(command, deadlines));
    }

    @CommandHandler
    public void handle(SubmitInput command) {
        requireSessionToCome(command.roundId().session(), "P1", "input is taken");
        rounds.load(command.roundId().value()).execute(round -> round.submitInput(command));
    }

    @CommandHandler
    public void handle(ProposePriority command) throws Exception {
        requireSessionToCome(command.roundId().session(), "Y4", "priorities are proposed");
        RuleViolation.check(
                Aggregates.find(programmes, command.programmeId()).isEmpty(),
                "P4",
                "%s already exists; each proposal brings a new programme into being",
                command.programmeId());
        Aggregate<PrioritisationRound> round = rounds.load(command.roundId().value());
        long live = round.invoke(PrioritisationRound::proposals).stream()
                .map(id -> programmes.load(id.value()).invoke(Programme::stage))
                .filter(stage -> stage != ProgrammeStage.WITHDRAWN)
                .count();
        round.execute(r -> r.propose(command, live));
        SessionId session = round.invoke(PrioritisationRound::sessionId);
        programmes.newInstance(() -> new Programme(new ProgrammeProposed(
                command.programmeId(),
                command.roundId(),
                session,
                command.optionId(),
                command.title(),
                command.conventionArticle(),
                command.highLevelPlan(),
                command.actor(),
                command.rationale())));
    }

    private void requireSessionToCome(SessionId session, String rule, String act) {
        Optional<SessionStatus> status = Aggregates.find(sessions, session).map(s -> s.invoke(CpmSession::status));
        status.ifPresent(s -> RuleViolation.check(
                s != SessionStatus.CLOSED,
                rule,
                "%s only while the round's session is SCHEDULED or OPEN; %s is CLOSED".formatted(act, session)));
    }
}
