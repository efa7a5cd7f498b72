package org.ippc.cpm.query.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.domain.decision.ActionItemStatus;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.projection.ReadModels;
import org.ippc.cpm.query.NotFound;
import org.ippc.cpm.query.WaitsInDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the read-model tables; every filter is a bound parameter, every sort key a whitelisted column. */
@Component
public class BoardQueries {

    static final Map<String, String> BOARD_SORT = Map.of(
            "programmeId",
            "programme_id",
            "title",
            "title",
            "stage",
            "stage",
            "yearOneSession",
            "year_one_session",
            "lastChangedAt",
            "last_changed_at",
            "gapUsd",
            "gap_usd",
            "pledgedUsd",
            "pledged_usd");

    private final JdbcTemplate jdbc;

    public BoardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The board; {@code party}: the programmes a contracting party or RPPO acted on (pledged, contributed, engaged). */
    public Page<ProgrammeRow> board(String stage, String session, String party, PageRequest page) {
        Where where = new Where()
                .eq("stage", stage)
                .eqEither("year_one_session", "year_two_session", session)
                .when(
                        Where.given(party),
                        "programme_id IN (SELECT programme_id FROM decision_log WHERE actor_party = ?)",
                        party);
        return page("SELECT * FROM programme_status", where, page, BoardQueries::programme);
    }

    public ProgrammeRow programme(String programmeId) {
        return jdbc
                .query("SELECT * FROM programme_status WHERE programme_id = ?", BoardQueries::programme, programmeId)
                .stream()
                .findFirst()
                .orElseThrow(() -> waitingOrNotFound(programmeId));
    }

