package org.ippc.cpm.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ippc.cpm.domain.Seed.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.flywaydb.core.Flyway;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.decision.ActionItemOverdue;
import org.ippc.cpm.domain.decision.ActionItemReported;
import org.ippc.cpm.domain.decision.DecisionRecorded;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.round.PriorityProposed;
import org.ippc.cpm.domain.round.RoundOpened;
import org.ippc.cpm.domain.session.SessionClosed;
import org.ippc.cpm.domain.session.SessionOpened;
import org.ippc.cpm.domain.session.SessionScheduled;
import org.ippc.cpm.domain.shared.AboutProgramme;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.SessionId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The read models where they live, without Spring: the three projections driven in real Axon batching units of work
 * inside a database transaction, the path the tracking processor takes ({@link WriteBatch} collects and flushes at
 * commit). The same story delivered in small batches, in one batch, with every event twice, and again backwards
 * after it was applied (a redelivery from an older position), leaves the same tables.
 */
class ReadModelsTest {

    private static final DecisionId D6 = new DecisionId("CPM-9-6");

    @Test
    void batches_of_any_size_and_every_event_twice_give_the_same_read_models() {
        List<EventMessage<?>> story = stored(new Database(), story());

        Database live = new Database();
        stored(live, story);
        for (int i = 0; i < story.size(); i += 3) {
            live.project(story.subList(i, Math.min(i + 3, story.size())));
        }
        Map<String, List<Map<String, Object>>> expected = live.readModels();
        assertThat(expected.get("programme_board")).hasSize(1);
        assertThat(expected.get("decision_log")).hasSize(story.size());

        Database oneBatch = new Database();
        stored(oneBatch, story);
        oneBatch.project(story);
        assertThat(oneBatch.readModels()).isEqualTo(expected);

        Database twice = new Database();
        stored(twice, story);
        List<EventMessage<?>> doubled = new ArrayList<>();
        story.forEach(event -> {
            doubled.add(event);
            doubled.add(event);
        });
        twice.project(doubled.subList(0, doubled.size() / 2));
        twice.project(doubled.subList(doubled.size() / 2, doubled.size()));
        assertThat(twice.readModels()).as("every event delivered twice").isEqualTo(expected);

        List<EventMessage<?>> backwards = new ArrayList<>(story);
        Collections.reverse(backwards);
        live.project(backwards);
        assertThat(live.readModels())
                .as("everything again, backwards, after it was applied")
                .isEqualTo(expected);
    }

    @Test
    void the_board_shows_the_story_s_stage_funding_and_gap() {
        Database database = new Database();
        List<EventMessage<?>> story = stored(database, story());
        database.project(story);
        Map<String, Object> pilot =
                database.jdbc.queryForMap("SELECT * FROM programme_board WHERE programme_id = ?", PILOT.value());
        assertThat(pilot.get("STAGE")).isEqualTo("UNDER_MANAGEMENT");
        assertThat(new java.math.BigDecimal(pilot.get("GAP_USD").toString()))
                .as("M1: needed minus contributed")
                .isEqualByComparingTo(
                        detailedPlan().resourcesNeededUsd().subtract(new java.math.BigDecimal("30000.50")));
        assertThat(database.jdbc.queryForObject(
                        "SELECT status FROM cpm_session WHERE session_id = 'CPM-10'", String.class))
                .isEqualTo("CLOSED");
        assertThat(database.jdbc.queryForList("SELECT status FROM action_item ORDER BY item_id", String.class))
                .containsExactly("REPORTED", "OVERDUE");
    }

