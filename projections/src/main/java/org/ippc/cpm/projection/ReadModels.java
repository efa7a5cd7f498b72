package org.ippc.cpm.projection;

import java.util.List;

/** The processing group that builds every read model, and the tables it owns. */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    /**
     * Metadata a rebuild in bulk adds to the events it hands to the handlers (never stored): the event's own global
     * index, which it knows from reading the table in order, so that the decision log need not look it up.
     */
    public static final String GLOBAL_INDEX = "cpm.globalIndex";

    public static final List<String> TABLES = List.of(
            "programme_board",
            "programme_expert",
            "funding_entry",
            "progress_report",
            "cpm_session",
            "action_item",
            "decision_log",
            "text_translation");

    private ReadModels() {}
}
