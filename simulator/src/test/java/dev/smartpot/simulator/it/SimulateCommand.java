package dev.smartpot.simulator.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

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

    /**
     * A terminal the test types into: {@code quit} ends a run when the test saw what it waited for, instead of the run
     * lasting a fixed --duration that a slow machine may not fill.
     */
    static final class Keyboard extends InputStream {
        private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

        void type(String line) {
            for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
                keys.add(b & 0xff);
            }
        }

        /** Ends the input, as Ctrl-D does. */
        @Override
        public void close() {
            keys.add(-1);
        }

        /** What was typed so far, at least one key (as a terminal hands over a line), without waiting for more. */
        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int first = read();
            if (first < 0) {
                return -1;
            }
            into[off] = (byte) first;
            int n = 1;
            for (Integer key = keys.peek(); n < len && key != null && key >= 0; key = keys.peek()) {
                into[off + n++] = (byte) (int) keys.poll();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            try {
                int key = keys.take();
                if (key < 0) {
                    keys.add(key);
                }
                return key;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("typing interrupted");
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
