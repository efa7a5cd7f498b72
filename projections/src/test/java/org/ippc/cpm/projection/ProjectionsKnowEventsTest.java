package org.ippc.cpm.projection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * The read models are built from events: the projections module knows the events, their values and the upcaster,
 * never an aggregate, a command handler of the commission, or a service. Seen failing once by making
 * {@code EventFacts} take a {@code Programme}.
 */
@AnalyzeClasses(
        packages = {"org.ippc.cpm.projection", "db.projections"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsKnowEventsTest {

    @ArchTest
    static final ArchRule projections_never_touch_an_aggregate = noClasses()
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(AggregateRoot.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.ippc.cpm.domain.commission..", "org.ippc.cpm.command..", "org.ippc.cpm.query..")
            .allowEmptyShould(false);
}
