package org.ippc.cpm.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * core-domain knows Axon's modelling and event-sourcing API and nothing of Spring, HTTP or SQL. Seen failing once by
 * adding an {@code org.springframework.stereotype.Component} annotation to {@code CpmSession}.
 */
@AnalyzeClasses(packages = "org.ippc.cpm.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIndependenceTest {

    @ArchTest
    static final ArchRule the_rule_sees_the_domain = classes()
            .that()
            .resideInAPackage("org.ippc.cpm.domain..")
            .should()
            .resideInAPackage("org.ippc.cpm.domain..")
            .as("the domain classes are imported (a rule over no classes would pass for ever)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule no_spring_web_or_sql_in_the_domain = noClasses()
            .that()
            .resideInAPackage("org.ippc.cpm.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.servlet..",
                    "javax.servlet..",
                    "jakarta.ws..",
                    "java.sql..",
                    "javax.sql..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "org.hibernate..",
                    "org.axonframework.spring..",
                    "org.axonframework.springboot..",
                    "org.axonframework.eventsourcing.eventstore.jdbc..",
                    "org.axonframework.eventsourcing.eventstore.jpa..",
                    "org.axonframework.axonserver..")
            .allowEmptyShould(false);

    /** The commission package coordinates the aggregates (a decision at an open session, say); none of them calls it. */
    @ArchTest
    static final ArchRule no_aggregate_reaches_into_the_commission = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.ippc.cpm.domain.session..",
                    "org.ippc.cpm.domain.round..",
                    "org.ippc.cpm.domain.programme..",
                    "org.ippc.cpm.domain.decision..",
                    "org.ippc.cpm.domain.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.ippc.cpm.domain.commission..")
            .allowEmptyShould(false);

    /** Seen failing while {@code round.ProposePriority} and {@code programme.Programme} used each other. */
    @ArchTest
    static final ArchRule the_domain_s_packages_are_free_of_cycles =
            slices().matching("org.ippc.cpm.domain.(*)..").should().beFreeOfCycles();
}
