package org.ippc.cpm.domain.session;

/** S1: a session goes SCHEDULED, OPEN, CLOSED, in that order. */
public enum SessionStatus {
    SCHEDULED,
    OPEN,
    CLOSED
}
