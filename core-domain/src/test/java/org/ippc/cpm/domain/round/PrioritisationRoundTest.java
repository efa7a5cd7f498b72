package org.ippc.cpm.domain.round;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.ippc.cpm.domain.Seed.*;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ippc.cpm.domain.commission.RoundsAtSession;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrioritisationRoundTest {

    private FixtureConfiguration<PrioritisationRound> fixture;

    private final RoundOpened opened = new RoundOpened(ROUND_10, CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call for input");
    private final InputSubmitted nzInput = new InputSubmitted(ROUND_10, "NZ-2014-07", NZ, "Surveillance is our gap");
    private final InputClosed closedEarly = new InputClosed(ROUND_10, false, SECRETARIAT, "Enough input");
    private final SelectionCriteriaEstablished criteria =
            new SelectionCriteriaEstablished(ROUND_10, CRITERIA, SECRETARIAT, "OEWG recommendation");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PrioritisationRound.class);
        // Input reaches the round through the handler that first checks the round's session (none here: not closed).
        var otherAggregates = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        fixture.registerAnnotatedCommandHandler(new RoundsAtSession(
                EventSourcingRepository.builder(CpmSession.class)
                        .eventStore(otherAggregates)
                        .build(),
                fixture.getRepository(),
                EventSourcingRepository.builder(Programme.class)
                        .eventStore(otherAggregates)
                        .build()));
    }

    @Test
    void round_opens_with_an_input_deadline_that_closes_input_by_itself() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .when(new OpenRound(CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call for input"))
                .expectEvents(opened)
                .expectScheduledDeadlineWithName(INPUT_DEADLINE, PrioritisationRound.INPUT_DEADLINE);
    }

    @Test
    void P1_the_deadline_closes_input_by_itself() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGivenCommands(
                        new OpenRound(CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call for input"),
                        new SubmitInput(ROUND_10, "NZ-2014-07", NZ, "Surveillance is our gap"))
                .whenThenTimeAdvancesTo(INPUT_DEADLINE)
                .expectTriggeredDeadlinesWithName(PrioritisationRound.INPUT_DEADLINE)
                .expectEvents(new InputClosed(
                        ROUND_10, true, Actor.engine(), "input deadline " + INPUT_DEADLINE + " reached"));
    }

    @Test
    void P1_contracting_parties_and_RPPOs_submit_input_while_the_round_is_open() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened)
                .when(new SubmitInput(ROUND_10, "EPPO-2014-3", EPPO, "Regional surveillance priorities"))
                .expectEvents(new InputSubmitted(ROUND_10, "EPPO-2014-3", EPPO, "Regional surveillance priorities"));
    }

    @Test
    void P1_only_contracting_parties_and_RPPOs_submit_input() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened)
                .when(new SubmitInput(ROUND_10, null, SECRETARIAT, "Our own view"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("P1: SubmitInput may be issued by"))
                .expectNoEvents();
    }

    @Test
    void P1_input_after_the_deadline_is_refused_even_before_the_deadline_fires() {
        fixture.givenCurrentTime(INPUT_DEADLINE.plus(Duration.ofMinutes(1)))
                .andGiven(opened)
                .when(new SubmitInput(ROUND_10, null, KE, "Late input"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("P1: "))
                .expectNoEvents();
    }

    @Test
    void P1_input_after_an_early_close_is_refused() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, closedEarly)
                .when(new SubmitInput(ROUND_10, null, KE, "Late input"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("it is INPUT_CLOSED"))
                .expectNoEvents();
    }

    @Test
    void P1_the_secretariat_closes_input_early() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput)
                .when(new CloseInput(ROUND_10, SECRETARIAT, "Enough input"))
                .expectEvents(closedEarly);
    }

    @Test
    void P2_criteria_are_established_before_the_analysis() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, closedEarly)
                .when(new EstablishSelectionCriteria(ROUND_10, CRITERIA, SECRETARIAT, "OEWG recommendation"))
                .expectEvents(criteria);
    }

    @Test
    void P2_criteria_cannot_be_established_after_the_analysis() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, closedEarly, criteria, analysis())
                .when(new EstablishSelectionCriteria(ROUND_10, List.of("cost"), SECRETARIAT, "Afterthought"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("P2: selection criteria are established before"))
                .expectNoEvents();
    }

    @Test
    void P2_the_analysis_lists_the_options_weighed_against_the_criteria() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, closedEarly, criteria)
                .when(new CompleteAnalysis(ROUND_10, options(), "CPM 2015/12", SECRETARIAT, "Analysis of options"))
                .expectEvents(analysis());
    }

    @Test
    void P2_the_analysis_is_completed_only_after_input_has_closed() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, criteria)
                .when(new CompleteAnalysis(ROUND_10, options(), null, SECRETARIAT, "Too early"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("P2: the analysis is completed only after input has closed"))
                .expectNoEvents();
    }

    @Test
    void P2_the_analysis_needs_criteria_first() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, closedEarly)
                .when(new CompleteAnalysis(ROUND_10, options(), null, SECRETARIAT, "No criteria"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("establishes the selection criteria before"))
                .expectNoEvents();
    }

    @Test
    void P2_the_analysis_needs_input_from_at_least_one_party_or_RPPO() {
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, closedEarly, criteria)
                .when(new CompleteAnalysis(ROUND_10, options(), null, SECRETARIAT, "No input"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("needs input from at least one"))
                .expectNoEvents();
    }

    @Test
    void P2_every_option_is_weighed_against_every_criterion() {
        AnalysedOption halfWeighed =
                new AnalysedOption("surveillance", "Surveillance", List.of(new Assessment(CRITERIA.get(0), "high")));
        fixture.givenCurrentTime(ROUND_OPENS)
                .andGiven(opened, nzInput, closedEarly, criteria)
                .when(new CompleteAnalysis(ROUND_10, List.of(halfWeighed), null, SECRETARIAT, "Partial"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("is not weighed against the criteria [feasibility"))
                .expectNoEvents();
    }

    private AnalysisCompleted analysis() {
        return new AnalysisCompleted(ROUND_10, options(), "CPM 2015/12", SECRETARIAT, "Analysis of options");
    }
}
