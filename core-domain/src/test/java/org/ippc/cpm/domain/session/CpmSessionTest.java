package org.ippc.cpm.domain.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;
import static org.ippc.cpm.domain.Seed.*;

class CpmSessionTest {

    private FixtureConfiguration<CpmSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CpmSession.class);
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
    void A3_only_the_CPM_schedules_sessions() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleSession(CPM_10, 2015, SECRETARIAT, "Not ours"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("A3: ScheduleSession may be issued by [CPM], not by SECRETARIAT"))
                .expectNoEvents();
    }
}