    /** A programme whose first event waits in the dead-letter queue is recorded, not unknown: the answer says so. */
    private RuntimeException waitingOrNotFound(String programmeId) {
        List<String> waiting = jdbc.query(
                "SELECT payloadtype, sequencenumber, causetype, causemessage FROM deadletterentry"
                        + " WHERE processinggroup = ? AND sequenceidentifier = ? ORDER BY sequenceindex",
                (rs, i) -> "%s #%d (%s: %s)"
                        .formatted(
                                rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4)),
                ReadModels.PROCESSING_GROUP,
                programmeId);
        return waiting.isEmpty()
                ? new NotFound("no programme " + programmeId)
                : new WaitsInDeadLetterQueue(programmeId, waiting);
    }

    public List<ProgrammeRow> programmes(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT * FROM programme_status WHERE programme_id IN (" + "?,".repeat(ids.size() - 1) + "?)",
                BoardQueries::programme,
                ids.toArray());
    }

    public List<LogEntry> timeline(String programmeId) {
        programme(programmeId);
        return jdbc.query(
                "SELECT * FROM decision_log WHERE programme_id = ? ORDER BY global_index",
                BoardQueries::entry,
                programmeId);
    }

    public List<ExpertRow> experts(String programmeId) {
        return jdbc.query(
                """
                SELECT expert_id, name, expertise, appointed_at, released_at FROM programme_expert
                WHERE programme_id = ? ORDER BY appointed_at""",
                (rs, i) -> new ExpertRow(
                        rs.getString("expert_id"),
                        rs.getString("name"),
                        rs.getString("expertise"),
                        instant(rs.getTimestamp("appointed_at")),
                        instant(rs.getTimestamp("released_at"))),
                programmeId);
    }

    public List<FundingEntry> fundingOf(String programmeId) {
        programme(programmeId);
        return jdbc.query(
                """
                SELECT event_id, party, party_role, flow, resource_kind, value_usd, description, occurred_at
                FROM funding_entry WHERE programme_id = ? ORDER BY occurred_at, event_id""",
                (rs, i) -> new FundingEntry(
                        rs.getString("event_id"),
                        rs.getString("party"),
                        Role.valueOf(rs.getString("party_role")),
                        rs.getString("flow"),
                        ResourceKind.valueOf(rs.getString("resource_kind")),
                        rs.getBigDecimal("value_usd"),
                        rs.getString("description"),
                        instant(rs.getTimestamp("occurred_at"))),
                programmeId);
    }

    public List<ProgrammeFunding> fundingByProgramme() {
        return jdbc.query(
                """
                SELECT programme_id, title, funding_needed_usd, pledged_usd, contributed_usd, mobilised_usd, gap_usd
                FROM programme_board ORDER BY programme_id""",
                (rs, i) -> new ProgrammeFunding(
                        rs.getString("programme_id"),
                        rs.getString("title"),
                        rs.getBigDecimal("funding_needed_usd"),
                        rs.getBigDecimal("pledged_usd"),
                        rs.getBigDecimal("contributed_usd"),
                        rs.getBigDecimal("mobilised_usd"),
                        rs.getBigDecimal("gap_usd")));
    }

    public List<PartyFunding> fundingByParty() {
        return jdbc.query(
                """
                SELECT party, party_role,
                       SUM(CASE WHEN flow = 'PLEDGED' THEN value_usd ELSE 0 END) AS pledged_usd,
                       SUM(CASE WHEN flow = 'CONTRIBUTED' THEN value_usd ELSE 0 END) AS contributed_usd,
                       SUM(CASE WHEN flow = 'MOBILISED' THEN value_usd ELSE 0 END) AS mobilised_usd,
                       COUNT(DISTINCT programme_id) AS programmes
                FROM funding_entry GROUP BY party, party_role ORDER BY party""",
                (rs, i) -> new PartyFunding(
                        rs.getString("party"),
                        Role.valueOf(rs.getString("party_role")),
                        rs.getBigDecimal("pledged_usd"),
                        rs.getBigDecimal("contributed_usd"),
                        rs.getBigDecimal("mobilised_usd"),
                        rs.getLong("programmes")));
    }

    public List<SessionRow> sessions() {
        return jdbc.query("SELECT * FROM cpm_session ORDER BY session_number", BoardQueries::session);
    }

    public Agenda agenda(String sessionId) {
        SessionRow session =
                jdbc.query("SELECT * FROM cpm_session WHERE session_id = ?", BoardQueries::session, sessionId).stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFound("no session " + sessionId));
        List<ProgrammeRow> proposals = jdbc.query(
                "SELECT * FROM programme_status WHERE year_one_session = ? ORDER BY programme_id",
                BoardQueries::programme,
                sessionId);
        List<ProgrammeRow> presentations = jdbc.query(
                "SELECT * FROM programme_status WHERE year_two_session = ? ORDER BY programme_id",
                BoardQueries::programme,
                sessionId);
        List<LogEntry> decisions = jdbc.query("""
                SELECT * FROM decision_log WHERE session_id = ? AND event_type IN ('PrioritySelected', 'ProposalNotSelected',
                    'HighLevelPlanApproved', 'DevelopmentDelegated', 'PlanPresented', 'ProgrammeClosed', 'DecisionRecorded',
                    'SideSessionRecorded', 'ProgressReported')
                ORDER BY global_index""", BoardQueries::entry, sessionId);
        List<ProgrammeRow> missingReports = jdbc.query("""
                SELECT b.* FROM programme_status b JOIN cpm_session y ON y.session_id = b.year_one_session
                JOIN cpm_session s ON s.session_id = ?
                WHERE s.status <> 'SCHEDULED' AND s.session_number > y.session_number
                  AND (b.stage IN ('APPROVED', 'DEVELOPMENT_DELEGATED', 'DETAILED_PLAN_SUBMITTED', 'UNDER_MANAGEMENT')
                       OR EXISTS (SELECT 1 FROM decision_log closing JOIN cpm_session c ON c.session_id = closing.session_id
                                  WHERE closing.aggregate_id = b.programme_id AND closing.event_type = 'ProgrammeClosed'
                                    AND c.session_number >= s.session_number))
                  AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.programme_id = b.programme_id AND r.session_id = s.session_id)
                ORDER BY b.programme_id""", BoardQueries::programme, sessionId);
        List<ActionItemRow> due = jdbc.query(
                "SELECT * FROM action_item WHERE due_session = ? ORDER BY decision_number, item_id",
                BoardQueries::actionItem,
                sessionId);
        List<InputRound> rounds = jdbc.query(
                "SELECT aggregate_id, payload FROM decision_log WHERE event_type = 'RoundOpened' AND aggregate_id = ?",
                (rs, i) -> new InputRound(
                        rs.getString("aggregate_id"),
                        inputDeadline(rs.getString("payload")),
                        jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM decision_log WHERE aggregate_id = ? AND event_type = 'InputClosed'",
                                        Long.class,
                                        rs.getString("aggregate_id"))
                                > 0),
                "ROUND-" + sessionId);
        return new Agenda(
                session,
                rounds,
                proposals,
                presentations,
                decisions,
                missingReports,
                due.stream()
                        .filter(item -> !ActionItemStatus.OVERDUE.name().equals(item.status()))
                        .toList(),
                due.stream()
                        .filter(item -> ActionItemStatus.OVERDUE.name().equals(item.status()))
                        .toList());
    }

    public Page<LogEntry> log(LogFilter filter, PageRequest page) {
        return page("SELECT * FROM decision_log", filter.where(), page, BoardQueries::entry);
    }

    private <T> Page<T> page(String select, Where where, PageRequest page, RowMapper<T> mapper) {
        long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (" + select + where.sql() + ") AS matching", Long.class, where.arguments());
        List<T> rows = jdbc.query(
                select + where.sql() + " ORDER BY " + page.orderBy() + page.limit(), mapper, where.arguments());
        return new Page<>(rows, page.page(), page.size(), total);
    }

    static ProgrammeRow programme(ResultSet rs, int row) throws SQLException {
        String stage = rs.getString("stage");
        return new ProgrammeRow(
                rs.getString("programme_id"),
                rs.getString("title"),
                rs.getString("convention_article"),
                rs.getString("round_id"),
                stage,
                rs.getString("year_one_session"),
                rs.getString("year_two_session"),
                rs.getBoolean("delayed"),
                rs.getInt("experts"),
                rs.getInt("plan_version"),
                rs.getBigDecimal("funding_needed_usd"),
                rs.getBigDecimal("pledged_usd"),
                rs.getBigDecimal("contributed_usd"),
                rs.getBigDecimal("mobilised_usd"),
                rs.getBigDecimal("gap_usd"),
                rs.getString("last_event"),
                instant(rs.getTimestamp("last_changed_at")),
                rs.getDate("last_took_place_on").toLocalDate(),
                rs.getLong("version"),
                rs.getString("report_missing_at"),
                rs.getInt("waiting_events"),
                NextActions.in(stage));
    }

    private static Instant inputDeadline(String roundOpened) {
        try {
            return Instant.parse(CpmJson.objectMapper()
                    .readTree(roundOpened)
                    .get("inputDeadline")
                    .asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new IllegalStateException("a RoundOpened row the decision log cannot read", unreadable);
        }
    }

    private static SessionRow session(ResultSet rs, int row) throws SQLException {
        return new SessionRow(
                rs.getString("session_id"),
                rs.getInt("session_number"),
                rs.getInt("session_year"),
                rs.getString("status"),
                instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static ActionItemRow actionItem(ResultSet rs, int row) throws SQLException {
        return new ActionItemRow(
                rs.getString("decision_id"),
                rs.getString("item_id"),
                rs.getInt("decision_number"),
                rs.getString("decision_session"),
                rs.getString("addressee"),
                rs.getString("due_session"),
                rs.getString("request"),
                rs.getString("status"),
                rs.getString("document_reference"));
    }

    static LogEntry entry(ResultSet rs, int row) throws SQLException {
        return new LogEntry(
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getLong("sequence_number"),
                rs.getString("event_type"),
                instant(rs.getTimestamp("occurred_at")),
                rs.getDate("took_place_on").toLocalDate(),
                rs.getString("session_id"),
                rs.getString("programme_id"),
                rs.getString("actor_role"),
                rs.getString("actor_id"),
                rs.getString("actor_person"),
                rs.getString("actor_party"),
                rs.getString("command"),
                rs.getString("rationale"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                rs.getString("payload"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A WHERE clause grown from the filters that are present. */
    static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();

        /** An empty filter ({@code ?stage=}) is no filter. */
        Where eq(String column, Object value) {
            return when(given(value), column + " = ?", value);
        }

        Where eqEither(String column, String other, Object value) {
            return when(given(value), "(" + column + " = ? OR " + other + " = ?)", value, value);
        }

        private static boolean given(Object value) {
            return value != null && !(value instanceof String text && text.isBlank());
        }

        Where when(boolean present, String condition, Object... values) {
            if (present) {
                conditions.add(condition);
                arguments.addAll(List.of(values));
            }
            return this;
        }

        String sql() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        Object[] arguments() {
            return arguments.toArray();
        }
    }
}
