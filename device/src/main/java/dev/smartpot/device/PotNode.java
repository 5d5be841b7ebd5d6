package dev.smartpot.device;

import java.io.IOException;
import java.util.Random;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.command.CommandParser;
import dev.smartpot.device.command.CommandTopics;
import dev.smartpot.device.command.Commands;
import dev.smartpot.device.command.PotControl;
import dev.smartpot.device.command.SavedSettings;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.Durations;
import dev.smartpot.device.config.Topics;
import dev.smartpot.device.homeassistant.HomeAssistantDiscovery;
import dev.smartpot.device.link.Backoff;
import dev.smartpot.device.link.DeliveryCheck;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.PayloadBuffer;
import dev.smartpot.device.reading.PayloadEncoder;
import dev.smartpot.device.reading.RawCodes;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.SoilSensor;

/**
 * One smart pot: takes a reading every interval, keeps it until the broker has it, and supervises the
 * WiFi and MQTT link. Everything happens on one thread, in {@link #tick()}; transport threads only
 * hand over messages and a lost link, and wake the loop.
 *
 * <p>Readings are taken on schedule whether or not the link is up, queued, and published oldest
 * first once it is. A broken link never crashes the loop: it logs the cause once, backs off
 * (exponential, full jitter, per device), rejoins WiFi if needed, reconnects, resubscribes, and
 * after {@code reboot.after} without a working link asks the board to reboot.
 */
public final class PotNode implements MqttListener, PotControl {

    /** Not connected; waiting for {@link #retryAt} to try again. */
    public static final int OFFLINE = 0;
    public static final int ONLINE = 1;
    public static final int STOPPED = 2;
    /**
     * Not connected because the broker will not let this pot work: a refused login, a certificate that does not
     * check out, or readings the broker acknowledges but does not deliver. Waiting is the only cure short of a
     * fix, so it retries at the backoff cap, and never reboots (that would only lose the queue).
     */
    public static final int REFUSED = 3;

    /** A link that stays up this long has proved itself: the backoff starts from its floor again. */
    static final long STABLE_LINK_MILLIS = 30000;
    /** Readings published per tick before the loop looks at its inbox again. */
    private static final int DRAIN_BATCH = 64;
    /** After "too many publishes in flight", wait this long before the next publish. */
    private static final long BUSY_RETRY_MILLIS = 50;
    private static final int INBOX_CAPACITY = 32;
    /** A repeated failure is logged again only every this many attempts. */
    private static final int REPEAT_REMINDER = 10;

    private final DeviceConfig config;
    private final Board board;
    private final Log log;
    private final MqttTransport mqtt;
    private final String clientId;
    private final String statusTopic;
    private final String publishTopic;
    private final String subscribeTopic;
    private final DeliveryCheck delivery;
    private final ConnectSettings connectSettings;
    private final MoistureScale scale;
    private final PayloadEncoder encoder;
    private final PayloadBuffer payload = new PayloadBuffer(160);
    private final ReadingQueue queue;
    private final Backoff backoff;
    private final SoilSensor sensor;
    private final SavedSettings settings;
    private final Commands commands;
    private final CommandTopics commandTopics;
    private final String replyTopic;
    /** Null when Home Assistant discovery is off. */
    private final HomeAssistantDiscovery discovery;
    /** Command replies and discovery configs; grows once to the largest and is reused. */
    private final PayloadBuffer outbox = new PayloadBuffer(256);
    private int lastRawCode = -1;
    private String rebootAfterReply;

    private long nextSeq;
    private long nextReadingAt;
    private long intervalMillis;

    private int state = OFFLINE;
    private int brokerIndex;
    private int failuresThisRound;
    private long retryAt;
    private long onlineSince;
    private long offlineSince;
    private long drainNotBefore;
    private String lastFailure;
    private int attemptsSinceOnline;
    private int reconnects;
    private long droppedReported;
    /** The reading sent as this connection's delivery probe, and what {@link #droppedReported} becomes when it is confirmed. */
    private long probeSeq;
    private long pendingDroppedReport;
    private int deliveryFailures;
    private long published;
    /** The readings topic the broker does not deliver on; null once it does. Survives reconnects so it is logged once. */
    private String deliveryProblem;
    /** Why the broker refused the command subscription; null when subscribed. */
    private String commandsRefused;
    private boolean deliveryUncheckableLogged;
    private boolean plainPasswordWarned;

