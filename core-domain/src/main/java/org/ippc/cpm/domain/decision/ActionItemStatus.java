package org.ippc.cpm.domain.decision;

/** Where an action item stands: open until its addressee reports on it (C2), or overdue once its due session opens without a report (C3); an overdue item can still be reported. */
public enum ActionItemStatus {
    OPEN,
    REPORTED,
    OVERDUE
}
