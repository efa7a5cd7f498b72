package org.ippc.cpm.domain.commission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.programme.ProgrammeStage;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.shared.SessionId;

/**
 * Proposing a priority: the round checks P3-P6 given how many of its proposals are still live (a withdrawn one no
 * longer counts, P4), records the proposal, and the programme comes into being.
 */
public class ProposalDesk {

    private final Repository<PrioritisationRound> rounds;
    private final Repository<Programme> programmes;

    public ProposalDesk(Repository<PrioritisationRound> rounds, Repository<Programme> programmes) {
        this.rounds = rounds;
        this.programmes = programmes;
    }

    @CommandHandler
    public void handle(ProposePriority command) throws Exception {
        Aggregate<PrioritisationRound> round = rounds.load(command.roundId().value());
        long live = round.invoke(PrioritisationRound::proposals).stream()
                .map(id -> programmes.load(id.value()).invoke(Programme::stage))
                .filter(stage -> stage != ProgrammeStage.WITHDRAWN)
                .count();
        round.execute(r -> r.propose(command, live));
        SessionId session = round.invoke(PrioritisationRound::sessionId);
        programmes.newInstance(() -> new Programme(command, command.roundId(), session));
    }
}
