package dev.smartpot.protocol;

import java.util.List;

/**
 * The contract by example: one message of every kind, byte for byte, with what it means. The core's tests check that
 * the pot writes exactly these bytes; the protocol's and the mothership's tests check that they decode to exactly these
 * fields. A change on either side that breaks the contract fails one of them.
 */
public final class GoldenMessages {

    public static final String POT = "a4cf12b0c0de";

    /** One message: where it travels, its bytes. */
    public record Golden(String name, String topic, String payload) {
    }

    /** What the core's PayloadEncoder writes for seq 7 of boot 3, raw 2210 (dry 3200, wet 1400), 2 readings lost. */
    public static final Golden READING = new Golden("reading", WireTopics.UP,
            "{\"id\":\"a4cf12b0c0de\",\"seq\":7,\"boot\":3,\"raw\":2210,\"moisture\":55.0,\"uptime_ms\":35000,"
                    + "\"ts\":1700000000000,\"dropped\":2}");
    /** Every optional field, on the pot's own topic. */
    public static final Golden READING_FULL = new Golden("reading with every field", "to_mothership/a4cf12b0c0de",
            "{\"id\":\"a4cf12b0c0de\",\"seq\":8,\"boot\":3,\"raw\":2210,\"moisture\":55.0,\"uptime_ms\":40000,"
                    + "\"ts\":1700000005000,\"battery_mv\":2882,\"dropped\":1,\"cmd_dropped\":4}");
    /** A shorted sensor: a fault instead of the moisture. */
    public static final Golden READING_FAULT = new Golden("reading with a fault", WireTopics.UP,
            "{\"id\":\"a4cf12b0c0de\",\"seq\":9,\"boot\":3,\"raw\":4095,\"fault\":\"shorted\",\"uptime_ms\":45000}");
    /** The tutorial's reading, {@code payload.format = text}. */
    public static final Golden READING_TEXT = new Golden("the tutorial's text reading", WireTopics.UP,
            "Test to mothership #7");

    /** The tutorial's plain word, as a pot of the tutorial says it. */
    public static final Golden ONLINE_WORD = new Golden("status online, the tutorial's word",
            "to_mothership/a4cf12b0c0de/status", "online");
    /** The broker's last will for a pot, and the tutorial's word. */
    public static final Golden OFFLINE = new Golden("status offline, the last will", "to_mothership/a4cf12b0c0de/status",
            "offline");
    /** An always-on pot's connect of boot 3, its first reading taken, after a power-on measured on the board. */
    public static final Golden ONLINE = new Golden("status online", "to_mothership/a4cf12b0c0de/status",
            "{\"state\":\"online\",\"wake\":{\"boot\":3,\"seq\":0,\"reset\":\"power-on\",\"boot_ms\":412,"
                    + "\"boot_modelled\":false,\"wifi_ms\":1710,\"address_ms\":1000,\"mqtt_ms\":35,\"round_trips\":3}}");
    /** A clean stop. */
    public static final Golden OFFLINE_CLEAN = new Golden("status offline, a clean stop", "to_mothership/a4cf12b0c0de/status",
            "{\"state\":\"offline\"}");
    /** A battery pot that knows the time, asleep until 2023-11-14T22:15:00Z (15 min), with the wake that ends. */
    public static final Golden ASLEEP_UNTIL = new Golden("status asleep until", "to_mothership/a4cf12b0c0de/status",
            "{\"state\":\"asleep\",\"wake_at\":1700000100000,\"sleep_ms\":900000,\"wake\":{\"boot\":3,"
                    + "\"seq\":11,\"reset\":\"deep-sleep\",\"boot_ms\":300,\"boot_modelled\":true,\"read_ms\":2,"
                    + "\"wifi_ms\":270,\"mqtt_ms\":9,\"publish_ms\":5,\"readings\":4,\"listen_ms\":53,\"awake_ms\":641,"
                    + "\"round_trips\":6}}");
    /** A battery pot that does not know the time: only the sleep's length. */
    public static final Golden ASLEEP_FOR = new Golden("status asleep for", "to_mothership/a4cf12b0c0de/status",
            "{\"state\":\"asleep\",\"sleep_ms\":900000}");