    // Written by transport threads, read by the loop: guarded by "this".
    private final String[] inboxTopics = new String[INBOX_CAPACITY];
    private final byte[][] inboxPayloads = new byte[INBOX_CAPACITY][];
    private final int[] inboxSizes = new int[INBOX_CAPACITY];
    private final boolean[] inboxRetained = new boolean[INBOX_CAPACITY];
    private int inboxCount;
    private int inboxOverflow;
    private boolean linkLost;
    private String linkLostCause;
    private volatile boolean stopRequested;

    public PotNode(DeviceConfig config, Board board, MqttTransport mqtt) {
        this.config = config;
        this.board = board;
        this.log = board.log;
        this.mqtt = mqtt;
        this.clientId = ClientIds.fromChipId(board.chipId.uniqueId());
        this.statusTopic = config.statusTopicFor(clientId);
        this.publishTopic = config.publishTopicFor(clientId);
        this.subscribeTopic = config.subscribeTopicFor(clientId);
        this.delivery = new DeliveryCheck(publishTopic, !publishTopic.equals(subscribeTopic), 160);
        this.connectSettings = new ConnectSettings(config.keepAliveSeconds, 10, config.usernameFor(clientId),
                config.mqttPassword, statusTopic, ascii("offline"), config.tls);
        this.scale = new MoistureScale(config.rawDry, config.rawWet, config.adcBits, config.sensor.rawMin, config.sensor.rawMax);
        this.settings = new SavedSettings(board.settingsStore, config, log);
        settings.load(scale);
        this.sensor = new SoilSensor(board.soilSensor, scale, config.sensor.samples, config.sensor.smoothing);
        this.commands = new Commands(this, sensor, scale, settings, board.pump, log);
        this.commandTopics = new CommandTopics(subscribeTopic, config.commands.commandsTopicTemplate, clientId);
        this.replyTopic = Topics.withClientId(config.commands.replyTopicTemplate, clientId);
        this.discovery = config.homeAssistant.discovery ? new HomeAssistantDiscovery(config.homeAssistant.prefix, clientId,
                config.deviceName, publishTopic, statusTopic, Firmware.VERSION) : null;
        this.encoder = new PayloadEncoder("text".equals(config.payloadFormat) ? PayloadEncoder.TEXT : PayloadEncoder.JSON,
                clientId, scale);
        this.queue = new ReadingQueue(config.queueCapacity);
        // Seeded per device, so two pots that lose the broker together spread their retries apart.
        this.backoff = new Backoff(config.backoffMinMillis, config.backoffMaxMillis,
                new Random(board.clock.uptimeMillis() ^ ((long) clientId.hashCode() << 16)));
        this.intervalMillis = settings.intervalMillis();
        long now = board.clock.uptimeMillis();
        this.nextReadingAt = now;
        this.retryAt = now;
        this.offlineSince = now;
        mqtt.setListener(this);
    }

    public String clientId() {
        return clientId;
    }

    /** Runs the device until {@link #requestStop()}; then says "offline" and disconnects. */
    public void run() {
        log.info("smart pot " + clientId + " (" + config.deviceName + ") starting: a reading every "
                + Durations.format(intervalMillis) + " to " + publishTopic + ", commands on " + subscribeTopic);
        while (!stopRequested) {
            long wait = tick();
            if (wait > 0 && !stopRequested) {
                board.sleeper.sleep(wait);
            }
        }
        shutdown();
    }

    /** Asks {@link #run()} to finish; callable from any thread. */
    public void requestStop() {
        stopRequested = true;
        board.sleeper.wake();
    }

