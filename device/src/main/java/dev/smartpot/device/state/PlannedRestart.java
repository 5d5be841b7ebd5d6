package dev.smartpot.device.state;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;
import dev.smartpot.device.text.Durations;

/**
 * {@code vm.restart.every}: an always-on pot restarts itself before a VM with a run-time limit (MicroEJ's evaluation VM
 * stops after 60 minutes) stops it. The restart waits for a reading boundary, the moment the next reading is due, so the
 * new boot takes that reading at once and the cadence moves only by the restart's own length; when the next reading is
 * further off than {@link #MAX_WAIT_FOR_READING_MILLIS}, it restarts between readings rather than risk the limit. The
 * core's rebooter keeps the queue, {@code seq} and boot counter in retained memory, marked as a planned restart, so the
 * new boot's first line says so ({@link RetainedState#restartPlanned()}). The pot leaves its broker cleanly first
 * (DISCONNECT): the broker discards its will, so the retained status stays "online" across the restart.
 */
public final class PlannedRestart {

    /** The longest a due restart waits for the next reading. */
    public static final long MAX_WAIT_FOR_READING_MILLIS = 60000;

    /** The uptime from which the restart is due; {@code Long.MAX_VALUE} when it is off. */
    private final long dueAt;
    private final long everyMillis;
    private final ReadingSchedule schedule;
    private final ReadingQueue queue;
    private final RetainedState retained;
    private final LinkSupervisor link;
    private final Log log;

    /**
     * @param everyMillis {@code vm.restart.every}; 0 turns it off
     * @param bootAt the uptime this boot's core started at
     */
    public PlannedRestart(long everyMillis, long bootAt, ReadingSchedule schedule, ReadingQueue queue, RetainedState retained,
            LinkSupervisor link, Log log) {
        this.everyMillis = everyMillis;
        this.dueAt = dueAt(everyMillis, bootAt);
        this.schedule = schedule;
        this.queue = queue;
        this.retained = retained;
        this.link = link;
        this.log = log;
    }

    /** When a restart every {@code everyMillis} (0: off) is due, counted from {@code bootAt}; MAX for never. */
    public static long dueAt(long everyMillis, long bootAt) {
        return everyMillis > 0 ? bootAt + everyMillis : Long.MAX_VALUE;
    }

    /** Whether to restart at {@code now}, given when the next reading is due. */
    public boolean isDue(long now, long nextReadingAt) {
        return now >= dueAt && (nextReadingAt <= now || nextReadingAt - now > MAX_WAIT_FOR_READING_MILLIS);
    }

    /**
     * Restarts through {@code rebooter} (the core's, which keeps the state first) when {@link #isDue}; returns true when
     * it did (on a board the call does not return).
     */
    public boolean restartIfDue(long now, Rebooter rebooter) {
        long next = schedule.nextReadingAt();
        if (!isDue(now, next)) {
            return false;
        }
        log.info("planned restart after " + Durations.format(everyMillis) + " of run time (vm.restart.every): "
                + queue.size() + " queued readings kept in retained memory; "
                + (next <= now ? "reading #" + schedule.readingsTaken() + " is the next boot's first"
                        : "between readings, the next being more than a minute away")
                + (link.isOnline() ? "; leaving the broker cleanly, so no will is published" : ""));
        link.stop();
        retained.endingInPlannedRestart();
        rebooter.reboot("planned restart (vm.restart.every = " + Durations.format(everyMillis) + ")");
        return true;
    }
}
