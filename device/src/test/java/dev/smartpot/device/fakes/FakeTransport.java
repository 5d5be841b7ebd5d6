package dev.smartpot.device.fakes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/** An in-memory broker connection: records what the device did, fails on demand. */
public final class FakeTransport implements MqttTransport {

    /** One publish as the broker saw it. */
    public record Sent(String topic, String payload, int qos, boolean retained) {
    }

    public final List<Sent> sent = new ArrayList<>();
    public final List<String> subscriptions = new ArrayList<>();
    public final List<String> unsubscriptions = new ArrayList<>();
    public final List<String> connects = new ArrayList<>();
    public ConnectSettings lastSettings;
    /** Brokers (URIs) that refuse or cannot be reached. */
    public final List<String> deadBrokers = new ArrayList<>();
    /** Topics whose publishes the broker acknowledges and then drops, as Mosquitto does when its ACL says no. */
    public final List<String> deniedTopics = new ArrayList<>();
    public MqttTransportException connectFailure;
    public MqttTransportException subscribeFailure;
    public MqttTransportException publishFailure;
    public int disconnects;
    /** A step that blocks: the clock moves on this long inside it (0: answers at once). */
    public long connectBlocks;
    public long subscribeBlocks;
    public long publishBlocks;
    /** The clock that moves inside a blocking step. */
    public ManualClock blockingClock;
    /** A flood that keeps pace with the pot: each publish is answered by one more message, see {@link #floodEachPublish}. */
    private String floodTopic;
    private String floodPayload;
    private int floodLeft;
    private ManualClock floodClock;
    private long floodMillisEach;
    /** Subscriptions of the current session. */
    private List<String> session = new ArrayList<>();
    /** The broker's persistent sessions by client id: share one map between pots to model one broker across wakes. */
    public Map<String, List<String>> brokerSessions = new HashMap<>();
    /** What the last CONNACK said, one of MqttTransport's SESSION_* constants. */
    public int lastSessionState = -1;
    /** Report {@link MqttTransport#SESSION_UNKNOWN} instead of the flag, as a library that hides it does. */
    public boolean hidesSessionPresent;
    /** The broker answers CONNECT and drops the link at once, as it does when another client takes the same id. */
    public boolean dropsRightAfterConnack;
    /**
     * QoS 1 messages delivered to a persistent session and not acknowledged when it ended, by client id: the broker
     * sends them again at the next connect. Share one map between pots to model one broker across wakes.
     */
    public Map<String, List<String[]>> brokerUnacked = new HashMap<>();
    /** Acknowledge every message on arrival ({@link MqttTransport#NO_ACK}), as a library without manual acks does. */
    public boolean acksOnArrival;
    /** The messages the pot acknowledged (PUBACK sent), as "topic payload", in order. */
    public final List<String> acked = new ArrayList<>();
    /** Called with each publish's topic once the broker took it: a test's hook to deliver a message just then. */
    public java.util.function.Consumer<String> onPublish = topic -> { };
    /** Delivered to this connection and not acknowledged yet, by ack. */
    private final Map<Integer, String[]> unacked = new HashMap<>();
    private int nextAck = 1;
    private String clientId;
    private boolean persistent;
    private MqttListener listener;
    private boolean connected;

    @Override
    public void setListener(MqttListener listener) {
        this.listener = listener;
    }

