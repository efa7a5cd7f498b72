package org.ippc.cpm.query;

import org.springframework.test.context.TestPropertySource;

/** The read side on the embedded default database. */
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:read-side;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1")
class H2ReadSideTest extends ReadSideContract {}
