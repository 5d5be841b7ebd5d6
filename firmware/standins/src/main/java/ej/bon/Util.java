package ej.bon;

/**
 * Stand-in for BON 1.4 {@code ej.bon.Util} (MicroEJ docs, ApplicationDeveloperGuide/bon.rst: "Platform time
 * which cannot be changed: the time from the very last boot of the device"). Desktop behaviour only so the
 * adapters can be unit-tested; the SDK supplies the real class.
 */
public final class Util {

    private static final long START = System.nanoTime();

    private Util() {
    }

    /** Milliseconds since boot, monotonic. */
    public static long platformTimeMillis() {
        return (System.nanoTime() - START) / 1000000L;
    }

    /** Application time in milliseconds (may be set by NTP). */
    public static long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
