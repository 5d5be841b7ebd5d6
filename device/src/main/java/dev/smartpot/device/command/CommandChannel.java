package dev.smartpot.device.command;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.FixHints;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.link.SessionSetup;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MessageHandler;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.Subscriptions;
import dev.smartpot.device.mqtt.Topics;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * The pot's command line to the mothership: subscribes to the command topics on each connect, hands each
 * command meant for this pot to {@link Commands}, publishes the reply, and reboots once a "reboot" reply is out.
 * A refused command subscription (SUBACK 0x80) is reported, not fatal: readings still go out.
 */
public final class CommandChannel implements SessionStep, MessageHandler {

    private final Commands commands;
    private final CommandTopics topics;
    private final String subscribeTopic;
    private final String replyTopic;
    private final int qos;
    private final MqttTransport mqtt;
    private final PayloadBuffer outbox;
    private final LinkSupervisor link;
    private final Rebooter rebooter;
    private final FixHints hints;
    private final Log log;
    /** Why the broker refused the command subscription; null when subscribed. */
    private String refused;
    private boolean rebooting;
    /** The last connect resumed the session with these subscriptions. */
    private boolean kept;

    /** @param outbox reused for every reply */
    public CommandChannel(Commands commands, DeviceConfig config, String clientId, Board board, MqttTransport mqtt,
            PayloadBuffer outbox, LinkSupervisor link) {
        this.commands = commands;
        this.subscribeTopic = config.subscribeTopicFor(clientId);
        this.topics = new CommandTopics(subscribeTopic, config.commands.commandsTopicTemplate, clientId);
        this.replyTopic = Topics.withClientId(config.commands.replyTopicTemplate, clientId);
        this.qos = config.qos;
        this.mqtt = mqtt;
        this.outbox = outbox;
        this.link = link;
        this.rebooter = board.rebooter;
        this.hints = board.fixHints;
        this.log = board.log;
    }

    public boolean start(MqttTransport transport, boolean kept) throws MqttTransportException {
        this.kept = kept;
        if (kept) {
            // The broker kept this pot's subscriptions, and none was refused when they were made.
            refused = null;
            return true;
        }
        String refusal = Subscriptions.subscribeUnlessRefused(transport, subscribeTopic, "mqtt.topic.subscribe");
        if (refusal == null && topics.ownNeedsSubscription()) {
            refusal = Subscriptions.subscribeUnlessRefused(transport, topics.own(), "mqtt.topic.commands");
        }
        if (refusal != null && !refusal.equals(refused)) {
            log.error(refusal + ": this pot will not receive commands, readings still go out. Fix: allow this pot's"
                    + " account to read its command topics in the broker's ACL, or configure topics it may read");
        }
        refused = refusal;
        return refusal == null;
    }

    public int fingerprint(int hash) {
        hash = SessionSetup.hash(SessionSetup.hash(hash, subscribeTopic), 1);
        return topics.ownNeedsSubscription() ? SessionSetup.hash(hash, topics.own()) : hash;
    }

    public boolean describe(StringBuilder line) {
        String how = refused != null ? "; NOT subscribed to " : kept ? "; still subscribed to " : "; subscribed to ";
        line.append(how).append(subscribeTopic);
        if (topics.ownNeedsSubscription()) {
            line.append(" and ").append(topics.own());
        }
        return true;
    }

    public void linkDown() {
    }

    public String ignores(String topic) {
        String other = topics.otherPot(topic);
        return other == null ? null : "for pot " + other;
    }

    public boolean handle(long now, String topic, byte[] body, int size, boolean retained) {
        if (!topics.isForThisPot(topic)) {
            return false;
        }
        if (retained) {
            // Kept by the broker, it would run again at every reconnect: a retained "reboot" would never stop.
            String hint = hints.hint(FixHints.RETAINED_COMMAND, topic);
            log.warn("retained command on " + topic + " ignored: send commands without the retain flag, and clear the one"
                    + " kept by the broker with an empty retained message on " + topic + (hint == null ? "" : hint));
            return true;
        }
        if (!commands.handle(now, body, size, outbox)) {
            return true;
        }
        if (link.isOnline()) {
            try {
                mqtt.publish(replyTopic, outbox.bytes(), outbox.length(), qos, false);
            } catch (MqttTransportException e) {
                log.warn("reply to " + replyTopic + " not sent: " + e.getMessage());
            }
        }
        rebooting |= commands.rebootIfRequested(rebooter);
        return true;
    }

    /** True once a command rebooted the board: the loop must end. */
    public boolean rebooting() {
        return rebooting;
    }

    /** Why the broker refused the command subscription; null when subscribed. */
    public String refusal() {
        return refused;
    }
}