    /**
     * Does whatever is due now and returns how long the loop may sleep before something else is due.
     * The only entry point of the device's behaviour; tests call it with a manual clock.
     */
    public long tick() {
        handleInbox();
        String lost = takeLinkLost();
        if (state == ONLINE && lost != null) {
            linkDown("connection lost: " + lost);
        }
        if (state == ONLINE && !board.wifi.isConnected()) {
            linkDown("WiFi connection lost");
        }
        if ((state == OFFLINE || state == REFUSED) && board.clock.uptimeMillis() >= retryAt && !stopRequested) {
            connect();
        }
        long now = board.clock.uptimeMillis();
        if (now >= nextReadingAt) {
            takeReading(now);
        }
        if (state == ONLINE) {
            drainQueue();
            if (board.clock.uptimeMillis() - onlineSince >= STABLE_LINK_MILLIS && backoff.failures() > 0) {
                backoff.reset();
            }
        } else if (state == OFFLINE) {
            escalateIfStuck();
        }
        return untilNextEvent();
    }

    private long untilNextEvent() {
        long now = board.clock.uptimeMillis();
        long next = nextReadingAt;
        if (state == OFFLINE || state == REFUSED) {
            next = Math.min(next, retryAt);
            if (state == OFFLINE && config.rebootAfterMillis > 0) {
                next = Math.min(next, offlineSince + config.rebootAfterMillis);
            }
        } else if (state == ONLINE && delivery.isWaitingForEcho()) {
            next = Math.min(next, delivery.deadline());
        } else if (state == ONLINE && !queue.isEmpty()) {
            next = Math.min(next, drainNotBefore);
        }
        return Math.max(0, next - now);
    }

    // ---- readings -------------------------------------------------------------------------------

    private void takeReading(long now) {
        queueReading(now);
        // The schedule starts at the first reading, however long the first connect took.
        nextReadingAt = nextSeq == 1 ? now + intervalMillis : nextReadingAt + intervalMillis;
        if (nextReadingAt <= now) {
            // We were stalled for more than an interval: skip the missed slots rather than burst.
            nextReadingAt = now + intervalMillis;
        }
    }

    /** Reads the sensor and queues the reading with the next sequence number; returns its raw code. */
    private int queueReading(long now) {
        int rawCode = sensor.read();
        if (rawCode == RawCodes.READ_ERROR) {
            log.warn("soil sensor read failed: " + sensor.lastFailure());
        }
        lastRawCode = rawCode;
        boolean wasFull = queue.size() == queue.capacity();
        queue.add(nextSeq, now, rawCode);
        if (wasFull) {
            log.warn("queue full (" + queue.capacity() + " readings): dropped the oldest; " + queue.dropped()
                    + " dropped since boot");
        }
        if (state != ONLINE) {
            log.info("offline: reading #" + nextSeq + " queued (" + queue.size() + " waiting)");
        }
        nextSeq++;
        return rawCode;
    }

    private void drainQueue() {
        if (delivery.isHoldingReadings() && !checkDelivery()) {
            return;
        }
        if (queue.isEmpty() || board.clock.uptimeMillis() < drainNotBefore) {
            return;
        }
        int backlog = queue.size();
        long firstSeq = queue.oldestSeq();
        int sent = 0;
        while (!queue.isEmpty() && sent < DRAIN_BATCH && state == ONLINE) {
            long seq = queue.oldestSeq();
            int raw = queue.oldestRawCode();
            long uptime = queue.oldestUptime();
            long wall = board.clock.wallClockMillis();
            long wallTaken = wall == 0 ? 0 : wall - board.clock.uptimeMillis() + uptime;
            long dropped = queue.dropped() - droppedReported;
            encoder.encode(payload, seq, uptime, wallTaken, raw, dropped);
            try {
                mqtt.publish(publishTopic, payload.bytes(), payload.length(), config.qos, false);
            } catch (MqttTransportException e) {
                if (e.kind() == MqttTransportException.BUSY) {
                    drainNotBefore = board.clock.uptimeMillis() + BUSY_RETRY_MILLIS;
                } else {
                    linkDown("publish failed: " + e.getMessage());
                }
                break;
            }
            queue.removeOldest();
            droppedReported += dropped;
            published++;
            sent++;
            if (backlog == 1) {
                logPublished(seq, raw);
            }
        }
        if (backlog > 1 && sent > 0) {
            log.info("delivered " + sent + " queued readings, #" + firstSeq + " to #" + (firstSeq + sent - 1)
                    + (queue.isEmpty() ? "; queue empty" : "; " + queue.size() + " still queued"));
        }
    }

