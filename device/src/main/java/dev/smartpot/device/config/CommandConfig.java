package dev.smartpot.device.config;

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
        boolean wildcard = subscribeTopic != null && (subscribeTopic.indexOf('+') >= 0 || subscribeTopic.indexOf('#') >= 0);
        String defaultCommands = subscribeTopic == null || wildcard ? null : subscribeTopic + "/{id}";
        commandsTopicTemplate = r.text("mqtt.topic.commands", defaultCommands);
        replyTopicTemplate = r.text("mqtt.topic.reply", publishTopic + "/{id}/reply");
        // Defaults are built from topics already checked; only a value written in the file needs its own check.
        if (r.isSet("mqtt.topic.commands")) {
            DeviceConfig.checkTopic(r, "mqtt.topic.commands", Topics.withClientId(commandsTopicTemplate, "0"), true);
        }
        if (r.isSet("mqtt.topic.reply")) {
            DeviceConfig.checkTopic(r, "mqtt.topic.reply", Topics.withClientId(replyTopicTemplate, "0"), false);
        }
    }

    public static CommandConfig read(ConfigReader reader, String subscribeTopic, String publishTopic) {
        return new CommandConfig(reader, subscribeTopic, publishTopic);
    }
}
