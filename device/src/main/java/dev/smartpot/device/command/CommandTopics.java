package dev.smartpot.device.command;

import dev.smartpot.device.mqtt.Topics;
import dev.smartpot.protocol.WireTopics;

/**
 * Which topics carry commands for this pot: the broadcast (the subscribe topic, which may be a filter)
 * and the pot's own topic. Under a wildcard broadcast such as {@code from_mothership/#}, another pot's
 * own topic matches too; those commands are not for this pot.
 */
final class CommandTopics {

    private final String broadcast;
    /** Null when the pot has no topic of its own. */
    private final String own;
    /** Every pot's own topic, as a filter; null with no own topic. */
    private final String anyPotsOwn;
    /** The topic level that holds the client id in every pot's own topic (0 = first), or -1. */
    private final int idLevel;

    /** @param ownTemplate with {@code {id}} for the client id, or null */
    public CommandTopics(String broadcast, String ownTemplate, String clientId) {
        this.broadcast = broadcast;
        this.own = ownTemplate == null ? null : Topics.withClientId(ownTemplate, clientId);
        this.anyPotsOwn = ownTemplate == null ? null : Topics.withClientId(ownTemplate, "+");
        this.idLevel = ownTemplate == null ? -1 : levelOf(ownTemplate, ownTemplate.indexOf(WireTopics.ID));
    }

    /** This pot's own topic, or null. */
    public String own() {
        return own;
    }

    /** True when the own topic needs a subscription of its own (the broadcast filter does not already cover it). */
    public boolean ownNeedsSubscription() {
        return own != null && !Topics.matches(broadcast, own);
    }

    /** True for a message on this pot's own topic or the broadcast, false for another pot's or anything else. */
    public boolean isForThisPot(String topic) {
        if (topic.equals(own)) {
            return true;
        }
        return Topics.matches(broadcast, topic) && (anyPotsOwn == null || !Topics.matches(anyPotsOwn, topic));
    }

    /**
     * The id of the pot whose own topic {@code topic} is, when that is another pot (a wildcard broadcast such
     * as {@code from_mothership/#} delivers it here too); null for this pot's topics and anything else.
     */
    public String otherPot(String topic) {
        // The two common cases first: they cost no allocation.
        if (anyPotsOwn == null || idLevel < 0 || topic.equals(own) || topic.equals(broadcast) || !Topics.matches(anyPotsOwn, topic)) {
            return null;
        }
        int start = 0;
        for (int level = 0; level < idLevel; level++) {
            start = topic.indexOf('/', start) + 1;
        }
        int end = topic.indexOf('/', start);
        return topic.substring(start, end < 0 ? topic.length() : end);
    }

    /** Which level of {@code template} the character at {@code at} is in; -1 when {@code at} is -1. */
    private static int levelOf(String template, int at) {
        if (at < 0) {
            return -1;
        }
        int level = 0;
        for (int i = 0; i < at; i++) {
            if (template.charAt(i) == '/') {
                level++;
            }
        }
        return level;
    }
}
