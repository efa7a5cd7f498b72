package org.ippc.cpm.query.board;

import java.util.List;

/**
 * A CPM session's agenda: its round's input deadline (none or one), proposals made to it, plans presented at it, decisions taken, the approved programmes it
 * opened without a progress report on (M3; until the report comes), action items due and overdue.
 */
public record Agenda(
        SessionRow session,
        List<InputRound> rounds,
        List<ProgrammeRow> proposals,
        List<ProgrammeRow> presentations,
        List<LogEntry> decisions,
        List<ProgrammeRow> missingReports,
        List<ActionItemRow> actionItemsDue,
        List<ActionItemRow> actionItemsOverdue) {}
