package dev.smartpot.simulator.board;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import dev.smartpot.device.board.ConsoleInput;

/**
 * The simulated board's serial console: lines the console thread hands to the core, which runs them as commands
 * on its own loop. Bounded, so a pasted flood while the pot sleeps cannot grow without end; it outlives reboots
 * and deep-sleep wakes, as a board's serial input does.
 */
public final class ConsoleLines implements ConsoleInput {

    /** Lines waiting for the core at most. */
    public static final int CAPACITY = 16;

    private final BlockingQueue<byte[]> waiting = new ArrayBlockingQueue<>(CAPACITY);

    /** Hands {@code line} to the core; false when {@link #CAPACITY} lines are still waiting for it. */
    public boolean offer(String line) {
        return waiting.offer(line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] takeLine() {
        return waiting.poll();
    }
}
