package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A decision log written before events recorded the person and the party apart: the migration fills both columns
 * and rewrites each row's payload as the upcaster reads its event, on H2 and on PostgreSQL.
 */
class ActorPersonAndPartyMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rows_of_revision_1_get_their_party_and_an_unrecorded_person_or_their_person(String vendor) {
        DataSource database = vendor.equals("h2")
                ? new DriverManagerDataSource(
                        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=TIMESTAMP,VALUE",
                        "sa",
                        "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabase.create(), "postgres", "postgres");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrate(database, vendor, "7");
        row(jdbc, 1, "CONTRACTING_PARTY", "NZ");
        row(jdbc, 2, "CPM", "chair-1");
        jdbc.update("UPDATE decision_log SET command = 'GiveGuidance' WHERE global_index = 1");

        jdbc.update("""
                INSERT INTO funding_entry (event_id, programme_id, party, party_role, flow, resource_kind, value_usd,
                    description, occurred_at) VALUES ('e1', 'p', 'finance-committee', 'FINANCE_COMMITTEE', 'MOBILISED',
                    'FUNDS', 10, 'd', CURRENT_TIMESTAMP), ('e2', 'p', 'NZ', 'CONTRACTING_PARTY', 'PLEDGED', 'FUNDS', 5, 'd',
                    CURRENT_TIMESTAMP)""");

        migrate(database, vendor, "latest");

        assertThat(jdbc.queryForList("SELECT party FROM funding_entry ORDER BY event_id", String.class))
                .as("V11: funding by party or body, never a person")
                .containsExactly("FINANCE_COMMITTEE", "NZ");

        assertThat(jdbc.queryForList("SELECT command FROM decision_log ORDER BY global_index", String.class))
                .as("V12: commands named as the API names them")
                .containsExactly("giveGuidance", null);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT actor_role, actor_id, actor_person, actor_party, payload FROM decision_log ORDER BY global_index");
        assertThat(rows)
                .extracting(
                        r -> List.of(r.get("actor_id"), r.get("actor_person"), String.valueOf(r.get("actor_party"))))
                .containsExactly(List.of("NZ", "(not recorded)", "NZ"), List.of("chair-1", "chair-1", "null"));
        assertThat(rows.get(0).get("payload").toString())
                .contains("\"actor\":{\"role\":\"CONTRACTING_PARTY\",\"person\":\"(not recorded)\",\"party\":\"NZ\"}");
        assertThat(rows.get(1).get("payload").toString())
                .contains("\"actor\":{\"role\":\"CPM\",\"person\":\"chair-1\"}");
    }

    private static void migrate(DataSource database, String vendor, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations(
                        "classpath:db/migration/" + vendor, "classpath:db/migration/common", "classpath:db/projections")
                .target(target)
                .load()
                .migrate();
    }

    private static void row(JdbcTemplate jdbc, long index, String role, String id) {
        jdbc.update(
                """
                INSERT INTO decision_log (global_index, event_id, aggregate_type, aggregate_id, sequence_number, event_type,
                    occurred_at, actor_role, actor_id, payload) VALUES (?, ?, 'Programme', 'p', ?, 'GuidanceGiven', CURRENT_TIMESTAMP, ?, ?, ?)""",
                index,
                UUID.randomUUID().toString(),
                index,
                role,
                id,
                "{\"programmeId\":\"p\",\"actor\":{\"role\":\"" + role + "\",\"id\":\"" + id
                        + "\"},\"rationale\":\"r\"}");
    }
}
