package org.ippc.cpm.domain.round;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat establishes the criteria that priorities are selected against (P2). */
@Summary("The Secretariat establishes the selection criteria (P2)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record EstablishSelectionCriteria(
        @TargetAggregateIdentifier RoundId roundId,
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
