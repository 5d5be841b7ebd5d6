package dev.smartpot.device.config;

import dev.smartpot.device.mqtt.Topics;
import dev.smartpot.protocol.WireTopics;

/**
 * Where commands come from and replies go ({@code mqtt.topic.commands}, {@code mqtt.topic.reply}).
 * The subscribe topic is the broadcast to every pot; the commands topic reaches this pot alone.
 * Both templates may hold {@code {id}}, the client id.
 */
public final class CommandConfig {

    /** Null when the pot has no topic of its own (the subscribe topic is a wildcard and nothing was set). */
    public final String commandsTopicTemplate;
    public final String replyTopicTemplate;

    private CommandConfig(ConfigReader r, String subscribeTopic, String publishTopic) {
        commandsTopicTemplate = r.text(ConfigKeys.MQTT_TOPIC_COMMANDS, defaultCommandsTopic(subscribeTopic));
        // Beside the pot's readings: under its own id level, unless the readings topic already has one.
        replyTopicTemplate = r.text(ConfigKeys.MQTT_TOPIC_REPLY, publishTopic
                + (publishTopic.indexOf(WireTopics.ID) >= 0 ? "" : "/" + WireTopics.ID) + "/" + WireTopics.REPLY_LEVEL);
        // Defaults are built from topics already checked; only a value written in the file needs its own check.
        if (r.isSet("mqtt.topic.commands")) {
            DeviceConfig.checkTopic(r, "mqtt.topic.commands", Topics.withClientId(commandsTopicTemplate, "0"), true);
        }
        if (r.isSet("mqtt.topic.reply")) {
            DeviceConfig.checkTopic(r, "mqtt.topic.reply", Topics.withClientId(replyTopicTemplate, "0"), false);
        }
    }

    /**
     * One level below the broadcast: {@code from_mothership} gives {@code from_mothership/{id}}, and so does
     * {@code from_mothership/#}. Another wildcard leaves no obvious choice: null until one is configured. A
     * subscribe topic that already names the pot ({@code {id}}) is its own topic.
     */
    private static String defaultCommandsTopic(String subscribeTopic) {
        if (subscribeTopic == null) {
            return null;
        }
        if (subscribeTopic.indexOf(WireTopics.ID) >= 0) {
            // The subscribe topic is already this pot's own (from_mothership/{id} in the secure layout).
            return subscribeTopic;
        }
        String base = subscribeTopic.endsWith("/#") ? subscribeTopic.substring(0, subscribeTopic.length() - 2) : subscribeTopic;
        if (base.length() == 0 || base.indexOf('+') >= 0 || base.indexOf('#') >= 0) {
            return null;
        }
        return base + "/" + WireTopics.ID;
    }

    public static CommandConfig read(ConfigReader reader, String subscribeTopic, String publishTopic) {
        return new CommandConfig(reader, subscribeTopic, publishTopic);
    }
}
