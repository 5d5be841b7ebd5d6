package dev.smartpot.testkit.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.mqtt.MqttListener;

/**
 * What a transport reported to the core, in order: "message topic payload", "retained topic payload", "lost cause".
 * It lets every message go at once (the transport acknowledges it), or, made with {@code keeps}, keeps each one's ack
 * for the test to acknowledge, as the core's inbox does.
 */
public final class RecordingListener implements MqttListener {

    private final boolean keeps;
    private final List<String> events = new ArrayList<>();
    private final List<Integer> acks = new ArrayList<>();

    public RecordingListener() {
        this(false);
    }

    /** @param keeps whether it keeps each message for a later {@link dev.smartpot.device.mqtt.MqttTransport#acknowledge} */
    public RecordingListener(boolean keeps) {
        this.keeps = keeps;
    }

    @Override
    public boolean messageArrived(String topic, byte[] payload, int ack) {
        add("message " + topic + " " + new String(payload, StandardCharsets.UTF_8), ack);
        return keeps;
    }

    @Override
    public boolean retainedMessageArrived(String topic, byte[] payload, int ack) {
        add("retained " + topic + " " + new String(payload, StandardCharsets.UTF_8), ack);
        return keeps;
    }

    @Override
    public void connectionLost(String cause) {
        add("lost " + cause, 0);
    }

    private void add(String event, int ack) {
        synchronized (events) {
            events.add(event);
            acks.add(ack);
        }
    }

    /** The ack the transport gave with the first event equal to {@code event}. */
    public int ackOf(String event) {
        synchronized (events) {
            int i = events.indexOf(event);
            if (i < 0) {
                throw new AssertionError("no event " + event + " in " + events);
            }
            return acks.get(i);
        }
    }

    public List<String> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Whether any event starts with {@code prefix}. */
    public boolean has(String prefix) {
        for (String e : events()) {
            if (e.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
