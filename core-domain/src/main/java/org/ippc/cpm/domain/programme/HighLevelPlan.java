package org.ippc.cpm.domain.programme;

import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.domain.shared.Nullable;

/**
 * The high-level description of a work plan: the document's elements A-F. Element G (risks) waits for the
 * {@link DetailedPlan}. Blank elements are allowed here so that P6 can name which ones are missing.
 */
public record HighLevelPlan(
        @Nullable String situationAnalysis,
        @Nullable String highLevelGoal,
        @Nullable String objective,
        @Nullable String scope,
        @Nullable String potentialActivities,
        @Nullable String indicatorsOfSuccess) {

    /** Letters of the elements A-F that are blank. */
    public List<String> missingElements() {
        List<String> missing = new ArrayList<>();
        String[] elements = {
            situationAnalysis, highLevelGoal, objective, scope, potentialActivities, indicatorsOfSuccess
        };
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == null || elements[i].isBlank()) {
                missing.add(String.valueOf((char) ('A' + i)));
            }
        }
        return missing;
    }
}
