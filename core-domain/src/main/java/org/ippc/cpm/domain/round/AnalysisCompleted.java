package org.ippc.cpm.domain.round;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Validation;

/** The analysis was completed with the options it weighed. */
@Revision("2")
public record AnalysisCompleted(
        RoundId roundId, List<AnalysedOption> options, String documentReference, Actor actor, String rationale)
        implements RoundEvent {

    public AnalysisCompleted {
        options = Validation.copyOf(options, "options");
        documentReference = documentReference == null || documentReference.isBlank()
                ? null
                : Validation.requireText(documentReference, "documentReference");
    }
}
