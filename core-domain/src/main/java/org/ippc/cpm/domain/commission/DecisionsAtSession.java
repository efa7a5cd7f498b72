package org.ippc.cpm.domain.commission;

import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.decision.RecordDecision;
import org.ippc.cpm.domain.programme.ApproveHighLevelPlan;
import org.ippc.cpm.domain.programme.CloseProgramme;
import org.ippc.cpm.domain.programme.DelegateDevelopment;
import org.ippc.cpm.domain.programme.PresentPlan;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.programme.SelectPriority;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * Acts that happen at a CPM session and so need it open (S2 for the decisions of Y1, M4 and C1; Y5 for the
 * presentation). The subject aggregate checks its own rules first; if the session then turns out not to be open,
 * the unit of work rolls back and nothing is recorded.
 */
public class DecisionsAtSession {

    private final Repository<CpmSession> sessions;
    private final Repository<Programme> programmes;
    private final Repository<CpmDecision> decisions;

    public DecisionsAtSession(
            Repository<CpmSession> sessions, Repository<Programme> programmes, Repository<CpmDecision> decisions) {
        this.sessions = sessions;
        this.programmes = programmes;
        this.decisions = decisions;
    }

    @CommandHandler
    public void handle(SelectPriority command) {
        Aggregate<CpmSession> session = sessionOf(command.sessionId(), "S2", "SelectPriority");
        onProgramme(command.programmeId(), p -> p.select(command));
        requireOpen(session, "S2", "SelectPriority");
    }

    @CommandHandler
    public void handle(ApproveHighLevelPlan command) {
        Aggregate<CpmSession> session = sessionOf(command.sessionId(), "S2", "ApproveHighLevelPlan");
        onProgramme(command.programmeId(), p -> p.approve(command));
        requireOpen(session, "S2", "ApproveHighLevelPlan");
    }

    @CommandHandler
    public void handle(DelegateDevelopment command) {
        Aggregate<CpmSession> session = sessionOf(command.sessionId(), "S2", "DelegateDevelopment");
        onProgramme(command.programmeId(), p -> p.delegate(command));
        requireOpen(session, "S2", "DelegateDevelopment");
    }

    @CommandHandler
    public void handle(PresentPlan command) {
        Aggregate<CpmSession> session = sessionOf(command.sessionId(), "Y5", "PresentPlan");
        onProgramme(command.programmeId(), p -> p.present(command));
        requireOpen(session, "Y5", "PresentPlan");
    }

    @CommandHandler
    public void handle(CloseProgramme command) {
        Aggregate<CpmSession> session = sessionOf(command.sessionId(), "S2", "CloseProgramme");
        onProgramme(command.programmeId(), p -> p.close(command));
        requireOpen(session, "S2", "CloseProgramme");
    }

    @CommandHandler
    public void handle(RecordDecision command) throws Exception {
        Aggregate<CpmSession> session = sessionOf(command.sessionId(), "S2", "RecordDecision");
        RuleViolation.check(
                Aggregates.find(decisions, command.decisionId()).isEmpty(),
                "C1",
                "decision %s is already recorded; a correction is a new decision",
                command.decisionId());
        decisions.newInstance(() -> new CpmDecision(command));
        requireOpen(session, "S2", "RecordDecision");
    }

    private void onProgramme(ProgrammeId id, Consumer<Programme> act) {
        programmes.load(id.value()).execute(act);
    }

    /**
     * The session is loaded (and so locked) before the subject aggregate: closing a session locks the session before
     * its programmes, and one order everywhere keeps two such commands from waiting on each other.
     */
    private Aggregate<CpmSession> sessionOf(SessionId session, String rule, String act) {
        return Aggregates.find(sessions, session)
                .orElseThrow(() -> new RuleViolation(
                        rule, "%s must be taken at an open session; %s is not scheduled".formatted(act, session)));
    }

    private static void requireOpen(Aggregate<CpmSession> session, String rule, String act) {
        session.execute(cpmSession -> cpmSession.requireOpenFor(rule, act));
    }
}
