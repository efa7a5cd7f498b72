package org.ippc.cpm.domain.round;

import org.ippc.cpm.domain.shared.Validation;

/** How one option fared against one selection criterion. */
public record Assessment(String criterion, String finding) {

    public Assessment {
        Validation.requireText(criterion, "criterion");
        Validation.requireText(finding, "finding");
    }
}
