package org.ippc.cpm.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The same command API suite on a real PostgreSQL, where the schema is Flyway's and payloads are bytea. */
@ActiveProfiles("postgres")
@TestPropertySource(properties = {"server.shutdown=immediate", "cpm.security.demo-users=true"})
class PostgresCommandApiTest extends CommandApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

    @Test
    void payloads_are_bytea_never_large_objects_and_fsync_is_on() {
        assertThat(
                        jdbc.queryForList(
                                "SELECT data_type FROM information_schema.columns WHERE table_name IN "
                                        + "('domainevententry','snapshotevententry','tokenentry','sagaentry','scheduled_tasks') AND data_type = 'oid'"))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT data_type FROM information_schema.columns WHERE table_name = 'domainevententry' "
                                + "AND column_name = 'payload'",
                        String.class))
                .isEqualTo("bytea");
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();
    }
}
