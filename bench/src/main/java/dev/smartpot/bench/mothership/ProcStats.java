package dev.smartpot.bench.mothership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about one process (/proc/PID): resident memory, its peak, CPU time and bytes written to
 * storage. The figures a Pi owner feels (RSS, not heap; write_bytes, what reaches the SD card's block layer).
 */
final class ProcStats {

    /** USER_HZ: /proc/PID/stat counts CPU time in these ticks (100 on every Linux this runs on). */
    private static final long TICKS_PER_SECOND = 100;

    private final Path dir;

    ProcStats(long pid) {
        this.dir = Path.of("/proc", Long.toString(pid));
    }

    /** Resident set size now, MB. */
    double rssMb() {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** Highest resident set size since the process started, MB. */
    double peakRssMb() {
        return statusKb("VmHWM:") / 1024.0;
    }

    /** User plus system CPU time so far, nanoseconds. */
    long cpuNanos() {
        String stat = read("stat");
        // The command name may hold spaces: fields are counted after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** Bytes this process caused to be written to storage so far (/proc/PID/io write_bytes). */
    long writeBytes() {
        for (String line : read("io").split("\n")) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        }
        throw new IllegalStateException("no write_bytes in " + dir.resolve("io") + ": a kernel without I/O accounting");
    }

    private long statusKb(String key) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + key + " in " + dir.resolve("status"));
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(name) + " (has the process ended?)", e);
        }
    }
}
