package org.ippc.cpm.query.outreach;

/**
 * What a notice is about. Mandatory ones reach every contact point; a person may opt out of the others (a reminder
 * ahead of a deadline).
 */
public enum NoticeKind {
    /** A CPM decision addresses an action item to the addressee. */
    DECISION(true),
    /** A deadline comes within the lead time. */
    REMINDER(false),
    /** A deadline is today. */
    DUE_TODAY(true),
    /** The due session opened without a report on the addressee's action item (C3). */
    OVERDUE(true);

    private final boolean mandatory;

    NoticeKind(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public boolean mandatory() {
        return mandatory;
    }
}
