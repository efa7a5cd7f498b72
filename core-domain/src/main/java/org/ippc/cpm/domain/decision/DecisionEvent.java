package org.ippc.cpm.domain.decision;

import org.ippc.cpm.domain.shared.CpmEvent;
import org.ippc.cpm.domain.shared.DecisionId;

/** Every event of the {@link CpmDecision} aggregate; sealed so that projections can switch over them exhaustively. */
public sealed interface DecisionEvent extends CpmEvent permits ActionItemOverdue, ActionItemReported, DecisionRecorded {

    DecisionId decisionId();
}
