package org.ippc.cpm.projection;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/** One row of {@code programme_board} while a batch of events changes it in memory. */
final class BoardRow {

    static final String INSERT = """
            INSERT INTO programme_board (title, convention_article, round_id, stage, year_one_session, year_two_session,
                delayed, experts, plan_version, funding_needed_usd, pledged_usd, contributed_usd, mobilised_usd, gap_usd,
                last_event, last_changed_at, last_took_place_on, version, programme_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String UPDATE = """
            UPDATE programme_board SET title = ?, convention_article = ?, round_id = ?, stage = ?, year_one_session = ?,
                year_two_session = ?, delayed = ?, experts = ?, plan_version = ?, funding_needed_usd = ?, pledged_usd = ?,
                contributed_usd = ?, mobilised_usd = ?, gap_usd = ?, last_event = ?, last_changed_at = ?,
                last_took_place_on = ?, version = ?
            WHERE programme_id = ?""";

    final String programmeId;
    String title;
    String conventionArticle;
    String roundId;
    String stage;
    String yearOneSession;
    String yearTwoSession;
    boolean delayed;
    int experts;
    int planVersion;
    BigDecimal fundingNeededUsd;
    BigDecimal pledgedUsd = BigDecimal.ZERO;
    BigDecimal contributedUsd = BigDecimal.ZERO;
    BigDecimal mobilisedUsd = BigDecimal.ZERO;
    String lastEvent;
    Timestamp lastChangedAt;
    Date lastTookPlaceOn;
    long version = -1;
    boolean stored;

    BoardRow(String programmeId) {
        this.programmeId = programmeId;
    }

    static BoardRow read(ResultSet rs) throws SQLException {
        BoardRow row = new BoardRow(rs.getString("programme_id"));
        row.title = rs.getString("title");
        row.conventionArticle = rs.getString("convention_article");
        row.roundId = rs.getString("round_id");
        row.stage = rs.getString("stage");
        row.yearOneSession = rs.getString("year_one_session");
        row.yearTwoSession = rs.getString("year_two_session");
        row.delayed = rs.getBoolean("delayed");
        row.experts = rs.getInt("experts");
        row.planVersion = rs.getInt("plan_version");
        row.fundingNeededUsd = rs.getBigDecimal("funding_needed_usd");
        row.pledgedUsd = rs.getBigDecimal("pledged_usd");
        row.contributedUsd = rs.getBigDecimal("contributed_usd");
        row.mobilisedUsd = rs.getBigDecimal("mobilised_usd");
        row.lastEvent = rs.getString("last_event");
        row.lastChangedAt = rs.getTimestamp("last_changed_at");
        row.lastTookPlaceOn = rs.getDate("last_took_place_on");
        row.version = rs.getLong("version");
        row.stored = true;
        return row;
    }

    /** M1: the gap is what the detailed plan needs minus what has been contributed (none below zero); pledges and mobilised resources are shown beside it. */
    BigDecimal gapUsd() {
        return fundingNeededUsd == null
                ? null
                : fundingNeededUsd.subtract(contributedUsd).max(BigDecimal.ZERO);
    }

    /** The arguments of {@link #INSERT} and {@link #UPDATE} alike: every column, the key last. */
    Object[] arguments() {
        return new Object[] {
            title,
            conventionArticle,
            roundId,
            stage,
            yearOneSession,
            yearTwoSession,
            delayed,
            experts,
            planVersion,
            fundingNeededUsd,
            pledgedUsd,
            contributedUsd,
            mobilisedUsd,
            gapUsd(),
            lastEvent,
            lastChangedAt,
            lastTookPlaceOn,
            version,
            programmeId
        };
    }
}
