package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.command.CommandChannel;
import dev.smartpot.device.command.CommandParser;
import dev.smartpot.device.command.Commands;
import dev.smartpot.device.command.SavedSettings;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.homeassistant.HomeAssistantAnnouncer;
import dev.smartpot.device.link.DeliveryCheck;
import dev.smartpot.device.link.DeliveryProbe;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.link.SessionSetup;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.mqtt.MessageHandler;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.power.WakeTimes;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.PayloadEncoder;
import dev.smartpot.device.reading.ReadingPublisher;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;
import dev.smartpot.device.reading.SoilSensor;
import dev.smartpot.device.status.Availability;
import dev.smartpot.device.state.RetainedState;
import dev.smartpot.device.status.PotStatus;
import dev.smartpot.device.text.Durations;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * One smart pot: wires the parts and runs the loop. Everything happens on one thread, in {@link #tick(long)};
 * transport threads only fill the {@link Inbox} and wake the loop. Readings are taken on schedule whatever the
 * link does, queued, and published oldest first while the {@link LinkSupervisor} keeps the link up.
 */
public final class PotNode {

    public static final int OFFLINE = LinkSupervisor.OFFLINE;
    public static final int ONLINE = LinkSupervisor.ONLINE;
    public static final int STOPPED = LinkSupervisor.STOPPED;
    public static final int REFUSED = LinkSupervisor.REFUSED;

    private final DeviceConfig config;
    private final Board board;
    private final Log log;
    private final MqttTransport mqtt;
    private final String clientId;
    private final ReadingQueue queue;
    private final ReadingSchedule schedule;
    private final ReadingPublisher publisher;
    private final Inbox inbox;
    private final LinkSupervisor link;
    private final DeliveryProbe probe;
    private final CommandChannel commands;
    private final MessageHandler[] handlers;
    private final Availability availability;
    private final LoopControl control;
    private final PotStatus status;
    private final RetainedState retained;
    private final MoistureScale scale;
    /** The phases of this wake, in deep sleep; null when always on. */
    private final WakeTimes wake;
    /** Reused for the lines the loop and the wake log. */
    private final LogLine line;
    private volatile boolean stopRequested;
    /** Set by {@link #requestStop()} only (not by a reboot): a clean stop delivers what is queued first. */
    private volatile boolean cleanStop;

    /** How long a clean stop waits for queued readings to go out before it keeps them for the next start. */
    public static final long STOP_DRAIN_MILLIS = 10000;
    /** Beyond the WiFi join's timeout, how long a publishing wake may try to connect and publish before sleeping. */
    static final long WAKE_LINK_MILLIS = 10000;

    public PotNode(DeviceConfig config, Board boardGiven, MqttTransport mqtt) {
        this.config = config;
        // Whoever reboots the board (the link's escalation, a command) keeps the state in retained memory first.
        Board board = boardGiven.withRebooter(new KeepStateThenReboot(boardGiven.rebooter));
        this.board = board;
        this.log = board.log;
        this.mqtt = mqtt;
        this.clientId = ClientIds.fromChipId(board.chipId.uniqueId());
        long now = board.clock.uptimeMillis();
        String publishTopic = config.publishTopicFor(clientId);
        line = new LogLine(96);
        scale = new MoistureScale(config.rawDry, config.rawWet, config.adcBits, config.sensor.rawMin, config.sensor.rawMax);
        SavedSettings settings = new SavedSettings(board.settingsStore, config, log);
        settings.load(scale);
        SoilSensor sensor = new SoilSensor(board.soilSensor, scale, config.sensor.samples, config.sensor.smoothing);
        queue = new ReadingQueue(config.queueCapacity);
        retained = new RetainedState(board.retainedMemory, board.markStore, queue, log);
        retained.restore(now, line);
        schedule = new ReadingSchedule(sensor, queue, log, line, settings.intervalMillis(), now);
        schedule.resumeAt(retained.nextSeq());
        PayloadEncoder encoder = new PayloadEncoder("text".equals(config.payloadFormat) ? PayloadEncoder.TEXT : PayloadEncoder.JSON,
                clientId, scale, retained.boot());
        publisher = new ReadingPublisher(queue, encoder, scale, mqtt, board.clock, log, line, publishTopic, config.qos);
        publisher.resumeDroppedReported(retained.droppedReported());
        DeliveryCheck delivery = new DeliveryCheck(publishTopic, !publishTopic.equals(config.subscribeTopicFor(clientId)), 160);
        inbox = new Inbox(delivery, board.sleeper, CommandParser.MAX_BYTES);
        SessionSetup session = new SessionSetup();
        link = new LinkSupervisor(config, board, mqtt, inbox, clientId, Availability.willPayload(), session, queue, now);
        wake = config.deepSleep ? new WakeTimes(config.sleepPublishEvery, settings.intervalMillis(), config.batteryCapacityMah) : null;
        control = new LoopControl(schedule, publisher, queue, link, retained.boot(), wake);
        // Command replies and discovery configs share one buffer: it grows once to the largest.
        PayloadBuffer outbox = new PayloadBuffer(256);
        commands = new CommandChannel(new Commands(control, sensor, scale, settings, board.pump, log), config, clientId, board, mqtt, outbox, link);
        availability = new Availability(config.statusTopicFor(clientId), log, config.deepSleep);
        if (config.deepSleep && board.deepSleep == null) {
            throw new IllegalArgumentException("power.mode = deep-sleep needs a board with deep sleep (Board.deepSleep)");
        }
        probe = new DeliveryProbe(config.deliveryCheck, delivery, publisher, queue, mqtt, link, board.clock, board.fixHints, log);
        // After each connect, in this order: command subscriptions, "online", Home Assistant, the delivery check.
        session.add(commands);
        session.add(availability);
        // With discovery off, the announcer clears what the pot announced before.
        HomeAssistantAnnouncer announcer = new HomeAssistantAnnouncer(config, clientId, Firmware.VERSION, mqtt, outbox, link, log);
        session.add(announcer);
        if (config.homeAssistant.discovery) {
            handlers = new MessageHandler[] {announcer, commands};
        } else {
            handlers = new MessageHandler[] {commands};
        }
        session.add(probe);
        status = new PotStatus(link, schedule, publisher, queue, board.wifi, commands);
        mqtt.setListener(inbox);
    }

    /**
     * Runs the device until {@link #requestStop()}; then says "offline" and disconnects. In deep sleep, runs one wake
     * and returns after {@link dev.smartpot.device.board.DeepSleep#sleep} (on a board that call never returns).
     */
    public void run() {
        if (wake != null) {
            runWake();
            return;
        }
        log.info("smart pot " + clientId + " (" + config.deviceName + ") starting: a reading every "
                + Durations.format(schedule.intervalMillis()) + " to " + config.publishTopicFor(clientId) + ", commands on "
                + config.subscribeTopicFor(clientId));
        while (!stopRequested) {
            long wait = tick();
            if (wait > 0 && !stopRequested) {
                board.sleeper.sleep(wait);
            }
        }
        if (cleanStop) {
            drainBeforeStop();
        }
        shutdown();
    }

    /**
     * One deep-sleep wake: read the sensor; every {@code sleep.publish.every} readings (at once when the sensor's
     * state changes, and at the first boot) join WiFi, connect, publish what is queued, take the commands the broker
     * kept, say when it wakes next; keep the state in retained memory and sleep until the next reading.
     */
    private void runWake() {
        long start = board.clock.uptimeMillis();
        control.tickAt(start);
        // Queued whatever the link: the wake's own line says so, not the always-on "offline: queued" line.
        schedule.takeIfDue(start, true);
        long now = board.clock.uptimeMillis();
        wake.readMillis = now - start;
        int fault = scale.fault(schedule.lastRawCode());
        int unpublished = retained.unpublished() + 1;
        boolean changed = retained.wokeFromSleep() && fault != retained.lastFault();
        boolean publish = !retained.wokeFromSleep() || changed || unpublished >= config.sleepPublishEvery;
        retained.lastFault(fault);
        long interval = schedule.intervalMillis();
        if (publish) {
            if (changed) {
                log.info("the sensor's state changed: publishing at once");
            }
            now = publishWake(now, start + interval);
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
        retained.save(now, schedule.readingsTaken(), publisher.droppedReported(), Math.max(1, sleep));
        log.info(line.clear().append("deep sleep for ").append(sleep).append(" ms (").append(queue.size())
                .append(" readings kept in retained memory)"));
        board.deepSleep.sleep(sleep);
    }

    /** The publishing part of a wake, bounded by the next reading; returns the clock when it is done. */
    private long publishWake(long now, long nextReading) {
        long deadline = Math.min(nextReading, now + config.wifiJoinTimeoutMillis + WAKE_LINK_MILLIS);
        long connectedAt = -1;
        long publishedAt = -1;
        int queuedBefore = queue.size();
        while (now < deadline && !stopRequested) {
            long wait = tick(now);
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
            availability.saySleeping(mqtt, wall == 0 ? 0 : wall + sleepMillis, sleepMillis);
            link.stop();
        } else {
            log.warn(line.clear().append("no link this wake: ").append(queue.size()).append(" readings stay queued for the next"));
            link.stop();
        }
        board.wifi.leave();
        long end = board.clock.uptimeMillis();
        if (publishedAt >= 0) {
            wake.listenMillis = end - publishedAt;
        }
        return end;
    }

    /** With the link up, delivers the queued readings before stopping, for at most {@link #STOP_DRAIN_MILLIS}. */
    private void drainBeforeStop() {
        if (!link.isOnline() || queue.isEmpty()) {
            return;
        }
        long start = board.clock.uptimeMillis();
        log.info("stopping: delivering " + queue.size() + " queued readings first (waiting up to "
                + Durations.format(STOP_DRAIN_MILLIS) + ")");
        long now = start;
        while (link.isOnline() && !queue.isEmpty() && now - start < STOP_DRAIN_MILLIS) {
            long wait = tick(now);
            if (wait > 0 && !queue.isEmpty()) {
                board.sleeper.sleep(Math.min(wait, STOP_DRAIN_MILLIS - (now - start)));
            }
            now = board.clock.uptimeMillis();
        }
        if (!queue.isEmpty()) {
            log.warn("stopping with " + queue.size() + " readings still queued: " + (link.isOnline()
                    ? "not delivered within " + Durations.format(STOP_DRAIN_MILLIS) : "the link went down"));
        }
    }

    /** Asks {@link #run()} to finish; callable from any thread. */
    public void requestStop() {
        cleanStop = true;
        stopRequested = true;
        board.sleeper.wake();
    }

    /** {@link #tick(long)} at the board's uptime. */
    public long tick() {
        return tick(board.clock.uptimeMillis());
    }

    /**
     * Does whatever is due at {@code now}, the tick's one clock reading, and returns how long the loop may sleep
     * before something else is due. A tick that waited on the broker (handled messages, tried to connect, published)
     * returns 0 once done: its reading of the clock is stale, so the next tick decides on a fresh one. The only
     * entry point of the device's behaviour; tests call it with a manual clock.
     */
    public long tick(long now) {
        long wait = tickBody(now);
        retained.saveIfChanged(now, schedule.readingsTaken(), publisher.droppedReported());
        return wait;
    }

    private long tickBody(long now) {
        control.tickAt(now);
        if (inbox.drainTo(now, handlers, log)) {
            stopRequested |= commands.rebooting();
            return 0;
        }
        if (link.supervise(now, !stopRequested)) {
            return 0;
        }
        schedule.takeIfDue(now, link.isOnline());
        long sends = publisher.sends();
        if (link.isOnline() && probe.releasesReadings(now)) {
            String failure = publisher.drain(now);
            if (failure != null) {
                link.failed(failure);
            }
        } else if (link.escalateIfStuck(now, board.rebooter)) {
            stopRequested = true;
        }
        if (publisher.sends() != sends || link.needsFreshClock()) {
            return 0;
        }
        long next = link.nextEvent(schedule.nextReadingAt());
        if (link.isOnline() && probe.isWaitingForEcho()) {
            next = Math.min(next, probe.deadline());
        } else if (link.isOnline() && !queue.isEmpty()) {
            next = Math.min(next, publisher.notBefore());
        }
        return Math.max(0, next - now);
    }

    /**
     * Says "offline" and disconnects. {@link #run()} ends with it; a runtime that calls {@link #tick()} itself
     * (the simulator's fleet) calls it once, from the thread that ticks, after the last tick.
     */
    public void shutdown() {
        if (link.isOnline()) {
            availability.sayOffline(mqtt);
        }
        link.stop();
        retained.save(board.clock.uptimeMillis(), schedule.readingsTaken(), publisher.droppedReported(), 0);
        log.info("stopped after " + schedule.readingsTaken() + " readings, " + publisher.published() + " published, "
                + queue.size() + " still queued");
    }

    /** Keeps the state in retained memory, then lets the board reboot: a reset loses no queued reading. */
    private final class KeepStateThenReboot implements Rebooter {
        private final Rebooter board;

        KeepStateThenReboot(Rebooter board) {
            this.board = board;
        }

        public void reboot(String reason) {
            retained.save(this.boardClockNow(), schedule.readingsTaken(), publisher.droppedReported(), 0);
            board.reboot(reason);
        }

        private long boardClockNow() {
            return PotNode.this.board.clock.uptimeMillis();
        }
    }

    // ---- what runtimes and tests read ------------------------------------------------------------------

    public String clientId() { return clientId; }

    /** {@link #OFFLINE}, {@link #ONLINE}, {@link #STOPPED} or {@link #REFUSED}. */
    public int state() { return link.state(); }

    /** One line for a person: state, broker, queue, drops, reconnects. */
    public String statusLine() { return status.statusLine(); }

    public long readingsTaken() { return control.readingsTaken(); }

    public long publishedReadings() { return control.publishedReadings(); }

    public int queuedReadings() { return control.queuedReadings(); }

    public long droppedReadings() { return control.droppedReadings(); }

    public int reconnects() { return control.reconnects(); }

    /** The boot counter this boot's readings carry. */
    public int boot() { return retained.boot(); }
}
