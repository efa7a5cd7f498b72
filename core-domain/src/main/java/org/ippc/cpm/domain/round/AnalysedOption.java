package org.ippc.cpm.domain.round;

import java.util.List;
import org.ippc.cpm.domain.shared.Validation;

/** An option the analysis weighed against the selection criteria (P2); proposals are chosen from these (P5). */
public record AnalysedOption(String optionId, String title, List<Assessment> assessments) {

    public AnalysedOption {
        Validation.requireText(optionId, "optionId");
        Validation.requireText(title, "title");
        assessments = Validation.copyOf(assessments, "assessments");
    }
}
