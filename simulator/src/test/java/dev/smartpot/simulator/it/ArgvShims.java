package dev.smartpot.simulator.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Who can see a password in {@code ps}: wrappers that log every argument a script passes to the commands it
 * runs (put first on its PATH), and a snapshot of every process's command line from /proc.
 */
final class ArgvShims {

    /** The commands scripts/broker runs; each gets a wrapper that logs its arguments, then runs the real one. */
    private static final List<String> COMMANDS = List.of("cat", "chmod", "chown", "cp", "cut", "dirname", "find", "grep",
            "hostname", "id", "mkdir", "mosquitto_passwd", "mv", "openssl", "paste", "rm", "runuser", "sed", "seq", "stat",
            "touch", "tr");

    private ArgvShims() {
    }

    /** Writes the wrappers into {@code bin}, logging to {@code log}; returns {@code bin} for the front of PATH. */
    static Path create(Path bin, Path log) throws IOException {
        Files.createDirectories(bin);
        String wrapper = "#!/bin/sh\n"
                + "name=${0##*/}\n"
                + "{ printf '%s' \"$name\"; for a in \"$@\"; do printf ' %s' \"$a\"; done; printf '\\n'; } >> '" + log + "'\n"
                + "PATH='" + System.getenv("PATH") + "'; export PATH\n"
                + "exec \"$name\" \"$@\"\n";
        for (String command : COMMANDS) {
            Path shim = bin.resolve(command);
            Files.writeString(shim, wrapper);
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(log, "");
        return bin;
    }

    /** Every running process's arguments, one process a line, as {@code ps} shows them to any user. */
    static String allCommandLines() throws IOException {
        StringBuilder all = new StringBuilder();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    byte[] line = Files.readAllBytes(process.resolve("cmdline"));
                    all.append(new String(line, StandardCharsets.UTF_8).replace('\0', ' ').trim()).append('\n');
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return all.toString();
    }
}
