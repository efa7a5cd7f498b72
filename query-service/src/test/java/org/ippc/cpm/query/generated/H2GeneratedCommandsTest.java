package org.ippc.cpm.query.generated;

import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Generated commands on the embedded default database. */
class H2GeneratedCommandsTest extends GeneratedCommandsContract {

    private static RunningEngine engine;

    @BeforeContainer
    static void start() {
        engine = RunningEngine.start("jdbc:h2:mem:generated;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1", "sa", "");
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
