package org.ippc.cpm.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * The status board (one row per programme), its experts and its funding. Every change is guarded by the programme's
 * event sequence number, so an event handled twice changes nothing; live changes are announced in {@code board_update}.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ProgrammeBoardProjection {

    private final JdbcTemplate jdbc;

    public ProgrammeBoardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgrammeProposed event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        int inserted = jdbc.update("""
                INSERT INTO programme_board (programme_id, title, convention_article, round_id, stage, year_one_session,
                    delayed, experts, plan_version, pledged_usd, contributed_usd, mobilised_usd, last_event,
                    last_changed_at, version)
                SELECT ?, ?, ?, ?, ?, ?, FALSE, 0, 0, 0, 0, 0, ?, ?, ? FROM (VALUES (1)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM programme_board WHERE programme_id = ?)""",
                event.programmeId().value(), event.title(), event.conventionArticle(), event.roundId().value(),
                ProgrammeStage.PROPOSED.name(), event.sessionId().value(), "ProgrammeProposed",
                Sql.time(message.getTimestamp()), message.getSequenceNumber(), event.programmeId().value());
        if (inserted == 1) {
            announce(event.programmeId(), token, replay);
        }
    }

    @EventHandler
    void on(PrioritySelected event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, ProgrammeStage.SELECTED);
    }

    @EventHandler
    void on(ProposalNotSelected event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, ProgrammeStage.NOT_SELECTED);
    }

    @EventHandler
    void on(ProposalWithdrawn event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, ProgrammeStage.WITHDRAWN);
    }

    @EventHandler
    void on(HighLevelPlanApproved event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, ProgrammeStage.APPROVED);
    }

    @EventHandler
    void on(DevelopmentDelegated event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, ProgrammeStage.DEVELOPMENT_DELEGATED);
    }

    @EventHandler
    void on(ExpertAppointed event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        if (change(message, token, replay, null)) {
            jdbc.update("INSERT INTO programme_expert (programme_id, expert_id, name, expertise, appointed_at) VALUES (?, ?, ?, ?, ?)",
                    event.programmeId().value(), event.expertId().value(), event.name(), event.expertise(),
                    Sql.time(message.getTimestamp()));
            countExperts(event.programmeId());
        }
    }

    @EventHandler
    void on(ExpertReleased event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        if (change(message, token, replay, null)) {
            jdbc.update("UPDATE programme_expert SET released_at = ? WHERE programme_id = ? AND expert_id = ?",
                    Sql.time(message.getTimestamp()), event.programmeId().value(), event.expertId().value());
            countExperts(event.programmeId());
        }
    }

    @EventHandler
    void on(DetailedPlanSubmitted event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        if (change(message, token, replay, ProgrammeStage.DETAILED_PLAN_SUBMITTED)) {
            plan(event.programmeId(), event.version(), event.plan());
        }
    }

    @EventHandler
    void on(DetailedPlanRevised event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        if (change(message, token, replay, null)) {
            plan(event.programmeId(), event.version(), event.plan());
        }
    }

    @EventHandler
    void on(PlanPresented event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        if (change(message, token, replay, ProgrammeStage.UNDER_MANAGEMENT)) {
            jdbc.update("UPDATE programme_board SET year_two_session = ?, delayed = ? WHERE programme_id = ?",
                    event.sessionId().value(), event.delayed(), event.programmeId().value());
        }
    }

    @EventHandler
    void on(ProgrammeClosed event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, ProgrammeStage.CLOSED);
    }

    @EventHandler
    void on(ResourcesPledged event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        fund(message, token, replay, "PLEDGED", event.resource(), event.actor());
    }

    @EventHandler
    void on(ResourcesContributed event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        fund(message, token, replay, "CONTRIBUTED", event.resource(), event.actor());
    }

    @EventHandler
    void on(ResourcesMobilised event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        fund(message, token, replay, "MOBILISED", event.resource(), event.actor());
    }

    /** Events that change nothing on the board but when it last changed (comments, guidance, reports, activities). */
    @EventHandler
    void on(ProgrammeEvent event, DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay) {
        change(message, token, replay, null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM programme_expert");
        jdbc.update("DELETE FROM funding_entry");
        jdbc.update("DELETE FROM programme_board");
    }

    /** Applies the event's sequence number (and stage) if the board has not seen it; false if it had. */
    private boolean change(DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay, ProgrammeStage stage) {
        String programmeId = message.getAggregateIdentifier();
        int changed = jdbc.update("""
                UPDATE programme_board SET stage = COALESCE(?, stage), last_event = ?, last_changed_at = ?, version = ?
                WHERE programme_id = ? AND version < ?""",
                stage == null ? null : stage.name(), message.getPayloadType().getSimpleName(),
                Sql.time(message.getTimestamp()), message.getSequenceNumber(), programmeId, message.getSequenceNumber());
        if (changed == 1) {
            announce(new ProgrammeId(programmeId), token, replay);
        }
        return changed == 1;
    }

    private void countExperts(ProgrammeId programme) {
        jdbc.update("""
                UPDATE programme_board SET experts =
                    (SELECT COUNT(*) FROM programme_expert WHERE programme_id = ? AND released_at IS NULL)
                WHERE programme_id = ?""", programme.value(), programme.value());
    }

    private void plan(ProgrammeId programme, int version, DetailedPlan plan) {
        jdbc.update("UPDATE programme_board SET plan_version = ?, funding_needed_usd = ? WHERE programme_id = ?",
                version, plan.resourcesNeededUsd(), programme.value());
        totals(programme);
    }

    private void fund(DomainEventMessage<?> message, TrackingToken token, ReplayStatus replay, String flow,
                      Resource resource, Actor actor) {
        if (change(message, token, replay, null)) {
            jdbc.update("""
                    INSERT INTO funding_entry (event_id, programme_id, party, party_role, flow, resource_kind, value_usd,
                        description, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    message.getIdentifier(), message.getAggregateIdentifier(), actor.id(), actor.role().name(), flow,
                    resource.kind().name(), resource.valueUsd(), resource.description(), Sql.time(message.getTimestamp()));
            totals(new ProgrammeId(message.getAggregateIdentifier()));
        }
    }

    /** The gap is what the detailed plan needs and is not yet in hand (contributed or mobilised); pledges are promises. */
    private void totals(ProgrammeId programme) {
        BigDecimal[] sums = jdbc.queryForObject("""
                SELECT COALESCE(SUM(CASE WHEN flow = 'PLEDGED' THEN value_usd END), 0),
                       COALESCE(SUM(CASE WHEN flow = 'CONTRIBUTED' THEN value_usd END), 0),
                       COALESCE(SUM(CASE WHEN flow = 'MOBILISED' THEN value_usd END), 0)
                FROM funding_entry WHERE programme_id = ?""",
                (rs, i) -> new BigDecimal[]{rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)}, programme.value());
        jdbc.update("""
                UPDATE programme_board SET pledged_usd = ?, contributed_usd = ?, mobilised_usd = ?,
                    gap_usd = CASE WHEN funding_needed_usd IS NULL THEN NULL
                                   ELSE GREATEST(funding_needed_usd - ? - ?, 0) END
                WHERE programme_id = ?""", sums[0], sums[1], sums[2], sums[1], sums[2], programme.value());
    }

    private void announce(ProgrammeId programme, TrackingToken token, ReplayStatus replay) {
        if (!replay.isReplay()) {
            jdbc.update("INSERT INTO board_update (programme_id, global_index) VALUES (?, ?)",
                    programme.value(), token.position().orElseThrow());
        }
    }
}
