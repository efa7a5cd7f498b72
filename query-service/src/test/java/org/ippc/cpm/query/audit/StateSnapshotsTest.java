package org.ippc.cpm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.ippc.cpm.domain.programme.PledgeResources;
import org.ippc.cpm.domain.programme.Resource;
import org.ippc.cpm.domain.programme.ResourceKind;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The as-of's state snapshots (kept here after every 4th event) give exactly what a replay of every event gives, at
 * every point of every aggregate of the demo story: by version, by recording instant and by the day it took place.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cpm.demo.load=true",
            "cpm.audit.snapshot-every=4",
            "server.shutdown=immediate",
            "spring.datasource.url=jdbc:h2:mem:snapshots;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StateSnapshotsTest {

    @Autowired
    CommandGateway commands;

    private static final String PILOT = "surveillance-pilot";

    @Autowired
    AggregateStates states;

    @Autowired
    StateSnapshots snapshots;

    @Autowired
    EventHistory history;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_as_of_from_a_snapshot_equals_the_replay_of_every_event_at_every_point() {
        int fromSnapshots = 0;
        for (String aggregate :
                jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry", String.class)) {
            for (HistoryPoint point : pointsOf(aggregate)) {
                jdbc.update("DELETE FROM state_snapshot");
                AggregateState replayed = states.at(aggregate, point);
                if (snapshots.latestWithin(aggregate, point).isPresent()) {
                    fromSnapshots++;
                }
                assertThat(states.at(aggregate, point))
                        .as(aggregate + " at " + point.given())
                        .isEqualTo(replayed);
            }
        }
        assertThat(fromSnapshots).as("as-ofs that started from a snapshot").isGreaterThan(50);
    }

    @Test
    void a_snapshot_made_by_other_domain_code_is_never_used() {
        HistoryPoint last = HistoryPoint.version(Long.MAX_VALUE);
        AggregateState replayed = states.at(PILOT, last);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM state_snapshot WHERE aggregate_id = ?", Long.class, PILOT))
                .isGreaterThanOrEqualTo(5);
        jdbc.update(
                "UPDATE state_snapshot SET model = 'other-code', state = ?",
                "not a programme".getBytes(StandardCharsets.UTF_8));
        assertThat(states.at(PILOT, last)).isEqualTo(replayed);
    }

    @Test
    @Order(3)
    void a_long_history_is_read_page_by_page_without_losing_or_repeating_an_event() {
        for (int i = 0; i < 140; i++) {
            commands.sendAndWait(new PledgeResources(
                    new ProgrammeId(PILOT),
                    new Resource(ResourceKind.FUNDS, BigDecimal.ONE, "paging"),
                    new Actor(Role.CONTRACTING_PARTY, "nz-delegate", "NZ"),
                    "paging"));
        }
        List<Long> stored = history.history(PILOT).stream()
                .map(HistoryEntry::sequenceNumber)
                .toList();
        assertThat(stored).hasSizeGreaterThan(140);
        assertThat(history.eventsFrom(PILOT, 0, Long.MAX_VALUE, 64).map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(stored);
        assertThat(history.eventsFrom(PILOT, 70, Long.MAX_VALUE, 64).map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(stored.subList(70, stored.size()));
        assertThat(history.eventsFrom(PILOT, 70, 140, 64).map(DomainEventMessage::getSequenceNumber))
                .as("two pages, the second only as long as needed")
                .containsExactlyElementsOf(stored.subList(70, 141));
        assertThat(history.eventsFrom(PILOT, 70, 69, 64)).isEmpty();

        jdbc.update("DELETE FROM state_snapshot");
        HistoryPoint last = HistoryPoint.version(Long.MAX_VALUE);
        AggregateState replayed = states.at(PILOT, last);
        assertThat(replayed.version()).isEqualTo(stored.get(stored.size() - 1));
        assertThat(states.at(PILOT, last)).as("from the snapshot it kept").isEqualTo(replayed);
    }

    private List<HistoryPoint> pointsOf(String aggregate) {
        List<HistoryPoint> points = new ArrayList<>();
        for (HistoryEntry event : history.history(aggregate)) {
            points.add(HistoryPoint.version(event.sequenceNumber()));
            points.add(HistoryPoint.recordedBy(event.timestamp()));
            Object day = event.metadata().get("cpm.tookPlaceOn");
            if (day != null) {
                points.add(HistoryPoint.tookPlaceBy(LocalDate.parse(day.toString())));
            }
        }
        return points;
    }
}
