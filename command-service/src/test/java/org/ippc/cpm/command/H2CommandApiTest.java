package org.ippc.cpm.command;

import org.springframework.test.context.TestPropertySource;

/** The command API on the embedded default database. */
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:command-api;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1",
            "server.shutdown=immediate"
        })
class H2CommandApiTest extends CommandApiContract {}