    /** An always-on pot's second connect of boot 3, after the broker dropped it; retained beside the status. */
    public static final Golden CONNECT = new Golden("connect record", "to_mothership/a4cf12b0c0de/connect",
            "{\"boot\":3,\"connect\":2,\"reset\":\"power-on\",\"boot_ms\":412,\"wifi_ms\":1710,\"address_ms\":1000,"
                    + "\"mqtt_ms\":35,\"session_ms\":8,\"first_publish_ms\":1753,\"up_ms\":3600000,"
                    + "\"reason\":\"connection lost: \\\"broker gone\\\"\"}");
    /** A boot's first connect with WiFi already up on a board that measures nothing: no boot, join or reason. */
    public static final Golden CONNECT_FIRST = new Golden("connect record, first of a boot", "to_mothership/a4cf12b0c0de/connect",
            "{\"boot\":1,\"connect\":1,\"reset\":\"power-on\",\"mqtt_ms\":35,\"session_ms\":8,\"first_publish_ms\":43,"
                    + "\"up_ms\":50}");

    /** What a pot with a pump and the default limits says about itself, retained. */
    public static final Golden ABOUT = new Golden("about", "to_mothership/a4cf12b0c0de/about",
            "{\"protocol\":1,\"firmware\":\"0.1.0\",\"board\":\"esp-wrover-kit\",\"pump\":true,\"water_max_ml\":300,\"water_budget_hour_ml\":300,"
                    + "\"water_budget_day_ml\":1000,\"water_cooldown_s\":600,\"water_wet_above\":80,\"interval_ms\":5000,"
                    + "\"power\":\"always-on\",\"battery\":false,\"sensors\":[\"soil\"]}");

    /** The answer to the tutorial's {@code received}. */
    public static final Golden REPLY_RECEIVED = new Golden("reply to received", "to_mothership/a4cf12b0c0de/reply",
            "{\"ok\":true,\"command\":\"received\",\"result\":\"acknowledged\"}");
    /** A watering that ran (pump.max.run 30 s). */
    public static final Golden REPLY_WATERED = new Golden("reply to water", "to_mothership/a4cf12b0c0de/reply",
            "{\"ok\":true,\"command\":\"water 150\",\"result\":{\"watered_ml\":150,\"max_run_s\":30}}");
    /** A watering refused 1 s after the last one (water.cooldown 10 min): allowed again in 599 s. */
    public static final Golden REPLY_REFUSED = new Golden("reply refusing water", "to_mothership/a4cf12b0c0de/reply",
            "{\"ok\":false,\"command\":\"water 150\",\"error\":\"watering refused: the pot watered 1 s ago; expected at "
                    + "least 10m between waterings (water.cooldown)\",\"next_allowed_in_s\":599}");
    /** A command the grammar rejects: more water than {@link CommandParser#MAX_WATER_ML}. */
    public static final Golden REPLY_ERROR = new Golden("reply rejecting a command", "to_mothership/a4cf12b0c0de/reply",
            "{\"ok\":false,\"command\":\"water 2001\",\"error\":\"\\\"2001\\\" is not an amount of water; expected "
                    + "millilitres from 1 to 2000, e.g. \\\"water 200\\\"\"}");

    /** Down: the tutorial's confirmation, to every pot. */
    public static final Golden RECEIVED = new Golden("received", WireTopics.DOWN, "received");
    /** Down: the tutorial's free text, which a pot logs and answers with an error. */
    public static final Golden WASSAP = new Golden("free text", WireTopics.DOWN, "wassap!");
    /** Down: the mothership's watering, to one pot. */
    public static final Golden WATER = new Golden("water", "from_mothership/a4cf12b0c0de", "water 150");

    /** Down, retained: the mothership has stored seq 120-131 of boot 4 and 0-119 of boot 3. */
    public static final Golden ACK = new Golden("ack", "from_mothership/a4cf12b0c0de/ack",
            "{\"runs\":[{\"boot\":4,\"from\":120,\"to\":131},{\"boot\":3,\"from\":0,\"to\":119}]}");

    /** Everything a pot sends. */
    public static final List<Golden> UP = List.of(READING, READING_FULL, READING_FAULT, READING_TEXT, ONLINE_WORD, OFFLINE,
            ONLINE, OFFLINE_CLEAN, ASLEEP_UNTIL, ASLEEP_FOR, ABOUT, CONNECT, CONNECT_FIRST, REPLY_RECEIVED, REPLY_WATERED, REPLY_REFUSED, REPLY_ERROR);
    /** Everything the mothership sends. */
    public static final List<Golden> DOWN = List.of(RECEIVED, WASSAP, WATER, ACK);

    private GoldenMessages() {
    }

    public static byte[] bytes(Golden g) {
        return g.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
