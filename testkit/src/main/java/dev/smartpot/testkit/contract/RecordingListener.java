package dev.smartpot.testkit.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.mqtt.MqttListener;

/** What a transport reported to the core, in order: "message topic payload", "retained topic payload", "lost cause". */
public final class RecordingListener implements MqttListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public void messageArrived(String topic, byte[] payload) {
        add("message " + topic + " " + new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void retainedMessageArrived(String topic, byte[] payload) {
        add("retained " + topic + " " + new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void connectionLost(String cause) {
        add("lost " + cause);
    }

    private void add(String event) {
        synchronized (events) {
            events.add(event);
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
