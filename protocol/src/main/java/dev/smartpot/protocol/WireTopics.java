package dev.smartpot.protocol;

/**
 * Every topic between a pot and the mothership, and how a pot id fills it. The tutorial's two topics stay as they
 * were: a pot publishes on {@link #UP} and listens on {@link #DOWN}; the rest add one level per pot.
 */
public final class WireTopics {

    /** Readings go up here (the tutorial's topic; the pot id is in the JSON). */
    public static final String UP = "to_mothership";
    /** Commands and the tutorial's {@code received} come down here, to every pot. */
    public static final String DOWN = "from_mothership";
    /** What a topic template writes where the pot id goes. */
    public static final String ID = "{id}";
    /** A pot's own readings topic (the id from the topic, not the JSON). */
    public static final String READINGS_TEMPLATE = UP + "/" + ID;
    /** A pot's retained availability: {@link StatusWords}. */
    public static final String STATUS_LEVEL = "status";
    /** A pot's answers to commands: {@link ReplyFields}. */
    public static final String REPLY_LEVEL = "reply";
    /** A pot's retained description of itself and its limits: {@link AboutFields}. */
    public static final String ABOUT_LEVEL = "about";
    public static final String ABOUT_TEMPLATE = READINGS_TEMPLATE + "/" + ABOUT_LEVEL;
    public static final String STATUS_TEMPLATE = READINGS_TEMPLATE + "/" + STATUS_LEVEL;
    public static final String REPLY_TEMPLATE = READINGS_TEMPLATE + "/" + REPLY_LEVEL;
    /** The mothership's retained confirmation of what it stored of a pot: {@link AckFields}. */
    public static final String ACK_LEVEL = "ack";
    /** Commands for one pot only. */
    public static final String COMMANDS_TEMPLATE = DOWN + "/" + ID;
    /** Below a pot's command topic, so a pot that takes commands there must tell the two apart by the level. */
    public static final String ACK_TEMPLATE = COMMANDS_TEMPLATE + "/" + ACK_LEVEL;
    /** The shape of every topic the mothership accepts, for messages that name it. */
    public static final String UP_SHAPES = UP + "[/{id}[/" + STATUS_LEVEL + "|/" + REPLY_LEVEL + "|/" + ABOUT_LEVEL + "|/"
            + WireTopics.CONNECT_LEVEL + "]]";

    /** The mothership's alerts for other clients (Node-RED, a phone): raised, closed, acknowledged; JSON. */
    public static final String ALERTS = "mothership/alerts";
    /** Home Assistant's discovery prefix and its birth/will topic (its {@code online} after a restart), its defaults. */
    public static final String HOME_ASSISTANT_PREFIX = "homeassistant";
    public static final String HOME_ASSISTANT_STATUS = HOME_ASSISTANT_PREFIX + "/" + STATUS_LEVEL;

    private WireTopics() {
    }

    /** The template with every {@code {id}} replaced by the pot id. */
    public static String fill(String template, String potId) {
        String t = template;
        int at = t.indexOf(ID);
        while (at >= 0) {
            t = t.substring(0, at) + potId + t.substring(at + ID.length());
            at = t.indexOf(ID, at + potId.length());
        }
        return t;
    }

    public static String readings(String potId) {
        return fill(READINGS_TEMPLATE, potId);
    }

    public static String status(String potId) {
        return fill(STATUS_TEMPLATE, potId);
    }

    public static String reply(String potId) {
        return fill(REPLY_TEMPLATE, potId);
    }

    public static String about(String potId) {
        return fill(ABOUT_TEMPLATE, potId);
    }

    public static String commands(String potId) {
        return fill(COMMANDS_TEMPLATE, potId);
    }

    public static String ack(String potId) {
        return fill(ACK_TEMPLATE, potId);
    }

    /** The subscriptions that hear every pot: the tutorial's topic, each pot's readings, statuses, replies, abouts. */
    public static String[] everyPot() {
        return new String[] {UP, fill(READINGS_TEMPLATE, "+"), fill(STATUS_TEMPLATE, "+"), fill(REPLY_TEMPLATE, "+"),
            fill(ABOUT_TEMPLATE, "+"), fill(CONNECT_TEMPLATE, "+")};
    }

    /** An always-on pot's retained record of its latest connect: {@link ConnectPhases}. */
    public static final String CONNECT_LEVEL = "connect";
    public static final String CONNECT_TEMPLATE = READINGS_TEMPLATE + "/" + CONNECT_LEVEL;

    public static String connect(String potId) {
        return fill(CONNECT_TEMPLATE, potId);
    }
}
