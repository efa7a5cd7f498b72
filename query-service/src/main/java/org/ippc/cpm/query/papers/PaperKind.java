package org.ippc.cpm.query.papers;

/** The papers of a session: its provisional agenda, the summaries of the plans it is presented, and its decisions. */
public enum PaperKind {
    AGENDA,
    PLANS,
    DECISIONS;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
