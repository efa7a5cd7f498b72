package org.ippc.cpm.domain.round;

import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Validation;

import java.util.List;

/** The Secretariat establishes the criteria that priorities are selected against (P2). */
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record EstablishSelectionCriteria(@TargetAggregateIdentifier RoundId roundId,
                                         @RequiredBy("P2") List<String> criteria,
                                         Actor actor,
                                         String rationale) {

    public EstablishSelectionCriteria {
        Validation.requireValue(roundId, "roundId");
        criteria = Validation.copyOf(criteria, "criteria");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
