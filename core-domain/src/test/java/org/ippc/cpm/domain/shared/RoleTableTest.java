package org.ippc.cpm.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ippc.cpm.domain.SpecTables;
import org.junit.jupiter.api.Test;

/** A3: the one role table of the engine (each command's {@code @IssuedBy}) is the spec's, command by command. */
class RoleTableTest {

    @Test
    void A3_every_command_names_exactly_the_roles_of_the_spec_s_table() {
        Map<String, Set<Role>> inCode = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ippc.cpm.domain")) {
            if (type.isAnnotatedWith(IssuedBy.class)) {
                inCode.put(type.getSimpleName(), RoleTable.mayIssue(type.reflect()));
            }
        }
        assertThat(inCode).isEqualTo(SpecTables.WHO_MAY_ISSUE);
    }
}
