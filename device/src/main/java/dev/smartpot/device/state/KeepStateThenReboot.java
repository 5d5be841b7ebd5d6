package dev.smartpot.device.state;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.reading.ReadingSchedule;

/**
 * The core's rebooter: keeps the state (queue, next seq, drops not yet reported) in retained memory, then lets the board
 * reboot, so whoever resets the board (the link's escalation, the {@code reboot} command) loses no queued reading.
 */
public final class KeepStateThenReboot implements Rebooter {

    private final Rebooter board;
    private final Clock clock;
    private final RetainedState retained;
    private final ReadingSchedule schedule;

    public KeepStateThenReboot(Rebooter board, Clock clock, RetainedState retained, ReadingSchedule schedule) {
        this.board = board;
        this.clock = clock;
        this.retained = retained;
        this.schedule = schedule;
    }

    public void reboot(String reason) {
        retained.save(clock.uptimeMillis(), schedule.readingsTaken(), 0);
        board.reboot(reason);
    }
}
