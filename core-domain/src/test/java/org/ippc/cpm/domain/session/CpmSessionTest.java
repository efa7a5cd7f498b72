package org.ippc.cpm.domain.session;

import static org.hamcrest.Matchers.startsWith;
import static org.ippc.cpm.domain.Seed.*;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ippc.cpm.domain.commission.SessionCalendar;
import org.ippc.cpm.domain.commission.SessionRegister;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CpmSessionTest {

    private FixtureConfiguration<CpmSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CpmSession.class);
        // Scheduling goes through the calendar, which first checks that the number is free (S1).
        var otherAggregates = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        fixture.registerAnnotatedCommandHandler(new SessionCalendar(
                fixture.getRepository(),
                EventSourcingRepository.builder(PrioritisationRound.class)
                        .eventStore(otherAggregates)
                        .build(),
                EventSourcingRepository.builder(Programme.class)
                        .eventStore(otherAggregates)
                        .build(),
                SessionRegister.inMemory()));
    }

    @Test
    void S1_a_session_number_is_scheduled_once() {
        fixture.given(new SessionScheduled(CPM_10, 10, 2015, CPM_CHAIR, "Rome"))
                .when(new ScheduleSession(CPM_10, 2015, CPM_CHAIR, "Again"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("S1: CPM-10 is already scheduled; each session number is scheduled once")
                .expectNoEvents();
    }

    @Test
    void S1_the_CPM_schedules_session_n_in_year_2005_plus_n() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(CPM_10, 2015, CPM_CHAIR, "Rome, March 2015"))
                .expectEvents(new SessionScheduled(CPM_10, 10, 2015, CPM_CHAIR, "Rome, March 2015"));
    }

    @Test
    void S1_a_session_in_the_wrong_year_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(CPM_10, 2016, CPM_CHAIR, "Wrong year"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("S1: CPM-10 is held in 2015 (session n is in year 2005 + n), not in 2016")
                .expectNoEvents();
    }

    @Test
    void S1_a_session_may_be_scheduled_on_days_of_its_year() {
        var opens = java.time.LocalDate.parse("2015-03-16");
        var closes = java.time.LocalDate.parse("2015-03-20");
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(CPM_10, 2015, opens, closes, CPM_CHAIR, "Rome"))
                .expectEvents(new SessionScheduled(CPM_10, 10, 2015, opens, closes, CPM_CHAIR, "Rome"));
    }

    @Test
    void S1_a_session_s_days_are_both_given_in_its_year_and_in_order() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(
                        CPM_10,
                        2015,
                        java.time.LocalDate.parse("2015-03-20"),
                        java.time.LocalDate.parse("2015-03-16"),
                        CPM_CHAIR,
                        "Backwards"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("S1: CPM-10 is held from opensOn to closesOn"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(
                        CPM_10, 2015, java.time.LocalDate.parse("2016-03-16"), null, CPM_CHAIR, "Wrong year"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void A3_only_the_CPM_schedules_sessions() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(CPM_10, 2015, SECRETARIAT, "Not ours"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("A3: ScheduleSession may be issued by [CPM], not by SECRETARIAT"))
                .expectNoEvents();
    }
}
