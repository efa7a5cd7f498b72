package org.ippc.cpm.command.cluster;

/** PostgreSQL is the database several nodes share; the embedded H2 database belongs to one process. */
public final class SharedDatabase {

    private SharedDatabase() {}

    public static boolean isShared(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
