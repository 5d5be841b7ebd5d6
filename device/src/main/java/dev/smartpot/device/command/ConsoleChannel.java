package dev.smartpot.device.command;

import dev.smartpot.device.board.ConsoleInput;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.device.text.Printable;
import dev.smartpot.protocol.CommandParser;

/**
 * Commands typed at the pot itself (a serial console, the simulator's console), run by the loop through the same
 * {@link Commands} as the mothership's: the same words, checks, limits and reply. The reply is logged for the person
 * who typed it rather than published; a "reboot" reboots once it is logged, as from the mothership.
 */
public final class ConsoleChannel {

    /** Lines run per turn of the loop at most: a pasted script cannot hold the readings back. */
    public static final int PER_TICK = 4;

    private final ConsoleInput input;
    private final Commands commands;
    private final PayloadBuffer outbox;
    private final Rebooter rebooter;
    private final Log log;
    private boolean rebooting;
    /** Lines may be waiting that this turn left for the next one (a reading was due first). */
    private boolean deferred;

    /**
     * @param input null on a board without a console: then nothing is ever typed
     * @param outbox the reply buffer, shared with the mothership's commands (both run on the loop's thread)
     */
    public ConsoleChannel(ConsoleInput input, Commands commands, PayloadBuffer outbox, Rebooter rebooter, Log log) {
        this.input = input;
        this.commands = commands;
        this.outbox = outbox;
        this.rebooter = rebooter;
        this.log = log;
    }

    /**
     * Runs up to {@link #PER_TICK} lines typed since the last turn, oldest first, and none while a reading is due at
     * {@code readingDueAt}: a pasted flood cannot hold the readings back. True if a line ran.
     */
    public boolean runTyped(long now, long readingDueAt) {
        deferred = false;
        if (input == null) {
            return false;
        }
        if (now >= readingDueAt) {
            deferred = true;
            return false;
        }
        boolean any = false;
        for (int i = 0; i < PER_TICK && !rebooting; i++) {
            byte[] line = input.takeLine();
            if (line == null) {
                return any;
            }
            any = true;
            log.info("console command: " + Printable.printable(line, 80));
            // Too long to be a command: the parser answers from the size alone, as for the mothership.
            byte[] kept = line.length > CommandParser.MAX_BYTES ? null : line;
            if (!commands.handle(now, Commands.FROM_CONSOLE, kept, line.length, outbox)) {
                continue;
            }
            log.info("console reply: " + outbox);
            rebooting |= commands.rebootIfRequested(rebooter);
        }
        return any;
    }

    /** True when this turn left typed lines (if any) for the next: the loop should come back at once. */
    public boolean deferred() {
        return deferred;
    }

    /** True once a typed command rebooted the board: the loop must end. */
    public boolean rebooting() {
        return rebooting;
    }
}