    /** The pilot from its proposal to its management, with a decision whose items are reported and overdue. */
    private static List<Object> story() {
        SessionId cpm9 = CPM_9;
        return List.of(
                new SessionScheduled(cpm9, 9, 2014, CPM_CHAIR, "Rome"),
                new SessionOpened(cpm9, CPM_CHAIR, "Opening"),
                new DecisionRecorded(
                        D6,
                        cpm9,
                        6,
                        "Pilot work plan",
                        List.of(
                                new ActionItem("6a", Body.SECRETARIAT, CPM_10, "Submit"),
                                new ActionItem("6b", Body.FINANCE_COMMITTEE, CPM_10, "Funding")),
                        CPM_CHAIR,
                        "Plenary"),
                new SessionClosed(cpm9, List.of(), CPM_CHAIR, "Closing"),
                new SessionScheduled(CPM_10, 10, 2015, CPM_CHAIR, "Rome"),
                new RoundOpened(ROUND_10, CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call"),
                new ActionItemReported(D6, "6a", "CPM 2015/01", SECRETARIAT, "Submitted"),
                new SessionOpened(CPM_10, CPM_CHAIR, "Opening"),
                new ActionItemOverdue(D6, "6b", CPM_10, Actor.engine(), "CPM-10 opened"),
                new PriorityProposed(ROUND_10, CPM_10, PILOT, "surveillance", SECRETARIAT, "Ranked high"),
                pilotProposed(),
                new PrioritySelected(PILOT, CPM_10, CPM_CHAIR, "Selected"),
                new HighLevelPlanApproved(PILOT, CPM_10, highLevelPlan(), false, CPM_CHAIR, "Approved"),
                new DevelopmentDelegated(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Delegated"),
                new ResourcesPledged(PILOT, funds("250000"), NZ, "Pledge"),
                new ExpertAppointed(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"),
                new SessionClosed(CPM_10, List.of(), CPM_CHAIR, "Closing"),
                new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "First version"),
                new ExpertReleased(PILOT, EXPERT_ID, SECRETARIAT, "Done"),
                new SessionScheduled(CPM_11, 11, 2016, CPM_CHAIR, "Rome"),
                new SessionOpened(CPM_11, CPM_CHAIR, "Opening"),
                new PlanPresented(
                        PILOT, CPM_11, 1, "Summary", "https://www.ippc.int/plan", false, SECRETARIAT, "Year 2"),
                new ResourcesContributed(
                        PILOT,
                        new Resource(ResourceKind.IN_KIND, new java.math.BigDecimal("30000.50"), "Translation"),
                        EPPO,
                        "Translation"),
                new ResourcesMobilised(PILOT, funds("500000"), FINANCE_COMMITTEE, "Donors"),
                new ProgressReported(PILOT, CPM_11, 1, "CPM 2016/12", SECRETARIAT, "First report"));
    }

    /** Appends the events to the event table (the decision log takes each event's global index from it). */
    private static List<EventMessage<?>> stored(Database database, List<?> events) {
        Map<String, Long> sequences = new LinkedHashMap<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object item : events) {
            EventMessage<?> message = item instanceof EventMessage<?> given ? given : message(item, sequences);
            GenericDomainEventMessage<?> domain = (GenericDomainEventMessage<?>) message;
            database.jdbc.update(
                    """
                    INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                        payloadtype, payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, '2', ?, ?)""",
                    domain.getIdentifier(),
                    domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(),
                    domain.getType(),
                    domain.getTimestamp().toString(),
                    domain.getPayloadType().getName(),
                    json(domain.getPayload()),
                    "{}".getBytes());
            messages.add(message);
        }
        return messages;
    }

    private static EventMessage<?> message(Object event, Map<String, Long> sequences) {
        String aggregate = switch (event.getClass().getPackageName().substring("org.ippc.cpm.domain.".length())) {
            case "session" ->
                ((org.ippc.cpm.domain.session.SessionEvent) event).sessionId().value();
            case "round" ->
                ((org.ippc.cpm.domain.round.RoundEvent) event).roundId().value();
            case "decision" ->
                ((org.ippc.cpm.domain.decision.DecisionEvent) event)
                        .decisionId()
                        .value();
            default -> ((AboutProgramme) event).programmeId().value();
        };
        long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
        String type = org.ippc.cpm.domain.commission.AggregateTypes.of(event.getClass())
                .getSimpleName();
        return new GenericDomainEventMessage<>(
                type,
                aggregate,
                sequence,
                event,
                Map.of(),
                UUID.randomUUID().toString(),
                Instant.parse("2015-03-16T09:00:00Z").plusSeconds(sequences.size() * 100L + sequence));
    }

    private static byte[] json(Object payload) {
        try {
            return CpmJson.objectMapper().writeValueAsBytes(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh H2 database with the event table and the read models' migrations, and the three projections on it. */
    private static final class Database {

        final JdbcTemplate jdbc;
        private final DataSourceTransactionManager transactions;
        private final List<AnnotationEventHandlerAdapter> projections;

        Database() {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=TIMESTAMP,VALUE", "sa", "");
            jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("""
                    CREATE TABLE domainevententry (
                        globalindex BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, eventidentifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregateidentifier VARCHAR(255) NOT NULL, sequencenumber BIGINT NOT NULL, type VARCHAR(255),
                        timestamp VARCHAR(255) NOT NULL, payloadtype VARCHAR(255) NOT NULL, payloadrevision VARCHAR(255),
                        payload BLOB NOT NULL, metadata BLOB, UNIQUE (aggregateidentifier, sequencenumber))""");
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/projections")
                    .baselineOnMigrate(true)
                    .baselineVersion("2")
                    .load()
                    .migrate();
            transactions = new DataSourceTransactionManager(dataSource);
            WriteBatch batch = new WriteBatch(jdbc);
            projections = List.of(
                    new AnnotationEventHandlerAdapter(new DecisionLogProjection(jdbc, batch)),
                    new AnnotationEventHandlerAdapter(new ProgrammeBoardProjection(jdbc, batch)),
                    new AnnotationEventHandlerAdapter(new SessionAgendaProjection(jdbc)));
        }

        /** One batch, as the tracking processor handles it: one unit of work and one transaction for all its events. */
        void project(List<EventMessage<?>> batch) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactionManager());
            unitOfWork.executeWithResult(() -> {
                EventMessage<?> event = unitOfWork.getMessage();
                for (AnnotationEventHandlerAdapter projection : projections) {
                    if (projection.canHandle(event)) {
                        projection.handle(event);
                    }
                }
                return null;
            });
        }

        Map<String, List<Map<String, Object>>> readModels() {
            return ReadModelRows.of(jdbc);
        }

        private TransactionManager transactionManager() {
            return () -> {
                TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
                return new Transaction() {
                    @Override
                    public void commit() {
                        transactions.commit(status);
                    }

                    @Override
                    public void rollback() {
                        transactions.rollback(status);
                    }
                };
            };
        }
    }
}