    private void logPublished(long seq, int raw) {
        int fault = scale.fault(raw);
        String what = fault == MoistureScale.OK
                ? "moisture " + tenths(scale.tenthsOfPercent(raw)) + "% (raw " + raw + ")"
                : "sensor fault " + MoistureScale.faultName(fault) + (raw == RawCodes.READ_ERROR ? "" : " (raw " + raw + ")");
        log.info("published #" + seq + " to " + publishTopic + ": " + what);
    }

    /**
     * Runs this connection's {@link DeliveryCheck}: sends the oldest reading as the probe, then waits for the
     * broker to hand it back. True once confirmed (the probe left the queue): the caller drains the rest.
     */
    private boolean checkDelivery() {
        if (!delivery.hasEchoed()) {
            if (delivery.isWaitingForEcho()) {
                if (board.clock.uptimeMillis() >= delivery.deadline()) {
                    deliveryRefused(probeSeq);
                }
                return false;
            }
            if (!sendProbe() || !delivery.hasEchoed()) {
                return false;
            }
        }
        long seq = probeSeq;
        // A full queue may have dropped the probe's reading meanwhile: then there is nothing to remove.
        boolean stillQueued = !queue.isEmpty() && queue.oldestSeq() == seq;
        int raw = stillQueued ? queue.oldestRawCode() : RawCodes.READ_ERROR;
        if (stillQueued) {
            queue.removeOldest();
            published++;
            droppedReported = pendingDroppedReport;
        }
        delivery.reset();
        try {
            mqtt.unsubscribe(publishTopic);
        } catch (MqttTransportException e) {
            linkDown("unsubscribe failed: " + e.getMessage());
            return false;
        }
        if (deliveryProblem != null) {
            log.info("readings get through again: the broker delivered #" + seq + " on " + publishTopic);
            deliveryProblem = null;
            deliveryFailures = 0;
        }
        if (stillQueued) {
            logPublished(seq, raw);
        }
        return true;
    }

    /** Publishes the oldest reading as the probe, keeping it queued; false if nothing could be sent. */
    private boolean sendProbe() {
        long now = board.clock.uptimeMillis();
        if (queue.isEmpty() || now < drainNotBefore) {
            return false;
        }
        long uptime = queue.oldestUptime();
        long wall = board.clock.wallClockMillis();
        long wallTaken = wall == 0 ? 0 : wall - now + uptime;
        long dropped = queue.dropped() - droppedReported;
        probeSeq = queue.oldestSeq();
        encoder.encode(payload, probeSeq, uptime, wallTaken, queue.oldestRawCode(), dropped);
        // Armed before publishing: the echo can arrive before publish() returns.
        delivery.probeSent(payload.bytes(), payload.length(), now);
        try {
            mqtt.publish(publishTopic, payload.bytes(), payload.length(), config.qos, false);
        } catch (MqttTransportException e) {
            delivery.begin();
            if (e.kind() == MqttTransportException.BUSY) {
                drainNotBefore = now + BUSY_RETRY_MILLIS;
            } else {
                linkDown("publish failed: " + e.getMessage());
            }
            return false;
        }
        pendingDroppedReport = droppedReported + dropped;
        return true;
    }

