package org.ippc.cpm.query;

import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The read side on a real PostgreSQL 17 (fsync on): savepoints, cursors, bytea and the hash chain as production has them. */
class PostgresReadSideTest extends ReadSideContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }
}
