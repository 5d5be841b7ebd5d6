package dev.smartpot.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/** The machine a benchmark ran on, as BENCHMARKS.md states it, and the limits that bound a fleet here. */
final class Machine {

    private Machine() {
    }

    /** CPU, cores, memory, OS, JVM, Mosquitto version, open-file limit and JVM options, in one line. */
    static String describe() {
        String cpu = firstMatch("/proc/cpuinfo", "model name");
        String mem = firstMatch("/proc/meminfo", "MemTotal");
        String os = firstMatch("/etc/os-release", "PRETTY_NAME").replace("\"", "");
        String mosquitto = "?";
        try {
            mosquitto = Processes.run(new ProcessBuilder(RequiredTool.MOSQUITTO.path(), "-h"), Duration.ofSeconds(10))
                    .output().lines().findFirst().orElse("?");
        } catch (RuntimeException | AssertionError e) {
            // Reported as "?".
        }
        long memGb = Math.round(Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memGb + " GB RAM; " + os + ", Linux "
                + System.getProperty("os.version") + "; " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + "; " + mosquitto + "; open-file limit "
                + openFileLimit() + "; JVM options: " + (ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()
                ? "none (defaults)" : String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())) + ".";
    }

    /** The open-file limit less room for the JVM's own files, rounded down to 500; 10,000 if unknown. */
    static int maxFleet() {
        try {
            int limit = Integer.parseInt(openFileLimit());
            return Math.max(1000, (limit - 500) / 500 * 500);
        } catch (NumberFormatException unlimitedOrUnknown) {
            return 10_000;
        }
    }

    static String openFileLimit() {
        for (String line : readLines("/proc/self/limits")) {
            if (line.startsWith("Max open files")) {
                return line.replaceAll("\\s+", " ").split(" ")[3];
            }
        }
        return "?";
    }

    private static String firstMatch(String file, String key) {
        for (String line : readLines(file)) {
            if (line.startsWith(key)) {
                int sep = line.indexOf(line.contains(":") ? ':' : '=');
                return line.substring(sep + 1).trim();
            }
        }
        return "?";
    }

    private static List<String> readLines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (Exception e) {
            return List.of();
        }
    }
}
