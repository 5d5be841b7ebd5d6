package dev.smartpot.device.board;

/**
 * Where the device's console lines go (UART on the board, standard output on the desktop). A line may be a
 * buffer the core reuses for its next line (so a line per reading costs no garbage): print it, or copy it
 * with {@code toString()}, before returning; never keep the reference.
 */
public interface Log {

    /** Keeps nothing: for a part whose lines nobody should see (a probe, a benchmark). */
    Log SILENT = new Log() {
        public void info(CharSequence message) {
        }

        public void warn(CharSequence message) {
        }

        public void error(CharSequence message) {
        }
    };

    void info(CharSequence message);

    void warn(CharSequence message);

    void error(CharSequence message);
}
