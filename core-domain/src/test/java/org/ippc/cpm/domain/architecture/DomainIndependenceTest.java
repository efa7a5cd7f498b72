package org.ippc.cpm.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    @ArchTest
    static final ArchRule sessions_rounds_and_decisions_do_not_reach_into_programmes = noClasses()
            .that()
            .resideInAnyPackage("org.ippc.cpm.domain.session..", "org.ippc.cpm.domain.decision..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.ippc.cpm.domain.commission..")
            .allowEmptyShould(false);
}
