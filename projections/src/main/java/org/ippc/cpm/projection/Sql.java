package org.ippc.cpm.projection;

import java.sql.Timestamp;
import java.time.Instant;

/** Values the way both H2 and PostgreSQL take them through JDBC. */
final class Sql {

    private Sql() {}

    static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
