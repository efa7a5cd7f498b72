package org.ippc.cpm.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md that the build alone does not hold (the engine is assembled here with
 * command-service on the runtime classpath): the read side never uses the command side, which never uses the read
 * side, and neither reaches the other through the platform. Seen failing once with an import of {@code DemoUsers}.
 */
@AnalyzeClasses(packages = "org.ippc.cpm", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArrowsTest {

    @ArchTest
    static final ArchRule the_read_side_never_uses_the_command_side = noClasses()
            .that()
            .resideInAnyPackage("org.ippc.cpm.query..", "org.ippc.cpm.projection..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.ippc.cpm.command..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule the_command_side_never_uses_the_read_side = noClasses()
            .that()
            .resideInAPackage("org.ippc.cpm.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.ippc.cpm.query..", "org.ippc.cpm.projection..")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule the_platform_knows_no_service = noClasses()
            .that()
            .resideInAPackage("org.ippc.cpm.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.ippc.cpm.command..",
                    "org.ippc.cpm.query..",
                    "org.ippc.cpm.projection..",
                    "org.ippc.cpm.domain..")
            .allowEmptyShould(false);

    /** Modules (and each service's packages) use one another one way only. */
    @ArchTest
    static final ArchRule the_modules_are_free_of_cycles =
            slices().matching("org.ippc.cpm.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule each_service_s_packages_are_free_of_cycles =
            slices().matching("org.ippc.cpm.(*).(*)..").should().beFreeOfCycles();
}
