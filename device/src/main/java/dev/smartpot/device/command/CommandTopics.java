package dev.smartpot.device.command;

import dev.smartpot.device.mqtt.Topics;

/**
 * Which topics carry commands for this pot: the broadcast (the subscribe topic, which may be a filter)
 * and the pot's own topic. Under a wildcard broadcast such as {@code from_mothership/#}, another pot's
 * own topic matches too; those commands are not for this pot.
 */
public final class CommandTopics {

    private final String broadcast;
    /** Null when the pot has no topic of its own. */
    private final String own;
    /** Every pot's own topic, as a filter; null with no own topic. */
    private final String anyPotsOwn;

    /** @param ownTemplate with {@code {id}} for the client id, or null */
    public CommandTopics(String broadcast, String ownTemplate, String clientId) {
        this.broadcast = broadcast;
        this.own = ownTemplate == null ? null : Topics.withClientId(ownTemplate, clientId);
        this.anyPotsOwn = ownTemplate == null ? null : Topics.withClientId(ownTemplate, "+");
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
}
