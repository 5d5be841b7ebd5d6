package dev.smartpot.device.board;

/**
 * Lines typed at the pot itself: a board's serial console, the simulator's console. The core runs them as
 * commands, through the same command path as the mothership's. The runtime fills it from its own thread and then
 * wakes the loop with {@link Sleeper#wake()}; the loop takes the lines on its thread.
 */
public interface ConsoleInput {

    /**
     * The oldest line typed and not yet taken, as its bytes without the line end, or null when none waits. Must not
     * block: it is asked on every turn of the loop.
     */
    byte[] takeLine();
}
