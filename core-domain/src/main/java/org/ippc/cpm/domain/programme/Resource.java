package org.ippc.cpm.domain.programme;

import java.math.BigDecimal;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Validation;

/** Resources pledged, contributed or mobilised, valued in US dollars (in-kind resources at their estimated value). */
public record Resource(
        @RequiredBy("M1") ResourceKind kind,
        @RequiredBy("M1") BigDecimal valueUsd,
        @RequiredBy("M1") String description) {

    public Resource {
        Validation.requireValue(kind, "kind");
        Validation.requireAmount(valueUsd, "valueUsd");
        Validation.requireText(description, "description");
    }
}
