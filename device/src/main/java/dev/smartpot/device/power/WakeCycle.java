package dev.smartpot.device.power;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;
import dev.smartpot.device.state.RetainedState;
import dev.smartpot.device.status.Availability;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.protocol.WakePhases;

/**
 * One deep-sleep wake ({@code power.mode = deep-sleep}): read the sensor; every {@code sleep.publish.every} readings
 * (at once when the sensor's fault or the soil's dryness changes, see {@link SoilCondition}, and at the first boot)
 * join WiFi, connect, publish what is queued, take the commands the broker kept, say when it wakes next; keep the
 * state in retained memory and sleep until the next reading. The publishing part runs the always-on loop's
 * {@link Loop#tick(long)}, so a wake behaves as the awake pot.
 */
public final class WakeCycle {

    /** Beyond the WiFi join's timeout, how long a publishing wake may try to connect and publish before sleeping. */
    static final long WAKE_LINK_MILLIS = 10000;

    /** The core's loop as a wake drives it. */
    public interface Loop {
        /** The always-on loop's tick at {@code now}; returns how long it may sleep. */
        long tick(long now);

        /** Whether someone asked the device to stop (the wake then sleeps at once). */
        boolean stopRequested();
    }

    private final DeviceConfig config;
    private final Board board;
    private final Log log;
    private final MqttTransport mqtt;
    private final ReadingSchedule schedule;
    private final ReadingQueue queue;
    private final MoistureScale scale;
    private final RetainedState retained;
    private final LinkSupervisor link;
    private final Availability availability;
    private final WakeTimes wake;
    private final LogLine line;
    private final Loop loop;

    public WakeCycle(DeviceConfig config, Board board, MqttTransport mqtt, ReadingSchedule schedule, ReadingQueue queue,
            MoistureScale scale, RetainedState retained, LinkSupervisor link,
            Availability availability, WakeTimes wake, LogLine line, Loop loop) {
        if (board.deepSleep == null) {
            throw new IllegalArgumentException("power.mode = deep-sleep needs a board with deep sleep (Board.deepSleep)");
        }
        this.config = config;
        this.board = board;
        this.log = board.log;
        this.mqtt = mqtt;
        this.schedule = schedule;
        this.queue = queue;
        this.scale = scale;
        this.retained = retained;
        this.link = link;
        this.availability = availability;
        this.wake = wake;
        this.line = line;
        this.loop = loop;
    }

    /** Runs the wake and ends in {@link dev.smartpot.device.board.DeepSleep#sleep} (on a board, that never returns). */
    public void run() {
        long start = board.clock.uptimeMillis();
        // Queued whatever the link: the wake's own line says so, not the always-on "offline: queued" line.
        schedule.linkUp(true);
        schedule.takeIfDue(start);
        long now = board.clock.uptimeMillis();
        wake.readMillis = now - start;
        int fault = scale.fault(schedule.lastRawCode());
        // The fault and whether the soil is dry, in the one int retained memory keeps for them (see SoilCondition).
        int moisture = fault == MoistureScale.OK ? scale.tenthsOfPercent(schedule.lastRawCode()) : 0;
        int dryBelow = config.sleepPublishDryBelowPercent * 10;
        int previous = retained.lastCondition();
        int condition = SoilCondition.of(fault, moisture, previous, dryBelow);
        int unpublished = retained.unpublished() + 1;
        boolean changed = retained.wokeFromSleep() && SoilCondition.fault(condition) != SoilCondition.fault(previous);
        boolean dryChanged = retained.wokeFromSleep() && SoilCondition.dryChanged(previous, condition);
        boolean publish = !retained.wokeFromSleep() || changed || dryChanged || unpublished >= config.sleepPublishEvery;
        retained.lastCondition(condition);
        long interval = schedule.intervalMillis();
        if (publish) {
            if (changed) {
                log.info("the sensor's state changed: publishing at once");
            } else if (dryChanged) {
                log.info(SoilCondition.describeDryChange(line.clear(), condition, moisture, dryBelow).append(": publishing at once"));
            }
            now = publish(start, now, start + interval);
            if (queue.isEmpty()) {
                unpublished = 0;
            }
        }
        retained.unpublished(unpublished);
        wake.published(publish);
        log.info(wake.describe(line.clear().append("wake: reading #").append(schedule.readingsTaken() - 1).append(", ")
                .append(queue.size()).append(" kept; ")));
        if (publish) {
            log.info(wake.describeEnergy(line.clear()));
        }
        long sleep = Math.max(0, start + interval - now);
        retained.save(now, schedule.readingsTaken(), Math.max(1, sleep));
        log.info(line.clear().append("deep sleep for ").append(sleep).append(" ms (").append(queue.size())
                .append(" readings kept in retained memory)"));
        board.deepSleep.sleep(sleep);
    }

    /** Why this boot began: the board's word when it knows, else as far as retained memory tells. */
    private String resetWord() {
        return resetWord(board.bootReport, retained);
    }

    /** Why this boot began: the board's word when it knows ({@code report} may be null), else as retained memory tells. */
    public static String resetWord(dev.smartpot.device.board.BootReport report, RetainedState retained) {
        String board = report == null ? null : report.resetReason();
        if (board != null) {
            return board;
        }
        return retained.wokeFromSleep() ? WakePhases.RESET_DEEP_SLEEP
                : retained.stateKept() ? WakePhases.RESET_RESTART : WakePhases.RESET_POWER_ON;
    }

    /** The publishing part of a wake, bounded by the next reading; returns the clock when it is done. */
    private long publish(long start, long now, long nextReading) {
        long deadline = Math.min(nextReading, now + config.wifiJoinTimeoutMillis + WAKE_LINK_MILLIS);
        long connectedAt = -1;
        long publishedAt = -1;
        int queuedBefore = queue.size();
        while (now < deadline && !loop.stopRequested()) {
            long wait = loop.tick(now);
            now = board.clock.uptimeMillis();
            if (link.isOnline() && connectedAt < 0) {
                connectedAt = now;
                wake.joinMillis = link.lastJoinMillis();
                wake.connectMillis = link.lastConnectMillis();
            }
            if (link.isOnline() && queue.isEmpty() && publishedAt < 0) {
                publishedAt = now;
                wake.publishMillis = now - connectedAt;
                wake.readingsSent = queuedBefore;
            }
            if (publishedAt >= 0 && now - publishedAt >= config.sleepListenMillis) {
                break;
            }
            long until = publishedAt >= 0 ? publishedAt + config.sleepListenMillis : deadline;
            long nap = Math.min(wait, until - now);
            if (nap > 0) {
                board.sleeper.sleep(nap);
                now = board.clock.uptimeMillis();
            }
        }
        if (link.isOnline()) {
            long sleepMillis = Math.max(0, nextReading - now);
            long wall = board.clock.wallClockMillis();
            long measuredBoot = board.bootReport == null ? -1 : board.bootReport.bootMillis();
            WakePhases phases = wake.phases(retained.boot(), schedule.readingsTaken() - 1, resetWord(), measuredBoot,
                    now - start, publishedAt >= 0 ? now - publishedAt : -1);
            availability.saySleeping(mqtt, wall == 0 ? 0 : wall + sleepMillis, sleepMillis, phases);
        } else {
            log.warn(line.clear().append("no link this wake: ").append(queue.size()).append(" readings stay queued for the next"));
        }
        link.stop();
        board.wifi.leave();
        long end = board.clock.uptimeMillis();
        if (publishedAt >= 0) {
            wake.listenMillis = end - publishedAt;
        }
        return end;
    }
}
