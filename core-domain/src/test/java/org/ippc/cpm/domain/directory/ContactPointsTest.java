package org.ippc.cpm.domain.directory;

import static org.hamcrest.Matchers.startsWith;
import static org.ippc.cpm.domain.Seed.*;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.InvalidValue;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactPointsTest {

    private static final Addressee NZ_POINTS = new Addressee("NZ");

    private FixtureConfiguration<ContactPoints> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContactPoints.class);
    }

    @Test
    void N1_the_secretariat_names_contact_points_and_a_person_chooses_digest_or_opts_out() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContactPoint(
                        NZ_POINTS, "nz-ippc", "ippc@mpi.example.nz", Language.EN, SECRETARIAT, "Notified"))
                .expectEvents(new ContactPointRegistered(
                        NZ_POINTS, "nz-ippc", "ippc@mpi.example.nz", Language.EN, SECRETARIAT, "Notified"));
        fixture.given(new ContactPointRegistered(
                        NZ_POINTS, "nz-ippc", "ippc@mpi.example.nz", Language.EN, SECRETARIAT, "Notified"))
                .when(new ChooseNotifications(
                        NZ_POINTS, "nz-ippc", Delivery.DAILY_DIGEST, false, Actor.engine(), "Link followed"))
                .expectEvents(new NotificationsChosen(
                        NZ_POINTS, "nz-ippc", Delivery.DAILY_DIGEST, false, Actor.engine(), "Link followed"));
    }

    @Test
    void N1_a_choice_or_a_removal_names_a_person_of_the_directory() {
        fixture.given(new ContactPointRegistered(
                        NZ_POINTS, "nz-ippc", "ippc@mpi.example.nz", Language.EN, SECRETARIAT, "Notified"))
                .when(new RemoveContactPoint(NZ_POINTS, "someone-else", SECRETARIAT, "Left"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("N1: someone-else is not a contact point of NZ")
                .expectNoEvents();
    }

    @Test
    void N1_an_address_that_could_split_a_mail_header_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RegisterContactPoint(
                        NZ_POINTS,
                        "nz-ippc",
                        "ippc@example.nz\r\nBcc: everyone@example.org",
                        Language.EN,
                        SECRETARIAT,
                        "Hostile"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageStartingWith("email must be one e-mail address");
    }

    @Test
    void A3_only_the_secretariat_keeps_the_directory() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContactPoint(NZ_POINTS, "nz-ippc", "ippc@mpi.example.nz", Language.EN, NZ, "Self"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(startsWith("A3: RegisterContactPoint may be issued by [SECRETARIAT]"))
                .expectNoEvents();
    }
}
