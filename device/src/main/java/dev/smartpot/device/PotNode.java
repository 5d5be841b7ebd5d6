package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.command.CommandChannel;
import dev.smartpot.protocol.CommandParser;
import dev.smartpot.device.command.Commands;
import dev.smartpot.device.command.ConsoleChannel;
import dev.smartpot.device.command.SavedSettings;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.homeassistant.HomeAssistantAnnouncer;
import dev.smartpot.device.link.DeliveryCheck;
import dev.smartpot.device.link.DeliveryProbe;
import dev.smartpot.device.link.LinkMemory;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.link.SessionSetup;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.mqtt.MessageHandler;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.RoundTripCounter;
import dev.smartpot.device.power.WakeCycle;
import dev.smartpot.device.power.WakeTimes;
import dev.smartpot.device.reading.BatteryGauge;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.PayloadEncoder;
import dev.smartpot.device.reading.ReadingPublisher;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.ReadingSchedule;
import dev.smartpot.device.reading.SamplingThread;
import dev.smartpot.device.reading.SoilSensor;
import dev.smartpot.device.state.KeepStateThenReboot;
import dev.smartpot.device.state.PlannedRestart;
import dev.smartpot.device.state.RetainedState;
import dev.smartpot.device.status.AboutAnnouncer;
import dev.smartpot.device.status.Availability;
import dev.smartpot.device.status.ConnectRecord;
import dev.smartpot.device.status.PotStatus;
import dev.smartpot.device.text.Durations;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * One smart pot: wires the parts and runs the loop, {@link #tick(long)}; transport threads only fill the {@link Inbox}.
 * Readings are taken on their own thread beside it (and first in each tick), frozen, queued, and published oldest
 * first while the {@link LinkSupervisor} keeps the link up. In deep sleep a boot is one {@link WakeCycle}.
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
    private final ConsoleChannel console;
    private final MoistureScale scale;
    private final MessageHandler[] handlers;
    private final Availability availability;
    private final LoopControl control;
    private final PotStatus status;
    private final RetainedState retained;
    /** One deep-sleep wake per boot; null when always on. */
    private final WakeCycle wakeCycle;
    private final CleanStop cleanStop;
    private final SamplingThread sampling;
    /** {@code vm.restart.every}; off in deep sleep, where every wake is a boot. */
    private final PlannedRestart plannedRestart;
    private volatile boolean stopRequested;
    /** Set by {@link #requestStop()} only (not by a reboot): a clean stop delivers what is queued first. */
    private volatile boolean stopIsClean;

    public PotNode(DeviceConfig config, Board given, MqttTransport transport) {
        // Every exchange that waits for the broker is counted: a wake reports them.
        RoundTripCounter roundTrips = new RoundTripCounter(transport);
        MqttTransport mqtt = roundTrips;
        this.config = config;
        this.log = given.log;
        this.mqtt = mqtt;
        this.clientId = ClientIds.fromChipId(given.chipId.uniqueId());
        long now = given.clock.uptimeMillis();
        String publishTopic = config.publishTopicFor(clientId);
        // Reused for the lines the loop and the wake log.
        LogLine line = new LogLine(96);
        MoistureScale scale = this.scale = new MoistureScale(config.rawDry, config.rawWet, config.adcBits, config.sensor.rawMin,
                config.sensor.rawMax);
        SavedSettings settings = new SavedSettings(given.settingsStore, config, log, given.settingLabels);
        settings.load(scale);
        SoilSensor sensor = new SoilSensor(given.soilSensor, scale, config.sensor.samples, config.sensor.smoothing);
        queue = new ReadingQueue(config.queueCapacity);
        LinkMemory linkMemory = new LinkMemory();
        retained = new RetainedState(given.retainedMemory, given.markStore, queue, linkMemory, log);
        retained.restore(now, line);
        DeliveryCheck delivery = new DeliveryCheck(publishTopic, !publishTopic.equals(config.subscribeTopicFor(clientId)), 160);
        inbox = new Inbox(delivery, given.sleeper, CommandParser.MAX_BYTES);
        BatteryGauge battery = BatteryGauge.forPot(config.battery.present(), config.battery, config.deepSleep, given.batteryInput, log);
        schedule = new ReadingSchedule(sensor, battery, queue, inbox, given.clock, log, settings.intervalMillis(), now,
                retained.nextSeq(), PlannedRestart.dueAt(config.deepSleep ? 0 : config.vmRestartEveryMillis, now));
        sampling = new SamplingThread(schedule, given.clock);
        PayloadEncoder encoder = new PayloadEncoder("text".equals(config.payloadFormat) ? PayloadEncoder.TEXT : PayloadEncoder.JSON,
                clientId, scale, retained.boot());
        publisher = new ReadingPublisher(queue, encoder, scale, mqtt, log, line, publishTopic, config.qos);
        // Whoever reboots the board (the link's escalation, a command) keeps the state in retained memory first.
        Board board = given.withRebooter(new KeepStateThenReboot(given.rebooter, given.clock, retained, schedule));
        this.board = board;
        SessionSetup session = new SessionSetup(linkMemory);
        link = new LinkSupervisor(config, board, mqtt, inbox, clientId, Availability.willPayload(), session, queue, now);
        WakeTimes wake = config.deepSleep
                ? new WakeTimes(config.sleepPublishEvery, settings.intervalMillis(), config.batteryCapacityMah, roundTrips, link,
                        session)
                : null;
        plannedRestart = new PlannedRestart(config.deepSleep ? 0 : config.vmRestartEveryMillis, now, schedule, queue, retained,
                link, log);
        control = new LoopControl(schedule, publisher, queue, link, inbox, retained.boot(), wake, battery);
        // Command replies and discovery configs share one buffer: it grows once to the largest.
        PayloadBuffer outbox = new PayloadBuffer(256);
        Commands carriedOut = new Commands(control, sensor, scale, settings, board.pump, log, config.safety, now);
        commands = new CommandChannel(carriedOut, config, clientId, board, mqtt, outbox, link);
        console = new ConsoleChannel(board.console, carriedOut, outbox, board.rebooter, log);
        availability = new Availability(config.statusTopicFor(clientId), log, config.deepSleep);
        wakeCycle = wake == null ? null : new WakeCycle(config, board, mqtt, schedule, queue, scale, retained, link,
                availability, wake, line, new WakeCycle.Loop() {
                    public long tick(long at) {
                        return PotNode.this.tick(at);
                    }

                    public boolean stopRequested() {
                        return stopRequested;
                    }
                });
        cleanStop = new CleanStop(this, board, link, queue);
        probe = new DeliveryProbe(config.deliveryCheck, delivery, publisher, queue, mqtt, link, session, board.clock, board.fixHints, log);
        // After each connect, in this order: command subscriptions, "online", about, Home Assistant, delivery check, record.
        session.add(commands);
        session.add(availability);
        session.add(new AboutAnnouncer(config, config.statusTopicFor(clientId), board.pump != null, control, Firmware.VERSION,
                log));
        // With discovery off, the announcer clears what the pot announced before.
        HomeAssistantAnnouncer announcer = new HomeAssistantAnnouncer(config, clientId, Firmware.VERSION, mqtt, outbox, link, log);
        session.add(announcer);
        if (config.homeAssistant.discovery) {
            handlers = new MessageHandler[] {announcer, commands};
        } else {
            handlers = new MessageHandler[] {commands};
        }
        session.add(probe);
        session.add(new ConnectRecord(config.deepSleep ? null : config.statusTopicFor(clientId), link, board, retained));
        status = new PotStatus(link, schedule, publisher, queue, board.wifi, commands);
        mqtt.setListener(inbox);
    }

    /** Runs until {@link #requestStop()}, then says "offline"; in deep sleep, one wake (on a board, it never returns). */
    public void run() {
        if (wakeCycle != null) {
            wakeCycle.run();
            return;
        }
        log.info("smart pot " + clientId + " (" + config.deviceName + ") starting: a reading every "
                + Durations.format(schedule.intervalMillis()) + " to " + config.publishTopicFor(clientId) + ", commands on "
                + config.subscribeTopicFor(clientId));
        cleanStop.runUntilStopped(sampling);
        shutdown();
    }

    boolean stopRequested() { return stopRequested; }
    boolean stopIsClean() { return stopIsClean; }

    /** Asks {@link #run()} to finish; callable from any thread. */
    public void requestStop() {
        stopIsClean = true;
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
        retained.saveIfChanged(now, schedule.readingsTaken());
        return wait;
    }

    private long tickBody(long now) {
        control.tickAt(now);
        // A planned restart goes at a reading boundary, before the reading: the next boot takes it at once.
        if (plannedRestart.restartIfDue(now, board.rebooter)) {
            stopRequested = true;
            return 0;
        }
        // Then the schedule: whatever the link does in this tick, a due reading is already taken.
        schedule.linkUp(link.isOnline());
        schedule.takeIfDue(now);
        // Lines typed at the pot's console: a few per turn, after a reading that is due, as the inbox's messages.
        if (console.runTyped(now, schedule.nextReadingAt())) {
            stopRequested |= console.rebooting();
            return 0;
        }
        // At most Inbox.PER_TICK messages, none once a reading is due; then on to the link and the queue, so a flood of
        // commands leaves room to publish what the readings thread took.
        if (inbox.drainTo(now, handlers, log, board.clock, schedule.nextReadingAt())) {
            stopRequested |= commands.rebooting();
            if (stopRequested) {
                return 0;
            }
        }
        // Messages still waiting (a reading was due first): come straight back for them after this tick.
        long flood = inbox.hasWaiting() || console.deferred() ? now : Long.MAX_VALUE;
        if (link.supervise(now, !stopRequested)) {
            return 0;
        }
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
        return Math.max(0, Math.min(next, flood) - now);
    }

    /** When the next reading is due, by the board's uptime. */
    public long nextReadingAt() { return schedule.nextReadingAt(); }
    /** Takes the reading due by {@code now}, if any; callable from a thread beside the loop (as {@link #run()}'s). */
    public boolean takeReadingIfDue(long now) { return schedule.takeIfDue(now); }
    /** The most a reading of this boot was taken after its time, in ms. */
    public long largestSamplingDelayMillis() { return schedule.largestDelayMillis(); }

    /**
     * Says "offline" and disconnects. {@link #run()} ends with it; a runtime that calls {@link #tick()} itself
     * (the simulator's fleet) calls it once, from the thread that ticks, after the last tick.
     */
    public void shutdown() {
        if (link.isOnline()) {
            availability.sayOffline(mqtt);
        }
        link.stop();
        retained.save(board.clock.uptimeMillis(), schedule.readingsTaken(), 0);
        log.info("stopped after " + schedule.readingsTaken() + " readings, " + publisher.published() + " published, "
                + queue.size() + " still queued");
    }

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

    /** The raw code of the last reading (counts, or {@link dev.smartpot.device.reading.RawCodes#READ_ERROR}); -1 before the first. */
    public int lastRawCode() { return control.lastRawCode(); }

    /**
     * What the last reading reported: its moisture in tenths of a percent (after calibration and smoothing), or -1
     * when it reported a fault or there was none yet. Callable from any thread: the view of a running pot reads it.
     */
    public int lastMoistureTenths() { return scale.tenthsOrNone(control.lastRawCode()); }

    /** The fault the last reading reported ("disconnected", "shorted", ...), or null for moisture or no reading yet. */
    public String lastFault() { return scale.faultNameOrNull(control.lastRawCode()); }

    /** The boot counter this boot's readings carry. */
    public int boot() { return retained.boot(); }
}
