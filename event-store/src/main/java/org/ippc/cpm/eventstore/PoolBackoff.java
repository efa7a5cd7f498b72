package org.ippc.cpm.eventstore;

import java.util.Arrays;

/**
 * HikariCP retries a lost database with a back-off that grows to 5 s, so after an outage commands could wait up to
 * 5 s more for their first connection. When this node sees the database answer again, the pool's connection adder
 * is woken from that back-off: it is interrupted only while it sleeps in it, which HikariCP treats as the end of the
 * sleep, and its executor clears the flag before its next task.
 */
final class PoolBackoff {

    private PoolBackoff() {}

    static int cutShort() {
        int woken = 0;
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            if (sleepsInBackoff(entry.getValue())) {
                entry.getKey().interrupt();
                woken++;
            }
        }
        return woken;
    }

    private static boolean sleepsInBackoff(StackTraceElement[] stack) {
        boolean sleeping = Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals("com.zaxxer.hikari.util.UtilityElf")
                        && frame.getMethodName().equals("quietlySleep"));
        boolean adding = Arrays.stream(stack)
                .anyMatch(
                        frame -> frame.getClassName().startsWith("com.zaxxer.hikari.pool.HikariPool$PoolEntryCreator"));
        return sleeping && adding;
    }
}