    /** The broker acknowledged the probe but never delivered it: keep every reading and wait at the cap. */
    private void deliveryRefused(long seq) {
        String problem = "readings are not getting through: the broker acknowledged reading #" + seq + " on " + publishTopic + " but did not deliver it within "
                + Durations.format(DeliveryCheck.ECHO_TIMEOUT_MILLIS) + ": it drops what this pot publishes there"
                + " (a broker ACL that denies a topic acknowledges and discards)";
        long now = board.clock.uptimeMillis();
        mqtt.disconnect();
        delivery.reset();
        state = REFUSED;
        offlineSince = now;
        reconnects++;
        failuresThisRound = 0;
        attemptsSinceOnline = 1;
        retryAt = now + config.backoffMaxMillis;
        lastFailure = "readings not delivered on " + publishTopic;
        deliveryFailures++;
        if (!publishTopic.equals(deliveryProblem)) {
            log.error(problem + "; the readings stay queued (" + queue.size() + "), retrying every "
                    + Durations.format(config.backoffMaxMillis) + ". Fix: allow this pot's account to write and read "
                    + publishTopic + " in the broker's ACL, or set mqtt.topic.publish to a topic it may use"
                    + " (scripts/broker --secure grants to_mothership/<client id>: mqtt.topic.publish = to_mothership/{id});"
                    + " if pots may not read their own topics there, set mqtt.delivery.check = false");
            deliveryProblem = publishTopic;
        } else if (deliveryFailures % REPEAT_REMINDER == 0) {
            log.warn("readings still not delivered on " + publishTopic + " after " + deliveryFailures + " checks; "
                    + queue.size() + " queued, retrying every " + Durations.format(config.backoffMaxMillis));
        }
    }

    // ---- link supervision -----------------------------------------------------------------------

    private void connect() {
        if (!board.wifi.isConnected()) {
            if (attemptsSinceOnline == 0) {
                log.info("joining WiFi \"" + config.wifiSsid + "\"");
            }
            try {
                board.wifi.join(config.wifiSsid, config.wifiPassword, config.wifiJoinTimeoutMillis);
                log.info("WiFi joined \"" + config.wifiSsid + "\"");
            } catch (IOException e) {
                // WiFi is below every broker: rotating brokers would not help.
                failuresThisRound = config.brokers.length;
                attemptFailed("WiFi join \"" + config.wifiSsid + "\" failed: " + e.getMessage(), false);
                return;
            }
        }
        String broker = config.brokers[brokerIndex];
        if (attemptsSinceOnline == 0 || config.brokers.length > 1) {
            log.info("connecting to " + broker + " as " + clientId);
        }
        takeLinkLost();
        try {
            mqtt.connect(broker, clientId, connectSettings);
            subscribeToCommands();
            if (discovery != null && subscribeUnlessRefused(config.homeAssistant.statusTopic, "homeassistant.status") != null) {
                log.warn("not allowed to read " + config.homeAssistant.statusTopic
                        + ": the pot announces itself to Home Assistant at each connect only");
            }
            mqtt.publish(statusTopic, ascii("online"), 6, 1, true);
            publishDiscovery();
            startDeliveryCheck();
        } catch (MqttTransportException e) {
            mqtt.disconnect();
            delivery.reset();
            boolean refused = e.kind() == MqttTransportException.REFUSED;
            attemptFailed("MQTT connect to " + broker + (refused ? " refused: " : " failed: ") + e.getMessage(), refused);
            brokerIndex = (brokerIndex + 1) % config.brokers.length;
            return;
        }
        long now = board.clock.uptimeMillis();
        state = ONLINE;
        onlineSince = now;
        drainNotBefore = now;
        failuresThisRound = 0;
        String after = attemptsSinceOnline > 0 ? " after " + (attemptsSinceOnline + 1) + " attempts, "
                + Durations.format(now - offlineSince) + " offline" : "";
        if (deliveryProblem == null) {
            log.info("connected to " + broker + after + (commandsRefused == null ? "; subscribed to " : "; NOT subscribed to ")
                    + subscribeTopic + (commandTopics.ownNeedsSubscription() ? " and " + commandTopics.own() : "")
                    + "; status " + statusTopic + " = online"
                    + (discovery != null ? "; announced to Home Assistant under " + config.homeAssistant.prefix + "/" : ""));
        }
        warnAboutLinkSecurity(broker);
        attemptsSinceOnline = 0;
        lastFailure = null;
    }

