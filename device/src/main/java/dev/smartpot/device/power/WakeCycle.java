package dev.smartpot.device.power;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.mqtt.MessageHandler;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;
import dev.smartpot.device.state.ResetWord;
import dev.smartpot.device.state.RetainedState;
import dev.smartpot.device.status.Availability;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.protocol.WakePhases;

/**
 * One deep-sleep wake ({@code power.mode = deep-sleep}): read the sensor; every {@code sleep.publish.every} readings
 * (at once when the sensor's fault or the soil's dryness changes, see {@link SoilCondition}, and at the first boot)
 * join WiFi, connect, publish what is queued, take the commands the broker kept, say when it wakes next; keep the
 * state in retained memory and sleep until the next reading. The pot's one runner drives the publishing part with the
 * always-on loop's ticks, so a wake behaves as the awake pot; this class only says when that part is over.
 */
public final class WakeCycle {

    /**
     * Beyond {@code sleep.listen}, how long a wake may wait for the mothership to confirm what it published, so those
     * readings need not be kept (they stay in retained memory otherwise, and the next wake's confirmation lets them go).
     */
    static final long ACK_WAIT_MILLIS = 20;

    /** Beyond the WiFi join's timeout, how long a publishing wake may try to connect and publish before sleeping. */
    static final long WAKE_LINK_MILLIS = 10000;

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
    private final Inbox inbox;
    private final MessageHandler[] handlers;
    /** When the wake began, by the board's uptime. */
    private long start;
    /** Whether this wake publishes, and how many readings wait unpublished (this one counted). */
    private boolean publish;
    private int unpublished;
    /** The publishing part: its time limit, when the link came up and when the queue emptied (-1: not yet). */
    private long deadline;
    private long connectedAt = -1;
    private long publishedAt = -1;
    private int queuedBefore;

    public WakeCycle(DeviceConfig config, Board board, MqttTransport mqtt, ReadingSchedule schedule, ReadingQueue queue,
            MoistureScale scale, RetainedState retained, LinkSupervisor link, Availability availability, WakeTimes wake,
            LogLine line, Inbox inbox, MessageHandler[] handlers) {
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
        this.inbox = inbox;
        this.handlers = handlers;
    }

    /** The wake's first part: takes the reading and decides whether this wake publishes; true if it does. */
    public boolean begin() {
        start = board.clock.uptimeMillis();
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
        unpublished = retained.unpublished() + 1;
        boolean changed = retained.wokeFromSleep() && SoilCondition.fault(condition) != SoilCondition.fault(previous);
        boolean dryChanged = retained.wokeFromSleep() && SoilCondition.dryChanged(previous, condition);
        publish = !retained.wokeFromSleep() || changed || dryChanged || unpublished >= config.sleepPublishEvery;
        retained.lastCondition(condition);
        if (publish) {
            if (changed) {
                log.info("the sensor's state changed: publishing at once");
            } else if (dryChanged) {
                log.info(SoilCondition.describeDryChange(line.clear(), condition, moisture, dryBelow).append(": publishing at once"));
            }
            deadline = Math.min(start + schedule.intervalMillis(), now + config.wifiJoinTimeoutMillis + WAKE_LINK_MILLIS);
            queuedBefore = queue.size() - queue.custody().count();
        }
        return publish;
    }

    /** Whether the publishing part is over at {@code now}: its time is up, or it published and listened long enough. */
    public boolean publishingOver(long now) {
        return now >= deadline || publishedAt >= 0 && now >= listenEnd();
    }

    /** After each tick of the publishing part: notes when the link came up and when the queue was delivered. */
    public void ticked(long now) {
        if (link.isOnline() && connectedAt < 0) {
            connectedAt = now;
            wake.joinMillis = link.lastJoinMillis();
            wake.connectMillis = link.lastConnectMillis();
        }
        // Published: every queued reading is at the broker (those the mothership confirmed have left).
        if (link.isOnline() && queue.custody().count() == queue.size() && publishedAt < 0) {
            publishedAt = now;
            wake.publishMillis = now - connectedAt;
            wake.readingsSent = queuedBefore;
        }
    }

    /** Until when the loop may sleep between ticks of the publishing part: the end of listening, or its time limit. */
    public long napUntil() {
        return publishedAt >= 0 ? listenEnd() : deadline;
    }

    /** The wake's last part: says when it wakes next, keeps the state and ends in {@link dev.smartpot.device.board.DeepSleep#sleep}. */
    public void end() {
        long now = board.clock.uptimeMillis();
        long interval = schedule.intervalMillis();
        if (publish) {
            now = endPublishing(now, start + interval);
            if (queue.custody().count() == queue.size()) {
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

    /** True while readings at the broker wait for the mothership that confirms this pot's readings. */
    private boolean awaitsConfirmation() {
        return queue.custody().confirming() && queue.custody().count() > 0;
    }

    /** When listening after the publish ends: {@code sleep.listen}, and a little more while a confirmation is due. */
    private long listenEnd() {
        return publishedAt + config.sleepListenMillis + (awaitsConfirmation() ? ACK_WAIT_MILLIS : 0);
    }

    /** Why this boot began: the board's word when it knows, else as far as retained memory tells. */
    private String resetWord() {
        return ResetWord.of(board.bootReport, retained);
    }

    /**
     * With the link closed no more messages come in, so the inbox holds all this wake will get: a command that came
     * after the last tick (during the goodbye) is either still the broker's (not acknowledged: it comes again next
     * wake) or acknowledged on arrival by the transport, and then handled here. Never dropped unread.
     */
    private void settleInbox(long now) {
        int left = inbox.settleAfterDisconnect(now, handlers, log);
        if (left > 0) {
            log.info(line.clear().append(left).append(" message(s) not handled this wake (they came after its last turn"
                    + " or the inbox was full): not acknowledged, the broker delivers them again at the next publishing wake"));
        }
    }

    /** Closes the publishing part: "sleeping" while the link is up, then off the broker and WiFi; returns the clock. */
    private long endPublishing(long now, long nextReading) {
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
        settleInbox(now);
        board.wifi.leave();
        long end = board.clock.uptimeMillis();
        if (publishedAt >= 0) {
            wake.listenMillis = end - publishedAt;
        }
        return end;
    }
}
