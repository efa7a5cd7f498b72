package org.ippc.cpm.domain.programme;

/** Where an implementation programme stands; {@link ProgrammeLifecycle} says which command moves it where. */
public enum ProgrammeStage {
    PROPOSED,
    WITHDRAWN,
    NOT_SELECTED,
    SELECTED,
    APPROVED,
    DEVELOPMENT_DELEGATED,
    DETAILED_PLAN_SUBMITTED,
    UNDER_MANAGEMENT,
    CLOSED
}
