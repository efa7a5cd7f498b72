package org.ippc.cpm.command.benchmark;

import java.util.Arrays;

/** Latencies of one measured run, in microseconds. */
public record Percentiles(long count, double seconds, long p50, long p99) {

    public static Percentiles of(long[] micros, int count, double seconds) {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return new Percentiles(count, seconds, at(sorted, 0.50), at(sorted, 0.99));
    }

    private static long at(long[] sorted, double quantile) {
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    public double perSecond() {
        return count / seconds;
    }
}
