package dev.smartpot.simulator.forget;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.Firmware;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.homeassistant.HomeAssistantDiscovery;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.status.AboutAnnouncer;
import dev.smartpot.protocol.WireTopics;

/**
 * What one pot left on one broker, found and removed over one connection made as the pot itself: with its client id
 * (so an ACL that lets a pot write only its own topics lets this too), its login, and a clean session, which also
 * ends a session the broker kept for it (a deep-sleep pot's). It reads back the pot's retained status, about and Home
 * Assistant configs, then publishes an empty retained message to each (and to its connect record), which makes the
 * broker drop it.
 */
final class PotTraces implements MqttListener {

    /** How long to wait for the broker to hand over what it retained, when it lets the pot read its topics. */
    private static final long LOOK_MILLIS = 3000;
    private static final byte[] NOTHING = new byte[0];

    /** What was removed from one broker for one pot. */
    record Removed(String clientId, String status, String about, List<String> configs, boolean looked) {
        int count() {
            return (status != null ? 1 : 0) + (about != null ? 1 : 0) + configs.size();
        }
    }

    private final DeviceConfig config;
    private final String clientId;
    private final String statusTopic;
    private final String aboutTopic;
    private final String discoveryFilter;
    private final Map<String, String> retained = new LinkedHashMap<>();
    /**
     * Our own clears coming back, one per subscription: a subscription's retained messages come before our clear on it,
     * but two subscriptions' messages may be handed over in any order (the fleet's HiveMQ client delivers each
     * subscription on a flow of its own), so one echo says nothing about another subscription's retained message.
     */
    private final Set<String> echoTopics = new LinkedHashSet<>();
    private final CountDownLatch echo = new CountDownLatch(3);

    PotTraces(DeviceConfig config, String clientId) {
        this.config = config;
        this.clientId = clientId;
        this.statusTopic = config.statusTopicFor(clientId);
        this.aboutTopic = AboutAnnouncer.topicFor(statusTopic);
        this.discoveryFilter = config.homeAssistant.prefix + "/+/" + clientId + "/+/config";
    }

    Removed forget(MqttTransport transport, String broker) throws MqttTransportException {
        transport.setListener(this);
        transport.connect(broker, clientId, new ConnectSettings(30, 10, config.usernameFor(clientId), config.mqttPassword,
                null, null, config.tls, true));
        try {
            boolean looked = look(transport);
            HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(config.homeAssistant.prefix, clientId, config.deviceName,
                    config.publishTopicFor(clientId), false, statusTopic, Firmware.VERSION, true);
            synchronized (echoTopics) {
                echoTopics.add(statusTopic);
                echoTopics.add(aboutTopic);
                echoTopics.add(discovery.topic(0));
            }
            for (String topic : List.of(statusTopic, aboutTopic, discovery.topic(0))) {
                transport.publish(topic, NOTHING, 0, 1, true);
            }
            if (looked) {
                try {
                    looked = echo.await(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    looked = false;
                }
            }
            Set<String> configs = new LinkedHashSet<>();
            // Every entity a pot can announce, the battery's included: a broker that will not let the pot read its topics
            // back leaves only these to clear, and an earlier run may have had a battery this config does not name.
            for (int i = 0; i < discovery.count(); i++) {
                configs.add(discovery.topic(i));
            }
            Map<String, String> found;
            synchronized (retained) {
                found = new LinkedHashMap<>(retained);
            }
            // Configs under this pot's id that an older version announced are removed as well.
            configs.addAll(found.keySet());
            configs.remove(statusTopic);
            configs.add(aboutTopic);
            // An always-on pot's connect record too, or the mothership would hear the forgotten pot again.
            configs.add(aboutTopic.substring(0, aboutTopic.length() - WireTopics.ABOUT_LEVEL.length()) + WireTopics.CONNECT_LEVEL);
            for (String topic : configs) {
                transport.publish(topic, NOTHING, 0, 1, true);
            }
            List<String> removedConfigs = new ArrayList<>();
            for (String topic : found.keySet()) {
                if (!topic.equals(statusTopic) && !topic.equals(aboutTopic)) {
                    removedConfigs.add(topic);
                }
            }
            return new Removed(clientId, found.get(statusTopic), found.get(aboutTopic), removedConfigs, looked);
        } finally {
            transport.disconnect();
        }
    }

    /** Subscribes to the pot's retained topics; false when the broker does not let the pot read them. */
    private boolean look(MqttTransport transport) {
        try {
            transport.subscribe(discoveryFilter, 1);
            transport.subscribe(statusTopic, 1);
            transport.subscribe(aboutTopic, 1);
            return true;
        } catch (MqttTransportException notAllowed) {
            return false;
        }
    }

    /** Live messages (a pot still running) are not what the broker kept; only our own clear matters here. */
    @Override
    public boolean messageArrived(String topic, byte[] payload, int ack) {
        if (payload.length == 0) {
            synchronized (echoTopics) {
                if (echoTopics.remove(topic)) {
                    echo.countDown();
                }
            }
        }
        return false;
    }

    @Override
    public boolean retainedMessageArrived(String topic, byte[] payload, int ack) {
        if (payload.length == 0) {
            return messageArrived(topic, payload, ack);
        }
        synchronized (retained) {
            retained.put(topic, new String(payload, StandardCharsets.UTF_8));
        }
        return false;
    }

    @Override
    public void connectionLost(String cause) {
        while (echo.getCount() > 0) {
            echo.countDown();
        }
    }
}
