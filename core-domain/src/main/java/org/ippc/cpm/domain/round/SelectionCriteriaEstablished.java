package org.ippc.cpm.domain.round;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat established the selection criteria. */
@Revision("2")
public record SelectionCriteriaEstablished(RoundId roundId, List<String> criteria, Actor actor, String rationale)
        implements RoundEvent {

    public SelectionCriteriaEstablished {
        criteria = Validation.copyOf(criteria, "criteria");
    }
}
