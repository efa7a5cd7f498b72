package org.ippc.cpm.domain.shared;

/** What every recorded fact says besides itself: who did it and why (spec: "Every state change records who did it ... and why"). */
public interface CpmEvent {

    Actor actor();

    String rationale();
}