    /** A refused command subscription (SUBACK 0x80) is reported, not fatal: readings still go out. */
    private void subscribeToCommands() throws MqttTransportException {
        String refused = subscribeUnlessRefused(subscribeTopic, "mqtt.topic.subscribe");
        if (refused == null && commandTopics.ownNeedsSubscription()) {
            refused = subscribeUnlessRefused(commandTopics.own(), "mqtt.topic.commands");
        }
        if (refused != null && !refused.equals(commandsRefused)) {
            log.error(refused + ": this pot will not receive commands, readings still go out. Fix: allow this pot's"
                    + " account to read its command topics in the broker's ACL, or configure topics it may read");
        }
        commandsRefused = refused;
    }

    /** Subscribes at QoS 1; returns the broker's refusal (SUBACK 0x80) instead of failing the connect, null if granted. */
    private String subscribeUnlessRefused(String topic, String key) throws MqttTransportException {
        try {
            mqtt.subscribe(topic, 1);
            return null;
        } catch (MqttTransportException e) {
            if (e.kind() != MqttTransportException.REFUSED) {
                throw e;
            }
            return e.getMessage() + " (" + key + ")";
        }
    }

    /** Subscribes to the pot's own readings topic so the first reading can come back as proof of delivery. */
    private void startDeliveryCheck() throws MqttTransportException {
        if (!config.deliveryCheck) {
            return;
        }
        try {
            mqtt.subscribe(publishTopic, 0);
            delivery.begin();
        } catch (MqttTransportException e) {
            if (e.kind() != MqttTransportException.REFUSED) {
                throw e;
            }
            if (!deliveryUncheckableLogged) {
                log.warn("cannot confirm that readings arrive: " + e.getMessage() + "; publishing without that check");
                deliveryUncheckableLogged = true;
            }
        }
    }

    private void warnAboutLinkSecurity(String broker) {
        if (broker.startsWith("ssl://") && !config.tls.verifyHostname) {
            log.warn("TLS hostname verification is off (mqtt.tls.verify_hostname = false): any certificate signed by the CA"
                    + " is accepted for " + broker + ", so whoever holds one can pose as the broker. Fix: give the broker a"
                    + " certificate for the name the pot dials and set mqtt.tls.verify_hostname = true");
        }
        if (broker.startsWith("tcp://") && config.mqttPassword != null && !plainPasswordWarned && !isLoopback(broker)) {
            log.warn("mqtt.password travels unencrypted to " + broker + ": anyone on that network can read it."
                    + " Fix: use an ssl:// broker (scripts/broker --secure sets one up)");
            plainPasswordWarned = true;
        }
    }

    private static boolean isLoopback(String broker) {
        return broker.startsWith("tcp://127.") || broker.startsWith("tcp://localhost:") || broker.startsWith("tcp://[::1]:");
    }

    private void attemptFailed(String reason, boolean refused) {
        attemptsSinceOnline++;
        failuresThisRound++;
        long now = board.clock.uptimeMillis();
        if (failuresThisRound < config.brokers.length) {
            // Another broker in the list has not been tried this round: try it now.
            retryAt = now;
            log.warn(reason + "; trying the next broker");
            return;
        }
        failuresThisRound = 0;
        // A refusal does not go away by itself: retry at the cap, however few failures came before.
        long delay = refused ? config.backoffMaxMillis : backoff.nextDelayMillis();
        retryAt = now + delay;
        state = refused ? REFUSED : OFFLINE;
        if (!reason.equals(lastFailure)) {
            if (refused) {
                log.error(reason + "; retrying every " + Durations.format(delay) + " (backoff.max) until that is fixed");
            } else {
                log.warn(reason + "; retrying in " + Durations.format(delay));
            }
            lastFailure = reason;
        } else if (refused && attemptsSinceOnline % REPEAT_REMINDER == 0) {
            log.warn("still refused after " + attemptsSinceOnline + " attempts; retrying every " + Durations.format(delay));
        } else if (attemptsSinceOnline % REPEAT_REMINDER == 0) {
            log.warn("still offline after " + attemptsSinceOnline + " attempts (" + reason + "); retrying in "
                    + Durations.format(delay));
        }
    }

