package org.ippc.cpm.projection.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Who may rebuild into new tables on PostgreSQL: a user that may not drop the live tables, or may not create the
 * schema for the new ones, rebuilds in place, and is told so in the log; one that may, creates the schema itself.
 */
class ShadowTablesTest {

    @Test
    void a_user_that_may_not_drop_the_live_tables_or_create_the_schema_rebuilds_in_place() {
        String url = EmbeddedPostgresDatabase.create().replaceFirst("\\?.*", ""); // without its user=postgres
        String database = url.substring(url.lastIndexOf('/') + 1);
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        owner.execute("DO $$ BEGIN CREATE ROLE cpm_engine LOGIN PASSWORD 'engine'; "
                + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        owner.execute("CREATE SCHEMA engine AUTHORIZATION cpm_engine");
        owner.execute("ALTER ROLE cpm_engine SET search_path = engine");
        for (String table : ShadowTables.TABLES) {
            owner.execute("CREATE TABLE engine.%s (id BIGINT PRIMARY KEY)".formatted(table));
        }

        assertThat(prepareAsTheEngine(url)).as("the tables are postgres's").isEmpty();

        for (String table : ShadowTables.TABLES) {
            owner.execute("ALTER TABLE engine.%s OWNER TO cpm_engine".formatted(table));
        }
        owner.execute("REVOKE CREATE ON DATABASE " + database + " FROM PUBLIC");
        assertThat(prepareAsTheEngine(url)).as("it may not create the schema").isEmpty();

        owner.execute("GRANT CREATE ON DATABASE " + database + " TO cpm_engine");
        assertThat(prepareAsTheEngine(url))
                .as("it owns the tables and creates the schema")
                .isPresent();
    }

    /** Prepares as the engine's user, in a transaction that is rolled back. */
    private static Optional<ShadowTables> prepareAsTheEngine(String url) {
        SingleConnectionDataSource engine = new SingleConnectionDataSource(url, "cpm_engine", "engine", true);
        try {
            engine.setAutoCommit(false);
            return ShadowTables.prepare(new JdbcTemplate(engine), Duration.ofMinutes(2));
        } finally {
            new JdbcTemplate(engine).execute("ROLLBACK");
            engine.destroy();
        }
    }
}
