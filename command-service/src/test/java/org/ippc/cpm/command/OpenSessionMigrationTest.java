package org.ippc.cpm.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A store written before S1's register existed: the migration that adds the register finds the open session. */
class OpenSessionMigrationTest {

    @Test
    void S1_the_register_of_an_existing_store_holds_the_session_opened_last_and_not_closed() {
        DataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=TIMESTAMP,VALUE", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrate(database, "2");
        event(jdbc, "CPM-9", 0, "SessionScheduled");
        event(jdbc, "CPM-9", 1, "SessionOpened");
        event(jdbc, "CPM-9", 2, "SessionClosed");
        event(jdbc, "CPM-10", 0, "SessionScheduled");
        event(jdbc, "CPM-10", 1, "SessionOpened");
        event(jdbc, "CPM-11", 0, "SessionScheduled");

        migrate(database, "latest");

        assertThat(jdbc.queryForList("SELECT session_id FROM open_session", String.class))
                .containsExactly("CPM-10");
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .target(target)
                .load()
                .migrate();
    }

    private static void event(JdbcTemplate jdbc, String session, long sequence, String type) {
        jdbc.update(
                "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,"
                        + " payloadtype, payload) VALUES (?, ?, ?, 'CpmSession', '2026-11-29T00:00:00Z', ?, ?)",
                UUID.randomUUID().toString(),
                session,
                sequence,
                "org.ippc.cpm.domain.session." + type,
                "{}".getBytes());
    }
}
