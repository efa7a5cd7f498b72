package org.ippc.cpm.domain.round;

import org.ippc.cpm.domain.shared.CpmEvent;
import org.ippc.cpm.domain.shared.RoundId;

/** Every event of the {@link PrioritisationRound} aggregate; sealed so that projections can switch over them exhaustively. */
public sealed interface RoundEvent extends CpmEvent
        permits AnalysisCompleted,
                InputClosed,
                InputSubmitted,
                PriorityProposed,
                RoundOpened,
                SelectionCriteriaEstablished {

    RoundId roundId();
}