    private void linkDown(String reason) {
        long now = board.clock.uptimeMillis();
        delivery.reset();
        state = OFFLINE;
        offlineSince = now;
        reconnects++;
        if (config.brokers.length > 1) {
            brokerIndex = (brokerIndex + 1) % config.brokers.length;
        }
        failuresThisRound = 0;
        long delay = backoff.nextDelayMillis();
        retryAt = now + delay;
        lastFailure = null;
        log.warn(reason + "; reconnecting in " + Durations.format(delay) + " (" + queue.size() + " readings queued)");
        mqtt.disconnect();
    }

    private void escalateIfStuck() {
        long now = board.clock.uptimeMillis();
        if (config.rebootAfterMillis > 0 && now - offlineSince >= config.rebootAfterMillis) {
            String reason = "no working link for " + Durations.format(now - offlineSince);
            log.error(reason + ": asking the board to reboot");
            offlineSince = now;
            stopRequested = true;
            board.rebooter.reboot(reason);
        }
    }

    /**
     * Says "offline" and disconnects. {@link #run()} ends with it; a runtime that calls {@link #tick()}
     * itself (the simulator's fleet) calls it once, from the thread that ticks, after the last tick.
     */
    public void shutdown() {
        if (state == ONLINE) {
            try {
                mqtt.publish(statusTopic, ascii("offline"), 7, 1, true);
            } catch (MqttTransportException e) {
                log.warn("could not publish offline status: " + e.getMessage());
            }
            mqtt.disconnect();
        }
        state = STOPPED;
        log.info("stopped after " + nextSeq + " readings, " + published + " published, " + queue.size()
                + " still queued");
    }

    // ---- inbound, from transport threads --------------------------------------------------------

    public void messageArrived(String topic, byte[] payload) {
        queueMessage(topic, payload, false);
    }

    public void retainedMessageArrived(String topic, byte[] payload) {
        queueMessage(topic, payload, true);
    }

    private void queueMessage(String topic, byte[] payload, boolean retained) {
        // The echo of the delivery check is the pot's own reading coming back, not a message for the inbox.
        if (delivery.offer(topic, payload)) {
            board.sleeper.wake();
            return;
        }
        synchronized (this) {
            if (inboxCount == INBOX_CAPACITY) {
                inboxOverflow++;
                return;
            }
            inboxTopics[inboxCount] = topic;
            // An oversized payload is not kept: only its size, for the error reply.
            inboxPayloads[inboxCount] = payload.length > CommandParser.MAX_BYTES ? null : payload;
            inboxSizes[inboxCount] = payload.length;
            inboxRetained[inboxCount] = retained;
            inboxCount++;
        }
        board.sleeper.wake();
    }

    public void connectionLost(String cause) {
        synchronized (this) {
            linkLost = true;
            linkLostCause = cause;
        }
        board.sleeper.wake();
    }

    private synchronized String takeLinkLost() {
        String cause = linkLost ? (linkLostCause == null ? "unknown cause" : linkLostCause) : null;
        linkLost = false;
        linkLostCause = null;
        return cause;
    }

    private void handleInbox() {
        while (true) {
            String topic;
            byte[] body;
            int size;
            boolean retained;
            int overflow;
            synchronized (this) {
                if (inboxCount == 0) {
                    return;
                }
                topic = inboxTopics[0];
                body = inboxPayloads[0];
                size = inboxSizes[0];
                retained = inboxRetained[0];
                inboxCount--;
                System.arraycopy(inboxTopics, 1, inboxTopics, 0, inboxCount);
                System.arraycopy(inboxPayloads, 1, inboxPayloads, 0, inboxCount);
                System.arraycopy(inboxSizes, 1, inboxSizes, 0, inboxCount);
                System.arraycopy(inboxRetained, 1, inboxRetained, 0, inboxCount);
                inboxTopics[inboxCount] = null;
                inboxPayloads[inboxCount] = null;
                overflow = inboxOverflow;
                inboxOverflow = 0;
            }
            if (overflow > 0) {
                log.warn("inbox full: " + overflow + " message(s) dropped");
            }
            handleMessage(topic, body, size, retained);
        }
    }

