package org.ippc.cpm.domain.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.Validation;

/**
 * The detailed work plan the Secretariat develops between the sessions (D2): elements A-F, risks (G), strategic and
 * operational management components, its projects or activities, and the resources it needs in US dollars.
 */
public record DetailedPlan(
        @Nullable HighLevelPlan elements,
        @Nullable String risks,
        @Nullable String strategicManagement,
        @Nullable String operationalManagement,
        @Nullable List<String> projects,
        @Nullable BigDecimal resourcesNeededUsd) {

    public DetailedPlan {
        projects = projects == null ? List.of() : List.copyOf(projects);
        if (resourcesNeededUsd != null) {
            Validation.requireAmount(resourcesNeededUsd, "resourcesNeededUsd");
        }
    }

    /** What D2 asks for and this plan lacks, in words. */
    public List<String> missingParts() {
        List<String> missing = new ArrayList<>();
        if (elements == null) {
            missing.add("elements A-F");
        } else {
            elements.missingElements().forEach(letter -> missing.add("element " + letter));
        }
        if (blank(risks)) {
            missing.add("element G (risks)");
        }
        if (blank(strategicManagement)) {
            missing.add("strategic management component");
        }
        if (blank(operationalManagement)) {
            missing.add("operational management component");
        }
        if (projects.stream().allMatch(DetailedPlan::blank)) {
            missing.add("a project or activity");
        }
        if (resourcesNeededUsd == null || resourcesNeededUsd.signum() < 0) {
            missing.add("the resources it needs");
        }
        return missing;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
