package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The read side on a real PostgreSQL 17 (fsync on): savepoints, cursors, bytea and the hash chain as production has them. */
class PostgresReadSideTest extends ReadSideContract {

    private static final List<String> SWAPPED = List.of("programme_board", "funding_entry", "decision_log");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
        registry.add("cpm.rebuild.swap-lock-wait", () -> "8s");
    }

    /**
     * The tables a rebuild only appends to are new tables filled without indexes and swapped in at its commit: they
     * must come with everything the live ones had — columns, keys, indexes, owner and grants, and the view over them.
     */
    @Test
    void a_rebuild_swaps_in_new_tables_with_the_live_tables_columns_keys_indexes_grants_and_views() {
        jdbc.execute("DO $$ BEGIN CREATE ROLE cpm_reporting; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        jdbc.execute("GRANT SELECT ON programme_board, decision_log, programme_status TO cpm_reporting");
        Map<String, Object> before = catalogue();
        Map<String, Long> oidsBefore = oids();
        Map<String, List<Map<String, Object>>> rows = readModels();

        rebuild();

        assertThat(api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .get("outcome")
                        .asText())
                .isEqualTo("done");
        assertThat(oids())
                .as("new tables in the live ones' place")
                .allSatisfy((table, oid) -> assertThat(oid).isNotEqualTo(oidsBefore.get(table)));
        assertThat(catalogue()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT has_table_privilege('cpm_reporting', 'programme_status', 'SELECT')", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = 'cpm_rebuild'",
                        Long.class))
                .as("nothing left behind in the rebuild's schema")
                .isZero();
        awaitProjected();
        assertThat(readModels()).isEqualTo(rows);
    }

    /**
     * A reader in a long transaction holds the decision log while a rebuild waits to swap its tables in: the rebuild
     * waits, but the other readers go on meanwhile instead of queueing behind its request for the lock.
     */
    @Test
    void readers_go_on_while_a_rebuild_waits_for_a_long_reader_before_its_swap() throws Exception {
        try (Connection longReader = readingTheDecisionLog()) {
            assertThat(api.postTo("auditor", "/api/admin/rebuild", "", Map.of()).status())
                    .isEqualTo(202);
            JdbcTemplate reader = new JdbcTemplate(dataSource);
            reader.setQueryTimeout(3);
            long slowest = 0;
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                reader.queryForObject("SELECT COUNT(*) FROM decision_log", Long.class);
                slowest = Math.max(slowest, System.nanoTime() - start);
                Thread.sleep(20);
            }
            JsonNode waiting = api.get("auditor", "/api/admin/rebuild").body();
            assertThat(waiting.get("running").asBoolean())
                    .as("the rebuild waits for the long reader")
                    .isTrue();
            assertThat(waiting.get("phase").asText()).isEqualTo("FINISHING");
            assertThat(waiting.get("percent").asDouble()).isEqualTo(100.0);
            assertThat(waiting.get("secondsLeft").isNull())
                    .as("no time left is known")
                    .isTrue();
            assertThat(Duration.ofNanos(slowest))
                    .as("the slowest read meanwhile (the rebuild gives up its request every 250 ms)")
                    .isLessThan(Duration.ofSeconds(2));
            longReader.commit();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("auditor", "/api/admin/rebuild").body().hasNonNull("outcome"));
        assertThat(api.get("auditor", "/api/admin/rebuild")
                        .body()
                        .get("outcome")
                        .asText())
                .isEqualTo("done");
    }

    /**
     * A reader that holds the swap up for longer than {@code cpm.rebuild.swap-lock-wait} (8 s here) makes the rebuild
     * in bulk give up and roll back; the outcome says why, and the processor's replay rebuilds the read models instead.
     */
    @Test
    void a_rebuild_held_from_its_swap_for_longer_than_the_wait_gives_up_and_the_processor_replays() throws Exception {
        awaitProjected();
        Map<String, List<Map<String, Object>>> before = readModels();
        try (Connection longReader = readingTheDecisionLog()) {
            long asked = System.nanoTime();
            assertThat(api.postTo("auditor", "/api/admin/rebuild", "", Map.of()).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("auditor", "/api/admin/rebuild").body().hasNonNull("outcome"));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThan(Duration.ofSeconds(8));
            assertThat(api.get("auditor", "/api/admin/rebuild")
                            .body()
                            .get("outcome")
                            .asText())
                    .isEqualTo("bulk failed: another transaction held the read models' tables for longer than 8 s, so"
                            + " the new ones were not swapped in");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'cpm_rebuild'", Long.class))
                    .as("the new tables rolled back")
                    .isZero();
            longReader.commit();
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(readModels()).isEqualTo(before));
    }

    /** A connection in a transaction that has read the decision log, and so holds its lock until it ends. */
    private Connection readingTheDecisionLog() throws SQLException {
        Connection reader = dataSource.getConnection();
        reader.setAutoCommit(false);
        reader.createStatement()
                .executeQuery("SELECT COUNT(*) FROM decision_log")
                .close();
        return reader;
    }

    private Map<String, Long> oids() {
        Map<String, Long> oids = new LinkedHashMap<>();
        SWAPPED.forEach(table -> oids.put(table, jdbc.queryForObject("SELECT ?::regclass::oid", Long.class, table)));
        return oids;
    }

    /** What the catalogue says of each swapped table and of the view over the board. */
    private Map<String, Object> catalogue() {
        Map<String, Object> catalogue = new LinkedHashMap<>();
        for (String table : SWAPPED) {
            catalogue.put(
                    table + " columns",
                    jdbc.queryForList(
                            "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns"
                                    + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                            table));
            catalogue.put(
                    table + " keys",
                    jdbc.queryForList(
                            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass"
                                    + " ORDER BY conname",
                            table));
            catalogue.put(
                    table + " indexes",
                    jdbc.queryForList(
                            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?"
                                    + " ORDER BY indexname",
                            String.class,
                            table));
            catalogue.put(table + " owner and grants", ownerAndGrants(table));
        }
        catalogue.put(
                "programme_status",
                jdbc.queryForObject("SELECT pg_get_viewdef('programme_status'::regclass)", String.class));
        catalogue.put("programme_status owner and grants", ownerAndGrants("programme_status"));
        return catalogue;
    }

    private Map<String, Object> ownerAndGrants(String relation) {
        return jdbc.queryForMap(
                "SELECT pg_get_userbyid(relowner) AS owner, relacl::text AS grants FROM pg_class WHERE oid = ?::regclass",
                relation);
    }
}
