package dev.smartpot.mothership.ingest;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a topic and payload into an {@link Inbound}. Anyone on the LAN can publish, so nothing here
 * throws: whatever is not a reading, status or reply becomes a junk {@link Inbound.Message} with the
 * problem in words, its text cut to {@link #KEEP_CHARS}.
 *
 * <p>Topics: {@code to_mothership} (the tutorial's, id in the JSON), {@code to_mothership/{id}} (id from the
 * topic; a JSON id that disagrees is noted and the topic trusted, since the broker's ACL ties topics to
 * logins), {@code to_mothership/{id}/status}, {@code to_mothership/{id}/reply}.
 */
public final class PayloadParser {

    /** Larger payloads are not parsed: a pot's reading is about 100 bytes. */
    public static final int MAX_BYTES = 4096;
    /** How much of a junk or text message is kept. */
    public static final int KEEP_CHARS = 300;
    public static final String ROOT = "to_mothership";
    /** The highest {@code battery_mv} kept: a pot's battery is a few volts, 60 V is far beyond any. */
    public static final int MAX_BATTERY_MV = 60_000;

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public Inbound parse(String topic, byte[] payload) {
        try {
            return classify(topic, payload);
        } catch (RuntimeException e) {
            // The last line of defence: a parser bug must cost one message, never the ingest.
            return junk(topic, preview(payload), "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Inbound classify(String topic, byte[] payload) {
        if (payload.length > MAX_BYTES) {
            return junk(topic, "(" + payload.length + " bytes, not kept)", "too big: " + payload.length
                    + " bytes; a reading is JSON of about 100 bytes");
        }
        String text = utf8(payload);
        if (text == null || hasControl(text)) {
            return junk(topic, preview(payload), "binary, not UTF-8 text; expected a JSON reading");
        }
        String[] levels = topic.split("/", -1);
        if (!levels[0].equals(ROOT) || levels.length > 3) {
            return junk(topic, text, "unexpected topic " + topic + "; expected to_mothership[/{id}[/status|/reply]]");
        }
        String topicId = levels.length > 1 ? levels[1] : null;
        if (topicId != null && !PotIds.valid(topicId)) {
            return junk(topic, text, "bad pot id \"" + topicId + "\" in the topic; " + PotIds.RULE);
        }
        if (levels.length == 3) {
            return switch (levels[2]) {
                case "status" -> status(topic, topicId, text);
                case "reply" -> reply(topic, topicId, text);
                default -> junk(topic, text, "unexpected topic " + topic + "; expected .../status or .../reply");
            };
        }
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            if (trimmed.isEmpty()) {
                return junk(topic, "", "empty message");
            }
            return new Inbound.Message(topic, cut(trimmed), false, null);
        }
        return reading(topic, topicId, trimmed);
    }

    private Inbound reading(String topic, String topicId, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            return junk(topic, text, "malformed JSON; expected {\"id\":...,\"seq\":...,...}");
        }
        if (node == null || !node.isObject()) {
            return junk(topic, text, "JSON but not an object; expected {\"id\":...,\"seq\":...,...}");
        }
        JsonNode idNode = node.get("id");
        String jsonId = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        String note = null;
        String potId = topicId;
        if (topicId == null) {
            if (jsonId == null) {
                return junk(topic, text, "no pot id: expected a text \"id\" in the JSON or the topic to_mothership/{id}");
            }
            if (!PotIds.valid(jsonId)) {
                return junk(topic, text, "bad pot id \"" + cut(jsonId) + "\"; " + PotIds.RULE);
            }
            potId = jsonId;
        } else if (jsonId != null && !jsonId.equals(topicId)) {
            note = "the reading says id \"" + cut(jsonId) + "\" but came on " + topic + "; the topic was trusted";
        }
        Long seq = whole(node, "seq");
        if (seq == null || seq < 0) {
            return junk(topic, text, "no \"seq\": expected a whole number >= 0");
        }
        JsonNode moistureNode = node.get("moisture");
        Double moisture = moistureNode != null && moistureNode.isNumber() ? moistureNode.asDouble() : null;
        // -0.0 is below zero too: it would show as "-0.0 %".
        if (moisture != null && (moisture < 0 || moisture > 100 || moisture.isNaN() || 1 / moisture < 0)) {
            return junk(topic, text, "moisture " + moisture + " is outside 0-100%");
        }
        JsonNode faultNode = node.get("fault");
        String fault = faultNode != null && !faultNode.isNull() ? cut(faultNode.asText()) : null;
        if (moisture == null && fault == null) {
            return junk(topic, text, "neither \"moisture\" nor \"fault\"; expected one of them");
        }
        Long boot = whole(node, "boot");
        if (boot != null && boot < 0) {
            return junk(topic, text, "boot " + boot + " is negative; expected the pot's boot count, a whole number >= 0");
        }
        Long raw = whole(node, "raw");
        Long dropped = whole(node, "dropped");
        // Optional: a battery voltage that makes no sense is left out, the reading itself is still good.
        Long battery = whole(node, "battery_mv");
        return new Inbound.Reading(potId, boot, seq,
                raw == null || raw < Integer.MIN_VALUE || raw > Integer.MAX_VALUE ? null : raw.intValue(),
                fault == null ? moisture : null, fault, whole(node, "uptime_ms"), whole(node, "ts"),
                dropped == null || dropped < 0 ? 0 : dropped, note,
                battery == null || battery < 0 || battery > MAX_BATTERY_MV ? null : battery.intValue());
    }

    private Inbound status(String topic, String potId, String text) {
        String status = text.trim();
        if (status.isEmpty()) {
            // An empty retained message clears the slot: the pot's status is no longer known.
            return new Inbound.Status(potId, null);
        }
        if (status.length() > 32) {
            return junk(topic, text, "a status of " + status.length() + " characters; expected a word such as online or offline");
        }
        return new Inbound.Status(potId, status.toLowerCase());
    }

    private Inbound reply(String topic, String potId, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.path("ok").isBoolean()) {
            return junk(topic, text, "a reply that is not {\"ok\":true|false,\"command\":...}");
        }
        JsonNode command = node.get("command");
        JsonNode error = node.get("error");
        return new Inbound.Reply(potId, text.length() > MAX_BYTES ? text.substring(0, MAX_BYTES) : text,
                node.get("ok").asBoolean(), command != null && command.isTextual() ? command.asText() : null,
                error != null && !error.isNull() ? error.asText() : null);
    }

    private static Long whole(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.canConvertToLong() && n.isIntegralNumber() ? n.asLong() : null;
    }

    private static Inbound junk(String topic, String text, String problem) {
        return new Inbound.Message(cut(topic), cut(text), true, problem);
    }

    private static String cut(String s) {
        return s.length() <= KEEP_CHARS ? s : s.substring(0, KEEP_CHARS) + "...";
    }

    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Binary shown as hex, at most {@link #KEEP_CHARS} characters. */
    private static String preview(byte[] payload) {
        StringBuilder out = new StringBuilder("hex:");
        for (int i = 0; i < payload.length && out.length() < KEEP_CHARS; i++) {
            out.append(Character.forDigit((payload[i] >> 4) & 0xf, 16)).append(Character.forDigit(payload[i] & 0xf, 16));
        }
        return out.toString();
    }
}
