package org.ippc.cpm.projection.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, a rebuild in bulk fills the read models it only appends to in new tables of the same columns in the
 * schema {@value #SCHEMA}, without indexes, and swaps them in for the live tables just before its commit: their keys
 * and indexes (the live tables' own definitions) are built once over all the rows instead of kept up row by row, and
 * the old rows are dropped with their table instead of deleted one by one. Readers read the live tables as they were
 * until the commit; only the swap itself (dropping the old tables, moving the new ones in, making their views again)
 * holds their locks, and it waits for them without holding readers up for long ({@link #lock}). The handlers' SQL is
 * unchanged: the schema comes first in the transaction's search path. Nothing is done on other databases, or where
 * the database user may not do all this ({@link #allowed}): there the rebuild empties and refills the live tables.
 */
final class ShadowTables {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowTables.class);

    static final String SCHEMA = "cpm_rebuild";

    /**
     * The tables a rebuild only appends to (the board's rows it writes once, after the last event: WriteBatch). The
     * others are updated by key as events come, which needs their indexes all along; they are small.
     */
    static final List<String> TABLES = List.of("programme_board", "funding_entry", "decision_log");

    static final Duration LOCK_WAIT = Duration.ofMillis(250);

    private static final Pattern INDEX_ON = Pattern.compile("(CREATE (?:UNIQUE )?INDEX \\S+ ON )(?:ONLY )?\\S+( .*)");

    private final JdbcTemplate jdbc;
    private final String liveSchema;
    private final String searchPath;
    private final Duration lockWithin;

    private ShadowTables(JdbcTemplate jdbc, String liveSchema, String searchPath, Duration lockWithin) {
        this.jdbc = jdbc;
        this.liveSchema = liveSchema;
        this.searchPath = searchPath;
        this.lockWithin = lockWithin;
    }

    /** Creates the empty tables and puts them first in the transaction's search path; none on other databases. */
    static Optional<ShadowTables> prepare(JdbcTemplate jdbc, Duration lockWithin) {
        if (!Boolean.TRUE.equals(jdbc.execute(
                (ConnectionCallback<Boolean>) connection -> connection.isWrapperFor(PGConnection.class)))) {
            return Optional.empty();
        }
        ShadowTables shadow = new ShadowTables(
                jdbc,
                jdbc.queryForObject("SELECT current_schema()", String.class),
                jdbc.queryForObject("SELECT current_setting('search_path')", String.class),
                lockWithin);
        if (!shadow.allowed()) {
            LOG.info(
                    "The read models are rebuilt in place: the database user cannot drop the live tables or their"
                            + " views, or cannot create the schema {} or tables in it",
                    SCHEMA);
            return Optional.empty();
        }
        for (String table : TABLES) {
            jdbc.execute("CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED"
                            .formatted(shadow(table), shadow.live(table))
                    + " INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS)");
            shadow.privileges(shadow.live(table), shadow(table)).forEach(jdbc::execute);
        }
        shadow.searchPath(quote(SCHEMA) + ", " + shadow.searchPath);
        return Optional.of(shadow);
    }

    /**
     * Whether this user may swap: it owns (or is a member of the owner of) the live tables and their views, may create
     * tables in the live schema, and may create them in {@value #SCHEMA} — or may create that schema, which it then
     * does (in the rebuild's transaction, like everything else).
     */
    private boolean allowed() {
        List<String> relations = new ArrayList<>(views().keySet());
        TABLES.forEach(table -> relations.add(live(table)));
        for (String relation : relations) {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = ?::regclass",
                    Boolean.class,
                    relation))) {
                return false;
            }
        }
        if (!Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT has_schema_privilege(?, 'CREATE')", Boolean.class, liveSchema))) {
            return false;
        }
        List<Boolean> mayCreateIn = jdbc.queryForList(
                "SELECT has_schema_privilege(oid, 'CREATE') FROM pg_namespace WHERE nspname = ?",
                Boolean.class,
                SCHEMA);
        if (!mayCreateIn.isEmpty()) {
            return mayCreateIn.get(0);
        }
        if (!Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT has_database_privilege(current_database(), 'CREATE')", Boolean.class))) {
            return false;
        }
        jdbc.execute("CREATE SCHEMA " + quote(SCHEMA));
        return true;
    }

    /**
     * Builds the new tables' keys and indexes as the live tables have them, then drops the live tables and moves the
     * new ones in their place, with the views over them made again.
     */
    void swapIn() {
        searchPath(searchPath);
        for (String table : TABLES) {
            String shadow = shadow(table);
            for (Map<String, Object> key : jdbc.queryForList(
                    "SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint"
                            + " WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'x')",
                    live(table))) {
                jdbc.execute("ALTER TABLE %s ADD CONSTRAINT %s %s"
                        .formatted(shadow, quote((String) key.get("conname")), key.get("definition")));
            }
            for (String index : jdbc.queryForList(
                    "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = ?::regclass"
                            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
                    String.class,
                    live(table))) {
                jdbc.execute(onTable(index, shadow));
            }
            jdbc.execute("ANALYZE " + shadow);
        }
        Map<String, String> views = views();
        Map<String, List<String>> viewPrivileges = new LinkedHashMap<>();
        views.keySet().forEach(view -> viewPrivileges.put(view, privileges(view, view)));
        lock(views.keySet());
        views.keySet().forEach(view -> jdbc.execute("DROP VIEW " + view));
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE " + live(table));
            jdbc.execute("ALTER TABLE %s SET SCHEMA %s".formatted(shadow(table), quote(liveSchema)));
        }
        views.forEach((view, definition) -> {
            jdbc.execute("CREATE VIEW %s AS %s".formatted(view, definition));
            viewPrivileges.get(view).forEach(jdbc::execute);
        });
    }

    /**
     * Takes the locks of the views and of the live tables, the views first as a reader of a view takes them. A request
     * for a lock that a reader holds (a long export, say) makes every later reader queue behind it, so the request
     * gives up after {@link #LOCK_WAIT} to let them through, and is made again a moment later, up to
     * {@code cpm.rebuild.swap-lock-wait} in all; then the rebuild fails (rolled back).
     */
    private void lock(Collection<String> views) {
        List<String> relations = new ArrayList<>(views);
        TABLES.forEach(table -> relations.add(live(table)));
        long giveUpAt = System.nanoTime() + lockWithin.toNanos();
        while (true) {
            jdbc.execute("SAVEPOINT swap");
            try {
                jdbc.execute("SET LOCAL lock_timeout = %d".formatted(LOCK_WAIT.toMillis()));
                jdbc.execute("LOCK TABLE %s IN ACCESS EXCLUSIVE MODE".formatted(String.join(", ", relations)));
                jdbc.execute("RELEASE SAVEPOINT swap");
                return;
            } catch (DataAccessException held) {
                jdbc.execute("ROLLBACK TO SAVEPOINT swap");
                if (System.nanoTime() > giveUpAt) {
                    throw new IllegalStateException(
                            ("another transaction held the read models' tables for longer than %d s, so the new ones"
                                            + " were not swapped in")
                                    .formatted(lockWithin.toSeconds()),
                            held);
                }
            }
            try {
                Thread.sleep(LOCK_WAIT.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models' locks", interrupted);
            }
        }
    }

    /** The views over the live tables, by qualified name, with their definitions. */
    private Map<String, String> views() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String table : TABLES) {
            jdbc.query(
                    """
                    SELECT DISTINCT quote_ident(n.nspname) || '.' || quote_ident(v.relname), pg_get_viewdef(v.oid)
                    FROM pg_depend d
                        JOIN pg_rewrite r ON r.oid = d.objid
                        JOIN pg_class v ON v.oid = r.ev_class
                        JOIN pg_namespace n ON n.oid = v.relnamespace
                    WHERE d.refobjid = ?::regclass AND v.oid <> d.refobjid""",
                    rs -> {
                        views.put(rs.getString(1), rs.getString(2));
                    },
                    live(table));
        }
        return views;
    }

    /** The owner and the grants of {@code object} (a table or view), as statements that give them to {@code target}. */
    private List<String> privileges(String object, String target) {
        List<String> statements = new ArrayList<>(jdbc.queryForList("""
                SELECT 'GRANT ' || a.privilege_type || ' ON %s TO '
                    || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END
                    || CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
                FROM pg_class c, aclexplode(c.relacl) a
                WHERE c.oid = ?::regclass AND a.grantee <> c.relowner""".formatted(target), String.class, object));
        statements.add(
                0,
                "ALTER TABLE %s OWNER TO %s"
                        .formatted(
                                target,
                                jdbc.queryForObject(
                                        "SELECT quote_ident(pg_get_userbyid(relowner)) FROM pg_class WHERE oid = ?::regclass",
                                        String.class,
                                        object)));
        return statements;
    }

    private void searchPath(String path) {
        jdbc.queryForObject("SELECT set_config('search_path', ?, true)", String.class, path);
    }

    private static String onTable(String indexDefinition, String table) {
        Matcher index = INDEX_ON.matcher(indexDefinition);
        if (!index.matches()) {
            throw new IllegalStateException("an index definition not understood: " + indexDefinition);
        }
        return index.group(1) + table + index.group(2);
    }

    private String live(String table) {
        return quote(liveSchema) + "." + table;
    }

    private static String shadow(String table) {
        return quote(SCHEMA) + "." + table;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
