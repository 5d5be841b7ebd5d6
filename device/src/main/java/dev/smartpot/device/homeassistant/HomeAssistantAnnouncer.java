package dev.smartpot.device.homeassistant;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.HomeAssistantConfig;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MessageHandler;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.Subscriptions;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.device.text.Printable;

/**
 * Makes the pot appear in Home Assistant: publishes the retained discovery configs on each connect, and again
 * whenever Home Assistant says on its status topic that it (re)started.
 */
public final class HomeAssistantAnnouncer implements SessionStep, MessageHandler {

    private final HomeAssistantDiscovery discovery;
    private final HomeAssistantConfig config;
    private final MqttTransport mqtt;
    private final PayloadBuffer outbox;
    private final LinkSupervisor link;
    private final Log log;

    /** @param outbox reused for every config */
    public HomeAssistantAnnouncer(DeviceConfig device, String clientId, String softwareVersion, MqttTransport mqtt,
            PayloadBuffer outbox, LinkSupervisor link, Log log) {
        this.config = device.homeAssistant;
        this.discovery = new HomeAssistantDiscovery(config.prefix, clientId, device.deviceName, device.publishTopicFor(clientId),
                device.statusTopicFor(clientId), softwareVersion);
        this.mqtt = mqtt;
        this.outbox = outbox;
        this.link = link;
        this.log = log;
    }

    public void start(MqttTransport transport) throws MqttTransportException {
        if (Subscriptions.subscribeUnlessRefused(transport, config.statusTopic, "homeassistant.status") != null) {
            log.warn("not allowed to read " + config.statusTopic
                    + ": the pot announces itself to Home Assistant at each connect only");
        }
        announce(transport);
    }

    public boolean describe(StringBuilder line) {
        line.append("; announced to Home Assistant under ").append(config.prefix).append('/');
        return true;
    }

    public void linkDown() {
    }

    public boolean handle(long now, String topic, byte[] body, int size, boolean retained) {
        if (!topic.equals(config.statusTopic)) {
            return false;
        }
        if (body != null && "online".equals(Printable.trimmedAscii(body)) && link.isOnline()) {
            log.info("Home Assistant came online: announcing the pot again");
            try {
                announce(mqtt);
            } catch (MqttTransportException e) {
                link.failed("publish failed: " + e.getMessage());
            }
        }
        return true;
    }

    private void announce(MqttTransport transport) throws MqttTransportException {
        for (int i = 0; i < discovery.count(); i++) {
            discovery.write(i, outbox);
            transport.publish(discovery.topic(i), outbox.bytes(), outbox.length(), 1, true);
        }
    }
}
