package dev.smartpot.device.homeassistant;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.HomeAssistantConfig;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.link.SessionSetup;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MessageHandler;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.Subscriptions;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.device.text.Printable;
import dev.smartpot.protocol.WireTopics;

/**
 * Makes the pot appear in Home Assistant: publishes the retained discovery configs on each connect, and again
 * whenever Home Assistant says on its status topic that it (re)started.
 *
 * <p>With discovery off, the pot instead clears the configs it may have retained before (an empty retained
 * message on each of its own config topics, which also makes Home Assistant remove the entities), once per
 * boot: three small publishes, and a pot that never announced itself costs the broker nothing more.
 */
public final class HomeAssistantAnnouncer implements SessionStep, MessageHandler {

    private static final byte[] NOTHING = new byte[0];

    private final HomeAssistantDiscovery discovery;
    private final HomeAssistantConfig config;
    private final MqttTransport mqtt;
    private final PayloadBuffer outbox;
    private final LinkSupervisor link;
    private final Log log;
    /** Discovery off: whether this boot already cleared the retained configs. */
    private boolean cleared;
    /** Discovery off: whether the current connect is the one that cleared them (for its "connected" line). */
    private boolean clearedNow;

    /** @param outbox reused for every config */
    public HomeAssistantAnnouncer(DeviceConfig device, String clientId, String softwareVersion, MqttTransport mqtt,
            PayloadBuffer outbox, LinkSupervisor link, Log log) {
        this.config = device.homeAssistant;
        // A readings topic without {id} is shared by every pot: the templates then check the reading's id.
        this.discovery = new HomeAssistantDiscovery(config.prefix, clientId, device.deviceName, device.publishTopicFor(clientId),
                device.publishTopic.indexOf(WireTopics.ID) < 0, device.statusTopicFor(clientId), softwareVersion,
                device.battery.present());
        this.mqtt = mqtt;
        this.outbox = outbox;
        this.link = link;
        this.log = log;
    }

    public boolean start(MqttTransport transport, boolean kept) throws MqttTransportException {
        if (!config.discovery) {
            clearedNow = false;
            // A kept session is one that cleared them when it was set up.
            if (!cleared && !kept) {
                clear(transport);
                clearedNow = true;
            }
            cleared = true;
            return true;
        }
        if (kept) {
            // The configs are retained by the broker and Home Assistant's status is still subscribed to.
            return true;
        }
        boolean subscribed = Subscriptions.subscribeUnlessRefused(transport, config.statusTopic, "homeassistant.status") == null;
        if (!subscribed) {
            log.warn("not allowed to read " + config.statusTopic
                    + ": the pot announces itself to Home Assistant at each connect only");
        }
        announce(transport);
        return subscribed;
    }

    /** What the broker keeps of this step: the configs as announced (or cleared), and the status subscription. */
    public int fingerprint(int hash) {
        hash = SessionSetup.hash(hash, config.discovery ? "discovery" : "no discovery");
        for (int i = 0; i < discovery.count(); i++) {
            hash = SessionSetup.hash(hash, discovery.topic(i));
            if (config.discovery) {
                discovery.write(i, outbox);
                hash = SessionSetup.hash(hash, outbox.bytes(), outbox.length());
            }
        }
        return config.discovery ? SessionSetup.hash(hash, config.statusTopic) : hash;
    }

    public boolean describe(StringBuilder line) {
        if (config.discovery) {
            line.append("; announced to Home Assistant under ").append(config.prefix).append('/');
        } else if (clearedNow) {
            line.append("; Home Assistant discovery off: cleared this pot's configs under ").append(config.prefix).append('/');
        }
        return true;
    }

    public void linkDown() {
    }

    public String ignores(String topic) {
        return null;
    }

    public boolean handle(long now, String topic, byte[] body, int size, boolean retained) {
        if (!config.discovery || !topic.equals(config.statusTopic)) {
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

    /**
     * An empty retained message removes the broker's retained config, and Home Assistant removes the entity. Every
     * entity a pot can have: a battery removed from the config at the same time leaves no entity behind.
     */
    private void clear(MqttTransport transport) throws MqttTransportException {
        for (int i = 0; i < HomeAssistantDiscovery.ENTITIES; i++) {
            transport.publish(discovery.topic(i), NOTHING, 0, 1, true);
        }
    }
}
