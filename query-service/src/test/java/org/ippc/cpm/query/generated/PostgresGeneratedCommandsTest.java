package org.ippc.cpm.query.generated;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;

/** Generated commands on a real PostgreSQL 17. */
class PostgresGeneratedCommandsTest extends GeneratedCommandsContract {

    private static RunningEngine engine;

    @BeforeContainer
    static void start() {
        engine = RunningEngine.start(EmbeddedPostgresDatabase.create(), "postgres", "postgres");
    }

    @AfterContainer
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    RunningEngine engine() {
        return engine;
    }
}
