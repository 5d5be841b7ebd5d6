package dev.smartpot.simulator.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.smartpot.simulator.SimulatorMain;

/** {@code scripts/simulate} run in this JVM as a user runs it, with what it prints captured. */
final class SimulateCommand {

    private SimulateCommand() {
    }

    /** Output that tests can read while the simulator still writes to it. */
    static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** A terminal nobody types into. */
    static InputStream noInput() {
        return new ByteArrayInputStream(new byte[0]);
    }

    /** Runs to the end; returns the exit code (as text), standard output and standard error. */
    static String[] run(String... args) {
        Output out = new Output();
        Output err = new Output();
        int code = SimulatorMain.run(args, out.stream, err.stream, noInput());
        return new String[] {Integer.toString(code), out.text(), err.text()};
    }
}
