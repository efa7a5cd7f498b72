package org.ippc.cpm.projection;

import java.util.List;

/** The processing group that builds every read model, and the tables it owns. */
public final class ReadModels {

    public static final String PROCESSING_GROUP = "read-models";

    public static final List<String> TABLES = List.of(
            "programme_board",
            "programme_expert",
            "funding_entry",
            "progress_report",
            "cpm_session",
            "action_item",
            "decision_log");

    private ReadModels() {}
}
