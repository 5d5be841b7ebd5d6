package dev.smartpot.firmware.board;

import dev.smartpot.device.board.ConsoleInput;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.firmware.esp32.Esp32Natives;

/**
 * The board's serial console as the core's {@link ConsoleInput}: a thread of its own reads what was typed
 * ({@code Esp32Natives.consoleRead}, which never waits) every {@link #POLL_MILLIS}, so the UART's 128-byte hardware FIFO
 * does not overflow while the loop sleeps; it puts complete lines in a bounded queue and wakes the loop, which takes
 * them on its own thread, as the simulator's console does. A line end is CR, LF or both; a line longer than
 * {@link #MAX_LINE} bytes is dropped whole, and said so.
 */
public final class UartConsole implements ConsoleInput {

    public static final int MAX_LINE = 256;
    /** Lines waiting for the loop at most; more are dropped while it is busy. */
    public static final int CAPACITY = 16;
    static final long POLL_MILLIS = 100;

    private final Log log;
    private final byte[] chunk = new byte[64];
    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private boolean overlong;
    private final byte[][] waiting = new byte[CAPACITY][];
    private int oldest;
    private int count;
    /** The running boot's loop, woken when a line is complete. */
    private volatile Sleeper loop;

    public UartConsole(Log log) {
        this.log = log;
    }

    /** The loop of the boot now running: a complete line wakes it. */
    public void wakes(Sleeper sleeper) {
        loop = sleeper;
    }

    /** Starts the thread that reads the UART; it runs for the board's life. */
    public void start() {
        Thread reader = new Thread(new Runnable() {
            public void run() {
                while (true) {
                    readOnce();
                    try {
                        Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "console");
        reader.start();
    }

    private void readOnce() {
        int n = Esp32Natives.consoleRead(chunk, chunk.length);
        if (n < 0) {
            log.warn("console: reading the serial port failed (errno " + (-n) + ")");
        } else if (n > 0) {
            accept(chunk, n);
        }
    }

    /** Takes {@code n} bytes typed; every line they complete is queued and wakes the loop. */
    void accept(byte[] bytes, int n) {
        boolean completed = false;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                completed |= endLine();
            } else if (length < MAX_LINE) {
                line[length++] = b;
            } else {
                overlong = true;
            }
        }
        Sleeper sleeper = loop;
        if (completed && sleeper != null) {
            sleeper.wake();
        }
    }

    /** Queues the line typed so far, if any; true when one was queued. */
    private boolean endLine() {
        boolean dropped = overlong;
        int size = length;
        length = 0;
        overlong = false;
        if (dropped) {
            log.warn("console: a line over " + MAX_LINE + " bytes was dropped");
            return false;
        }
        if (size == 0) {
            return false;
        }
        byte[] copy = new byte[size];
        System.arraycopy(line, 0, copy, 0, size);
        synchronized (this) {
            if (count == CAPACITY) {
                log.warn("console: " + CAPACITY + " lines already wait for the pot; this one was dropped");
                return false;
            }
            waiting[(oldest + count) % CAPACITY] = copy;
            count++;
        }
        return true;
    }

    public synchronized byte[] takeLine() {
        if (count == 0) {
            return null;
        }
        byte[] next = waiting[oldest];
        waiting[oldest] = null;
        oldest = (oldest + 1) % CAPACITY;
        count--;
        return next;
    }
}
