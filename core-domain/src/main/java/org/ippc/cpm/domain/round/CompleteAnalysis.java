package org.ippc.cpm.domain.round;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat completes the analysis, listing the options it weighed against the criteria (P2). */
@Summary("The Secretariat completes the analysis with the options it weighed (P2)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record CompleteAnalysis(
        @TargetAggregateIdentifier RoundId roundId,
        @RequiredBy("P2") List<AnalysedOption> options,
        @Nullable String documentReference,
        Actor actor,
        String rationale) {

    public CompleteAnalysis {
        Validation.requireValue(roundId, "roundId");
        options = Validation.copyOf(options, "options");
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}
