package dev.smartpot.mothership.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a copy of what goes to {@code System.out} (the engine's log lines) while still printing it, so a test reads
 * what the mothership told its log. {@link #close()} puts the console back.
 */
public final class ConsoleCopy implements AutoCloseable {

    private final PrintStream console = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    public ConsoleCopy() {
        System.setOut(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
    }

    /** Everything said since this copy started. */
    public String said() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(console);
    }

    private final class Tee extends OutputStream {
        @Override
        public void write(int b) {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
