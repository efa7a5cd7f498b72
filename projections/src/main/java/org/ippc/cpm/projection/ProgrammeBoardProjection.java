package org.ippc.cpm.projection;

import java.sql.Timestamp;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.eventstore.EventMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The status board (one row per programme), its experts and its funding. An event changes the board only if its
 * sequence number is above the row's version, so an event handled twice changes nothing; changes are announced in
 * {@code board_update} for the live-update pollers (not during a rebuild). Rows are written once per batch
 * ({@link WriteBatch}).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ProgrammeBoardProjection {

    private final JdbcTemplate jdbc;
    private final WriteBatch batch;

    public ProgrammeBoardProjection(JdbcTemplate jdbc, WriteBatch batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(ProgrammeProposed event, DomainEventMessage<?> message, ReplayStatus replay) {
        if (batch.row(event.programmeId().value()).isPresent()) {
            return;
        }
        BoardRow row = new BoardRow(event.programmeId().value());
        row.title = event.title();
        row.conventionArticle = event.conventionArticle();
        row.roundId = event.roundId().value();
        row.yearOneSession = event.sessionId().value();
        row.stage = ProgrammeLifecycle.stageAfter(event).name();
        touch(row, message);
        batch.save(row);
        announce(row, replay);
    }

    @EventHandler
    void on(PrioritySelected event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(
                message,
                replay,
                row -> row.stage = ProgrammeLifecycle.stageAfter(event).name());
    }

    @EventHandler
    void on(ProposalNotSelected event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(
                message,
                replay,
                row -> row.stage = ProgrammeLifecycle.stageAfter(event).name());
    }

    @EventHandler
    void on(ProposalWithdrawn event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(
                message,
                replay,
                row -> row.stage = ProgrammeLifecycle.stageAfter(event).name());
    }

    @EventHandler
    void on(HighLevelPlanApproved event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(
                message,
                replay,
                row -> row.stage = ProgrammeLifecycle.stageAfter(event).name());
    }

    @EventHandler
    void on(DevelopmentDelegated event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(
                message,
                replay,
                row -> row.stage = ProgrammeLifecycle.stageAfter(event).name());
    }

    @EventHandler
    void on(ExpertAppointed event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> {
            // An expert released and appointed again (D1 allows it) keeps one row: the latest appointment.
            int reappointed = jdbc.update(
                    "UPDATE programme_expert SET name = ?, expertise = ?, appointed_at = ?, released_at = NULL"
                            + " WHERE programme_id = ? AND expert_id = ?",
                    event.name(),
                    event.expertise(),
                    Sql.time(message.getTimestamp()),
                    row.programmeId,
                    event.expertId().value());
            if (reappointed == 0) {
                jdbc.update(
                        "INSERT INTO programme_expert (programme_id, expert_id, name, expertise, appointed_at) VALUES (?, ?, ?, ?, ?)",
                        row.programmeId,
                        event.expertId().value(),
                        event.name(),
                        event.expertise(),
                        Sql.time(message.getTimestamp()));
            }
            row.experts++;
        });
    }

    @EventHandler
    void on(ExpertReleased event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> {
            jdbc.update(
                    "UPDATE programme_expert SET released_at = ? WHERE programme_id = ? AND expert_id = ?",
                    Sql.time(message.getTimestamp()),
                    row.programmeId,
                    event.expertId().value());
            row.experts--;
        });
    }

    @EventHandler
    void on(DetailedPlanSubmitted event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> {
            row.stage = ProgrammeLifecycle.stageAfter(event).name();
            plan(row, event.version(), event.plan());
        });
    }

    @EventHandler
    void on(DetailedPlanRevised event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> plan(row, event.version(), event.plan()));
    }

    @EventHandler
    void on(PlanPresented event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> {
            row.stage = ProgrammeLifecycle.stageAfter(event).name();
            row.yearTwoSession = event.sessionId().value();
            row.delayed = event.delayed();
        });
    }

    @EventHandler
    void on(ProgrammeClosed event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(
                message,
                replay,
                row -> row.stage = ProgrammeLifecycle.stageAfter(event).name());
    }

    @EventHandler
    void on(ResourcesPledged event, DomainEventMessage<?> message, ReplayStatus replay) {
        fund(message, replay, "PLEDGED", event.resource(), event.actor());
    }

    @EventHandler
    void on(ResourcesContributed event, DomainEventMessage<?> message, ReplayStatus replay) {
        fund(message, replay, "CONTRIBUTED", event.resource(), event.actor());
    }

    @EventHandler
    void on(ResourcesMobilised event, DomainEventMessage<?> message, ReplayStatus replay) {
        fund(message, replay, "MOBILISED", event.resource(), event.actor());
    }

    /** M3: a report to a session; a second one to the same session is its revision. */
    @EventHandler
    void on(ProgressReported event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> {
            jdbc.update(
                    "DELETE FROM progress_report WHERE programme_id = ? AND session_id = ?",
                    row.programmeId,
                    event.sessionId().value());
            jdbc.update(
                    "INSERT INTO progress_report (programme_id, session_id, revision, document_reference) VALUES (?, ?, ?, ?)",
                    row.programmeId,
                    event.sessionId().value(),
                    event.revision(),
                    event.documentReference());
        });
    }

    /** Events that change nothing on the board but when it last changed (comments, guidance, reports, activities). */
    @EventHandler
    void on(ProgrammeEvent event, DomainEventMessage<?> message, ReplayStatus replay) {
        change(message, replay, row -> {});
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM programme_expert");
        jdbc.update("DELETE FROM funding_entry");
        jdbc.update("DELETE FROM progress_report");
        jdbc.update("DELETE FROM programme_board");
    }

    /**
     * Applies the event to the programme's row if the row has not seen it. A programme the board does not know is an
     * error (its proposal never reached the board): the event goes to the dead-letter queue.
     */
    private void change(DomainEventMessage<?> message, ReplayStatus replay, Consumer<BoardRow> effect) {
        BoardRow row = batch.row(message.getAggregateIdentifier())
                .orElseThrow(
                        () -> new IllegalStateException("the board has no row for " + message.getAggregateIdentifier()
                                + ", so it cannot apply event #" + message.getSequenceNumber() + " "
                                + message.getPayloadType().getSimpleName()));
        if (message.getSequenceNumber() <= row.version) {
            return;
        }
        effect.accept(row);
        touch(row, message);
        batch.save(row);
        announce(row, replay);
    }

    private static void touch(BoardRow row, DomainEventMessage<?> message) {
        row.lastEvent = message.getPayloadType().getSimpleName();
        row.lastChangedAt = Timestamp.from(message.getTimestamp());
        row.lastTookPlaceOn = java.sql.Date.valueOf(EventMetadata.tookPlaceOn(message));
        row.version = message.getSequenceNumber();
    }

    private static void plan(BoardRow row, int version, DetailedPlan plan) {
        row.planVersion = version;
        row.fundingNeededUsd = plan.resourcesNeededUsd();
    }

    private void fund(DomainEventMessage<?> message, ReplayStatus replay, String flow, Resource resource, Actor actor) {
        change(message, replay, row -> {
            switch (flow) {
                case "PLEDGED" -> row.pledgedUsd = row.pledgedUsd.add(resource.valueUsd());
                case "CONTRIBUTED" -> row.contributedUsd = row.contributedUsd.add(resource.valueUsd());
                default -> row.mobilisedUsd = row.mobilisedUsd.add(resource.valueUsd());
            }
            batch.append(
                    """
                    INSERT INTO funding_entry (event_id, programme_id, party, party_role, flow, resource_kind, value_usd,
                        description, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    message.getIdentifier(),
                    message.getAggregateIdentifier(),
                    // Who the resources come from: the party, or the body (the Finance Committee), never a person.
                    actor.party() != null ? actor.party() : actor.role().name(),
                    actor.role().name(),
                    flow,
                    resource.kind().name(),
                    resource.valueUsd(),
                    resource.description(),
                    Sql.time(message.getTimestamp()));
        });
    }

    private void announce(BoardRow row, ReplayStatus replay) {
        if (!replay.isReplay()) {
            batch.append("INSERT INTO board_update (programme_id) VALUES (?)", row.programmeId);
        }
    }
}