    private void handleMessage(String topic, byte[] body, int size, boolean retained) {
        log.info("(" + topic + ", " + (body == null ? "<" + size + " bytes>" : Text.printable(body, 200)) + ")");
        if (discovery != null && topic.equals(config.homeAssistant.statusTopic)) {
            if (body != null && "online".equals(Text.trimmedAscii(body)) && state == ONLINE) {
                log.info("Home Assistant came online: announcing the pot again");
                try {
                    publishDiscovery();
                } catch (MqttTransportException e) {
                    linkDown("publish failed: " + e.getMessage());
                }
            }
            return;
        }
        if (!commandTopics.isForThisPot(topic)) {
            return;
        }
        if (retained) {
            // Kept by the broker, it would run again at every reconnect: a retained "reboot" would never stop.
            log.warn("retained command on " + topic + " ignored: send commands without the retain flag (mosquitto_pub without -r); "
                    + "clear it with: mosquitto_pub -r -n -t " + topic);
            return;
        }
        if (!commands.handle(body, size, outbox)) {
            return;
        }
        if (state == ONLINE) {
            try {
                mqtt.publish(replyTopic, outbox.bytes(), outbox.length(), config.qos, false);
            } catch (MqttTransportException e) {
                log.warn("reply to " + replyTopic + " not sent: " + e.getMessage());
            }
        }
        if (rebootAfterReply != null) {
            stopRequested = true;
            board.rebooter.reboot(rebootAfterReply);
        }
    }

    private void publishDiscovery() throws MqttTransportException {
        if (discovery == null) {
            return;
        }
        for (int i = 0; i < discovery.count(); i++) {
            discovery.write(i, outbox);
            mqtt.publish(discovery.topic(i), outbox.bytes(), outbox.length(), 1, true);
        }
    }

    // ---- commands ---------------------------------------------------------------------------------

    public int readNow() {
        return queueReading(board.clock.uptimeMillis());
    }

    public long readingsTaken() {
        return nextSeq;
    }

    public int lastRawCode() {
        return lastRawCode;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public void changeInterval(long millis) {
        if (nextSeq > 0) {
            long now = board.clock.uptimeMillis();
            // Keep the last reading as the anchor: the next one comes a new interval after it.
            nextReadingAt = Math.max(now, nextReadingAt - intervalMillis + millis);
        }
        intervalMillis = millis;
    }

    public void rebootAfterReply(String reason) {
        rebootAfterReply = reason;
    }

    public String stateName() {
        return state == ONLINE ? "online" : state == STOPPED ? "stopped" : "offline";
    }

    // ---- status ---------------------------------------------------------------------------------

    public int state() {
        return state;
    }

    /** One line for a person: state, broker, queue, drops, reconnects. */
    public String statusLine() {
        StringBuilder sb = new StringBuilder();
        sb.append("state=").append(state == ONLINE ? "online" : state == STOPPED ? "stopped" : state == REFUSED ? "refused" : "offline");
        sb.append(" broker=").append(config.brokers[brokerIndex]);
        sb.append(" wifi=").append(board.wifi.isConnected() ? "up" : "down");
        sb.append(" readings=").append(nextSeq);
        sb.append(" published=").append(published);
        sb.append(" queued=").append(queue.size()).append('/').append(queue.capacity());
        sb.append(" dropped=").append(queue.dropped());
        sb.append(" reconnects=").append(reconnects);
        if ((state == OFFLINE || state == REFUSED) && lastFailure != null) {
            sb.append(" last_error=\"").append(lastFailure).append('"');
        }
        if (commandsRefused != null) {
            sb.append(" commands=refused");
        }
        return sb.toString();
    }

    public int queuedReadings() {
        return queue.size();
    }

    public long droppedReadings() {
        return queue.dropped();
    }

    public int reconnects() {
        return reconnects;
    }

    /** Readings the broker acknowledged (or, at QoS 0, that were handed to the transport), since boot. */
    public long publishedReadings() {
        return published;
    }

    private static String tenths(int tenths) {
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
