package org.ippc.cpm.query.board;

import java.util.List;
import java.util.Map;

/**
 * A CPM session's agenda: proposals made to it, plans presented at it, decisions taken, the approved programmes it
 * opened without a progress report on (M3; until the report comes), action items due and overdue.
 */
public record Agenda(
        Map<String, Object> session,
        List<ProgrammeRow> proposals,
        List<ProgrammeRow> presentations,
        List<LogEntry> decisions,
        List<ProgrammeRow> missingReports,
        List<Map<String, Object>> actionItemsDue,
        List<Map<String, Object>> actionItemsOverdue) {}
