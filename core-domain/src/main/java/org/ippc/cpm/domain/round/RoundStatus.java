package org.ippc.cpm.domain.round;

/** Where a prioritisation round stands (spec: "round" lifecycle). */
public enum RoundStatus {
    OPEN_FOR_INPUT,
    INPUT_CLOSED,
    ANALYSED,
    PROPOSED_TO_CPM
}
