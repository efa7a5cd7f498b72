package org.ippc.cpm.command.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs one operation from N client threads, each on its own aggregate, for a warm-up and then a measured period. */
final class LoadRunner {

    interface Operation {
        void run(int client) throws Exception;
    }

    private LoadRunner() {}

    static Percentiles run(int clients, double warmupSeconds, double seconds, Operation operation)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[][] latencies = new long[clients][400_000];
        int[] counts = new int[clients];
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (!stop.get()) {
                                long start = System.nanoTime();
                                operation.run(client);
                                if (measuring.get() && counts[client] < latencies[client].length) {
                                    latencies[client][counts[client]++] = (System.nanoTime() - start) / 1_000;
                                }
                            }
                        } catch (Throwable failure) {
                            synchronized (failures) {
                                failures.add(failure);
                            }
                            stop.set(true);
                        } finally {
                            done.countDown();
                        }
                    },
                    "bench-" + c);
            thread.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long began = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double measured = (System.nanoTime() - began) / 1e9;
        stop.set(true);
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("benchmark client failed", failures.get(0));
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return Percentiles.of(all, total, measured);
    }
}
