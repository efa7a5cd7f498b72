package org.ippc.cpm.command.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A process's CPU time, and the part of it its JIT compilers spent ({@code C1/C2 CompilerThread}s, read from Linux's
 * {@code /proc/<pid>/task}). Compiling is a start-up cost a server that has run for a while no longer pays, and it
 * goes on for minutes at this benchmark's rates (31 % of the JVM's samples in a 16-client in-process window, 10-12 %
 * in an HTTP one: docs/performance.md); the CPU without it is the steady-state cost of a command. A compiler thread
 * that ends between two readings takes its time with it, which can only leave more CPU on the non-compiling side.
 */
public final class ProcessCpu {

    /** Linux reports a thread's times in clock ticks of 1/100 s (USER_HZ, fixed in its ABI). */
    private static final long NANOS_PER_TICK = 10_000_000;

    private final Path process;
    private final Path tasks;
    private final LongSupplier totalNanos;

    private ProcessCpu(long pid, LongSupplier totalNanos) {
        this.process = Path.of("/proc", Long.toString(pid));
        this.tasks = process.resolve("task");
        this.totalNanos = totalNanos;
    }

    /** This JVM. */
    public static ProcessCpu own() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ProcessCpu(ProcessHandle.current().pid(), os::getProcessCpuTime);
    }

    /** Another process. */
    static ProcessCpu of(Process process) {
        return new ProcessCpu(
                process.pid(),
                () -> process.toHandle()
                        .info()
                        .totalCpuDuration()
                        .orElseThrow(() -> new IllegalStateException("this platform does not tell a process's CPU"))
                        .toNanos());
    }

    public Reading read() {
        return new Reading(totalNanos.getAsLong(), compilerNanos(), kernelNanos());
    }

    /** The part of the process's time spent in the kernel (system calls: sockets, futexes, polling). */
    private long kernelNanos() {
        return Files.isDirectory(process) ? times(process)[1] * NANOS_PER_TICK : 0;
    }

    private long compilerNanos() {
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(ProcessCpu::compilerTicks).sum() * NANOS_PER_TICK;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long compilerTicks(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            long[] times = times(thread);
            return times[0] + times[1];
        } catch (IOException | UncheckedIOException gone) {
            return 0; // the thread ended while being read
        }
    }

    /** User and system time, in ticks, of a process or thread (fields 14 and 15 of its {@code stat} line). */
    private static long[] times(Path processOrThread) {
        try {
            String stat = Files.readString(processOrThread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU times at one moment, in nanoseconds. */
    public record Reading(long totalNanos, long compilerNanos, long kernelNanos) {

        Reading since(Reading before) {
            return new Reading(
                    totalNanos - before.totalNanos,
                    compilerNanos - before.compilerNanos,
                    kernelNanos - before.kernelNanos);
        }

        long withoutCompilerNanos() {
            return totalNanos - compilerNanos;
        }
    }
}
