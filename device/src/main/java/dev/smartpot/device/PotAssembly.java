package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.command.CommandChannel;
import dev.smartpot.device.command.Commands;
import dev.smartpot.device.command.ConsoleChannel;
import dev.smartpot.device.command.SavedSettings;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.homeassistant.HomeAssistantAnnouncer;
import dev.smartpot.device.link.AckSubscription;
import dev.smartpot.device.link.ConnectTimes;
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
import dev.smartpot.device.status.ConnectRecord;
import dev.smartpot.device.status.Availability;
import dev.smartpot.device.status.PotStatus;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.CommandParser;

/**
 * Builds one pot's parts from its config, board and transport and wires them, each part whole when made (no part is
 * handed another after it is built). {@link PotNode} runs them; nothing here runs.
 */
final class PotAssembly {

    final DeviceConfig config;
    /** The given board, its rebooter keeping the state in retained memory first. */
    final Board board;
    /** The given transport, counting the exchanges that wait for the broker (a wake reports them). */
    final MqttTransport mqtt;
    final String clientId;
    final MoistureScale scale;
    final ReadingQueue queue;
    final RetainedState retained;
    final Inbox inbox;
    final ReadingSchedule schedule;
    final SamplingThread sampling;
    final ReadingPublisher publisher;
    final LinkSupervisor link;
    final PlannedRestart plannedRestart;
    final LoopControl control;
    final CommandChannel commands;
    final ConsoleChannel console;
    final Availability availability;
    /** One deep-sleep wake per boot; null when always on. */
    final WakeCycle wakeCycle;
    final DeliveryProbe probe;
    /** Who handles the messages the broker sends, in order. */
    final MessageHandler[] handlers;
    final PotStatus status;

    PotAssembly(DeviceConfig config, Board given, MqttTransport transport) {
        RoundTripCounter roundTrips = new RoundTripCounter(transport);
        this.config = config;
        this.mqtt = roundTrips;
        this.clientId = ClientIds.fromChipId(given.chipId.uniqueId());
        long now = given.clock.uptimeMillis();
        String publishTopic = config.publishTopicFor(clientId);
        // Reused for the lines the loop and the wake log.
        LogLine line = new LogLine(96);
        scale = new MoistureScale(config.rawDry, config.rawWet, config.adcBits, config.sensor.rawMin, config.sensor.rawMax);
        SavedSettings settings = new SavedSettings(given.settingsStore, config, given.log, given.settingLabels);
        settings.load(scale);
        SoilSensor sensor = new SoilSensor(given.soilSensor, scale, config.sensor.samples, config.sensor.smoothing);
        queue = new ReadingQueue(config.queueCapacity);
        LinkMemory linkMemory = new LinkMemory();
        retained = new RetainedState(given.retainedMemory, given.markStore, queue, linkMemory, given.log);
        retained.restore(now, line);
        DeliveryCheck delivery = new DeliveryCheck(publishTopic, !publishTopic.equals(config.subscribeTopicFor(clientId)),
                160);
        PayloadEncoder encoder = new PayloadEncoder("text".equals(config.payloadFormat) ? PayloadEncoder.TEXT
                : PayloadEncoder.JSON, clientId, scale, retained.boot());
        publisher = new ReadingPublisher(queue, encoder, scale, mqtt, given.log, line, publishTopic, config.qos,
                config.ackWaitMillis);
        AckSubscription acks = new AckSubscription(clientId, publisher, delivery, given.log);
        inbox = new Inbox(acks, given.sleeper, CommandParser.MAX_BYTES, mqtt, config.deepSleep);
        BatteryGauge battery = BatteryGauge.forPot(config.battery.present(), config.battery, config.deepSleep,
                given.batteryInput, given.log);
        long restartEvery = config.deepSleep ? 0 : config.vmRestartEveryMillis;
        schedule = new ReadingSchedule(sensor, battery, queue, inbox, given.clock, given.log, settings.intervalMillis(), now,
                retained.nextSeq(), PlannedRestart.dueAt(restartEvery, now));
        sampling = new SamplingThread(schedule, given.clock);
        // Whoever reboots the board (the link's escalation, a command) keeps the state in retained memory first.
        board = given.withRebooter(new KeepStateThenReboot(given.rebooter, given.clock, retained, schedule));
        SessionSetup session = new SessionSetup(linkMemory);
        ConnectTimes connectTimes = new ConnectTimes();
        link = new LinkSupervisor(config, board, mqtt, inbox, clientId, Availability.willPayload(), session, queue, now,
                connectTimes);
        WakeTimes wake = config.deepSleep ? new WakeTimes(config.sleepPublishEvery, settings.intervalMillis(),
                config.batteryCapacityMah, roundTrips, link, session) : null;
        plannedRestart = new PlannedRestart(restartEvery, now, schedule, queue, retained, link, board.log);
        control = new LoopControl(schedule, publisher, queue, link, inbox, retained.boot(), wake, battery);
        // Command replies and discovery configs share one buffer: it grows once to the largest.
        PayloadBuffer outbox = new PayloadBuffer(256);
        Commands carriedOut = new Commands(control, sensor, scale, settings, board.pump, board.log, config.safety, now);
        commands = new CommandChannel(carriedOut, config, clientId, board, mqtt, outbox, link);
        console = new ConsoleChannel(board.console, carriedOut, outbox, board.rebooter, board.log);
        availability = new Availability(config.statusTopicFor(clientId), board.log, config.deepSleep);
        probe = new DeliveryProbe(config.deliveryCheck, delivery, publisher, queue, mqtt, link, session, board.clock,
                board.fixHints, board.log);
        // After each connect, in this order: acknowledgements, command subscriptions, "online", about, Home Assistant, the
        // delivery check, and (always on) the connect's record.
        session.add(acks);
        session.add(commands);
        session.add(availability);
        session.add(new AboutAnnouncer(config, config.statusTopicFor(clientId), board.pump != null, control,
                Firmware.VERSION, board.log));
        // With discovery off, the announcer clears what the pot announced before.
        HomeAssistantAnnouncer announcer = new HomeAssistantAnnouncer(config, clientId, Firmware.VERSION, mqtt, outbox, link,
                board.log);
        session.add(announcer);
        handlers = config.homeAssistant.discovery ? new MessageHandler[] {announcer, commands}
                : new MessageHandler[] {commands};
        session.add(probe);
        session.add(new ConnectRecord(config.deepSleep ? null : config.statusTopicFor(clientId), connectTimes, board,
                retained));
        wakeCycle = wake == null ? null : new WakeCycle(config, board, mqtt, schedule, queue, scale, retained, link,
                availability, wake, line, inbox, handlers);
        status = new PotStatus(link, schedule, publisher, queue, board.wifi, commands);
        mqtt.setListener(inbox);
    }
}