    @Override
    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        connects.add(serverUri);
        lastSettings = settings;
        block(connectBlocks);
        if (connectFailure != null) {
            throw connectFailure;
        }
        if (deadBrokers.contains(serverUri)) {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "Connection refused");
        }
        connected = true;
        this.clientId = clientId;
        this.persistent = !settings.cleanSession;
        unacked.clear();
        List<String> kept = brokerSessions.get(clientId);
        boolean present = !settings.cleanSession && kept != null;
        if (settings.cleanSession || kept == null) {
            kept = new ArrayList<>();
            if (settings.cleanSession) {
                brokerSessions.remove(clientId);
            } else {
                brokerSessions.put(clientId, kept);
            }
        }
        session = kept;
        lastSessionState = hidesSessionPresent ? SESSION_UNKNOWN : present ? SESSION_PRESENT : SESSION_NEW;
        if (dropsRightAfterConnack) {
            breakLink("Connection lost");
        }
        List<String[]> again = brokerUnacked.remove(clientId);
        if (present && again != null) {
            // Right after CONNACK, as a broker does: what the last session left unacknowledged.
            for (String[] m : again) {
                deliver(m[0], m[1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return lastSessionState;
    }

    private void block(long millis) {
        if (millis > 0) {
            blockingClock.advance(millis);
        }
    }

    /** A broker restart without persistence: every session is gone. */
    public void brokerLosesSessions() {
        brokerSessions.clear();
    }

    @Override
    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        requireConnected();
        block(subscribeBlocks);
        if (subscribeFailure != null) {
            throw subscribeFailure;
        }
        subscriptions.add(topicFilter);
        if (!session.contains(topicFilter)) {
            session.add(topicFilter);
        }
    }

    @Override
    public void unsubscribe(String topicFilter) throws MqttTransportException {
        requireConnected();
        unsubscriptions.add(topicFilter);
        session.remove(topicFilter);
    }

    @Override
    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        requireConnected();
        block(publishBlocks);
        if (publishFailure != null) {
            MqttTransportException e = publishFailure;
            if (e.kind() == MqttTransportException.BUSY) {
                publishFailure = null;
            }
            throw e;
        }
        if (deniedTopics.contains(topic)) {
            return;
        }
        if (floodLeft > 0) {
            floodLeft--;
            floodClock.advance(floodMillisEach);
            deliver(floodTopic, floodPayload);
        }
        sent.add(new Sent(topic, new String(payload, 0, length, StandardCharsets.UTF_8), qos, retained));
        if (isSubscribed(topic)) {
            // A broker routes a publish to every matching subscription, the publisher's own included.
            byte[] copy = new byte[length];
            System.arraycopy(payload, 0, copy, 0, length);
            deliver(topic, copy);
        }
        onPublish.accept(topic);
    }

    private boolean isSubscribed(String topic) {
        for (String filter : session) {
            if (matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    @Override
    public void acknowledge(int ack) {
        String[] m = unacked.remove(ack);
        if (m != null) {
            acked.add(m[0] + " " + m[1]);
        }
    }

    @Override
    public void disconnect() {
        if (connected) {
            sessionEnds();
        }
        connected = false;
        disconnects++;
    }

    /** A persistent session keeps what was not acknowledged; a clean one forgets it. */
    private void sessionEnds() {
        if (persistent && !unacked.isEmpty()) {
            List<String[]> left = brokerUnacked.computeIfAbsent(clientId, id -> new ArrayList<>());
            unacked.keySet().stream().sorted().forEach(ack -> left.add(unacked.get(ack)));
        }
        unacked.clear();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    private void requireConnected() throws MqttTransportException {
        if (!connected) {
            throw new MqttTransportException(MqttTransportException.UNREACHABLE, "not connected");
        }
    }

    /** The broker side drops the link, as Paho reports it from its own thread. */
    public void breakLink(String cause) {
        sessionEnds();
        connected = false;
        listener.connectionLost(cause);
    }

    /**
     * An attacker who sends {@code count} more messages as fast as the pot answers: every publish brings one more,
     * and {@code millisEach} of time passes with each, as it would on a real link.
     */
    public void floodEachPublish(String topic, String payload, int count, ManualClock clock, long millisEach) {
        floodTopic = topic;
        floodPayload = payload;
        floodLeft = count;
        floodClock = clock;
        floodMillisEach = millisEach;
    }

    public int floodLeft() {
        return floodLeft;
    }

    public void deliver(String topic, String payload) {
        deliver(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** A QoS 1 message: its PUBACK goes when the pot acknowledges it (at once with {@link #acksOnArrival}). */
    public void deliver(String topic, byte[] payload) {
        arrive(topic, payload, false);
    }

    /** A message the broker had retained, as a new subscription receives it. */
    public void deliverRetained(String topic, String payload) {
        arrive(topic, payload.getBytes(StandardCharsets.UTF_8), true);
    }

    private void arrive(String topic, byte[] payload, boolean retained) {
        String[] m = {topic, new String(payload, StandardCharsets.UTF_8)};
        int ack = acksOnArrival ? NO_ACK : nextAck++;
        if (ack != NO_ACK) {
            unacked.put(ack, m);
        }
        boolean kept = retained ? listener.retainedMessageArrived(topic, payload, ack) : listener.messageArrived(topic, payload, ack);
        if (ack == NO_ACK || !kept) {
            acknowledge(ack);
            if (ack == NO_ACK) {
                acked.add(m[0] + " " + m[1]);
            }
        }
    }

    public List<Sent> sentTo(String topic) {
        List<Sent> out = new ArrayList<>();
        for (Sent s : sent) {
            if (s.topic().equals(topic)) {
                out.add(s);
            }
        }
        return out;
    }
}
