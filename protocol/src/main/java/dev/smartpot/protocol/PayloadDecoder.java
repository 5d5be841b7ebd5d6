package dev.smartpot.protocol;

/**
 * Turns a topic and payload from a pot into a {@link Decoded}. Anyone on the LAN can publish, so nothing here
 * throws: whatever is not a reading, status or reply becomes a junk {@link Decoded.Message} with the problem in
 * words, its text cut to {@link #KEEP_CHARS}. The tutorial's plain text is kept as a message, not junk.
 *
 * <p>Topics ({@link WireTopics}): {@code to_mothership} (id in the JSON), {@code to_mothership/{id}} (id from the
 * topic; a JSON id that disagrees is noted and the topic trusted, since the broker's ACL ties topics to logins),
 * {@code to_mothership/{id}/status}, {@code to_mothership/{id}/reply}.
 */
public final class PayloadDecoder {

    /** Larger payloads are not parsed: a pot's reading is about 100 bytes. */
    public static final int MAX_BYTES = 4096;
    /** How much of a junk or text message is kept. */
    public static final int KEEP_CHARS = 300;
    /** A status is a few hundred bytes with its wake's phases. */
    public static final int MAX_STATUS_CHARS = 1024;

    private static final String OBJECT = "{\"" + ReadingFields.ID + "\":...,\"" + ReadingFields.SEQ + "\":...,...}";

    public Decoded decode(String topic, byte[] payload) {
        try {
            return classify(topic, payload);
        } catch (RuntimeException e) {
            // The last line of defence: a decoder bug must cost one message, never the ingest.
            return junk(topic, preview(payload), "could not be read (" + e.getClass().getName() + ")");
        }
    }

    private Decoded classify(String topic, byte[] payload) {
        if (payload.length > MAX_BYTES) {
            return junk(topic, "(" + payload.length + " bytes, not kept)", "too big: " + payload.length
                    + " bytes; a reading is JSON of about 100 bytes");
        }
        String text = Utf8.text(payload);
        if (text == null) {
            return junk(topic, preview(payload), "binary, not UTF-8 text; expected a JSON reading");
        }
        String root = WireTopics.UP;
        boolean underRoot = topic.equals(root) || topic.startsWith(root) && topic.length() > root.length()
                && topic.charAt(root.length()) == '/';
        int levels = underRoot ? count(topic, '/') + 1 : 0;
        if (!underRoot || levels > 3) {
            return junk(topic, text, "unexpected topic " + topic + "; expected " + WireTopics.UP_SHAPES);
        }
        String topicId = null;
        String last = null;
        if (levels > 1) {
            int idStart = root.length() + 1;
            int idEnd = topic.indexOf('/', idStart);
            topicId = topic.substring(idStart, idEnd < 0 ? topic.length() : idEnd);
            last = idEnd < 0 ? null : topic.substring(idEnd + 1);
        }
        if (topicId != null && !PotIds.valid(topicId)) {
            return junk(topic, text, "bad pot id \"" + topicId + "\" in the topic; " + PotIds.RULE);
        }
        if (last != null) {
            if (last.equals(WireTopics.STATUS_LEVEL)) {
                return status(topic, topicId, text);
            }
            if (last.equals(WireTopics.REPLY_LEVEL)) {
                return reply(topic, topicId, text);
            }
            if (last.equals(WireTopics.ABOUT_LEVEL)) {
                return about(topic, topicId, text);
            }
            if (last.equals(WireTopics.CONNECT_LEVEL)) {
                Decoded.Connect c = text.length() > MAX_STATUS_CHARS ? null : ConnectDecoder.decode(topicId, text);
                return c != null ? c : junk(topic, text, ConnectDecoder.problem(text));
            }
            return junk(topic, text, "unexpected topic " + topic + "; expected .../" + WireTopics.STATUS_LEVEL
                    + ", .../" + WireTopics.REPLY_LEVEL + ", .../" + WireTopics.ABOUT_LEVEL + " or .../"
                    + WireTopics.CONNECT_LEVEL);
        }
        String trimmed = text.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            if (trimmed.length() == 0) {
                return junk(topic, "", "empty message");
            }
            return new Decoded.Message(topic, cut(trimmed), false, null);
        }
        return reading(topic, topicId, trimmed);
    }

    private Decoded reading(String topic, String topicId, String text) {
        JsonMembers node = JsonMembers.read(text);
        if (node == null) {
            return junk(topic, text, "malformed JSON; expected " + OBJECT);
        }
        if (node.isArray()) {
            return junk(topic, text, "JSON but not an object; expected " + OBJECT);
        }
        String jsonId = node.kind(ReadingFields.ID) == JsonMembers.STRING ? node.text(ReadingFields.ID) : null;
        String note = null;
        String potId = topicId;
        if (topicId == null) {
            if (jsonId == null) {
                return junk(topic, text, "no pot id: expected a text \"" + ReadingFields.ID + "\" in the JSON or the topic "
                        + WireTopics.READINGS_TEMPLATE);
            }
            if (!PotIds.valid(jsonId)) {
                return junk(topic, text, "bad pot id \"" + cut(jsonId) + "\"; " + PotIds.RULE);
            }
            potId = jsonId;
        } else if (jsonId != null && !jsonId.equals(topicId)) {
            note = "the reading says id \"" + cut(jsonId) + "\" but came on " + topic + "; the topic was trusted";
        }
        Long seq = node.whole(ReadingFields.SEQ);
        if (seq == null || seq.longValue() < 0) {
            return junk(topic, text, "no \"" + ReadingFields.SEQ + "\": expected a whole number >= 0");
        }
        Double moisture = node.number(ReadingFields.MOISTURE);
        // -0.0 is below zero too: it would show as "-0.0 %".
        if (moisture != null && (moisture.doubleValue() < ReadingFields.MOISTURE_MIN
                || moisture.doubleValue() > ReadingFields.MOISTURE_MAX || moisture.isNaN() || 1 / moisture.doubleValue() < 0)) {
            return junk(topic, text, ReadingFields.MOISTURE + " " + moisture + " is outside " + ReadingFields.MOISTURE_MIN
                    + "-" + ReadingFields.MOISTURE_MAX + "%");
        }
        int faultKind = node.kind(ReadingFields.FAULT);
        String fault = faultKind != 0 && faultKind != JsonMembers.NULL ? cut(node.text(ReadingFields.FAULT)) : null;
        if (moisture == null && fault == null) {
            return junk(topic, text, "neither \"" + ReadingFields.MOISTURE + "\" nor \"" + ReadingFields.FAULT
                    + "\"; expected one of them");
        }
        Long boot = node.whole(ReadingFields.BOOT);
        if (boot != null && boot.longValue() < 0) {
            return junk(topic, text, ReadingFields.BOOT + " " + boot + " is negative; expected the pot's boot count, a whole"
                    + " number >= 0");
        }
        Long raw = node.whole(ReadingFields.RAW);
        Long dropped = node.whole(ReadingFields.DROPPED);
        // Optional: a battery voltage that makes no sense is left out, the reading itself is still good.
        Long battery = node.whole(ReadingFields.BATTERY_MV);
        Long commandsDropped = node.whole(ReadingFields.CMD_DROPPED);
        return new Decoded.Reading(potId, boot, seq.longValue(),
                raw == null || raw.longValue() < Integer.MIN_VALUE || raw.longValue() > Integer.MAX_VALUE ? null
                        : Integer.valueOf(raw.intValue()),
                fault == null ? moisture : null, fault, node.whole(ReadingFields.UPTIME_MS), node.whole(ReadingFields.TS),
                dropped == null || dropped.longValue() < 0 ? 0 : dropped.longValue(), note,
                battery == null || battery.longValue() < 0 || battery.longValue() > ReadingFields.MAX_BATTERY_MV ? null
                        : Integer.valueOf(battery.intValue()),
                commandsDropped == null || commandsDropped.longValue() < 0 ? null : commandsDropped);
    }

    private Decoded status(String topic, String potId, String text) {
        if (text.trim().length() > MAX_STATUS_CHARS) {
            return junk(topic, text, "a status of " + text.trim().length() + " characters; expected at most " + MAX_STATUS_CHARS);
        }
        Decoded.Status status = StatusDecoder.decode(potId, text);
        return status != null ? status : junk(topic, text, StatusDecoder.problem(text));
    }

    private Decoded reply(String topic, String potId, String text) {
        JsonMembers node = JsonMembers.read(text);
        if (node == null || node.isArray() || node.kind(ReplyFields.OK) != JsonMembers.BOOLEAN) {
            return junk(topic, text, "a reply that is not {\"" + ReplyFields.OK + "\":true|false,\"" + ReplyFields.COMMAND
                    + "\":...}");
        }
        int errorKind = node.kind(ReplyFields.ERROR);
        Long next = node.whole(ReplyFields.NEXT_ALLOWED_IN_S);
        return new Decoded.Reply(potId, text.length() > MAX_BYTES ? text.substring(0, MAX_BYTES) : text,
                "true".equals(node.text(ReplyFields.OK)),
                node.kind(ReplyFields.COMMAND) == JsonMembers.STRING ? node.text(ReplyFields.COMMAND) : null,
                errorKind != 0 && errorKind != JsonMembers.NULL ? node.text(ReplyFields.ERROR) : null,
                next == null || next.longValue() < 0 ? null : next);
    }

    private Decoded about(String topic, String potId, String text) {
        if (text.trim().length() == 0) {
            return new Decoded.About(potId, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        JsonMembers node = JsonMembers.read(text);
        if (node == null || node.isArray() || node.whole(AboutFields.PROTOCOL) == null) {
            return junk(topic, text, "an about that is not {\"" + AboutFields.PROTOCOL + "\":" + AboutFields.PROTOCOL_VERSION
                    + ",...}");
        }
        return new Decoded.About(potId, node.whole(AboutFields.PROTOCOL), text(node, AboutFields.FIRMWARE),
                text(node, AboutFields.BOARD),
                bool(node, AboutFields.PUMP), node.whole(AboutFields.WATER_MAX_ML), node.whole(AboutFields.WATER_BUDGET_HOUR_ML),
                node.whole(AboutFields.WATER_BUDGET_DAY_ML), node.whole(AboutFields.WATER_COOLDOWN_S),
                node.whole(AboutFields.WATER_WET_ABOVE), node.whole(AboutFields.INTERVAL_MS), text(node, AboutFields.POWER),
                bool(node, AboutFields.BATTERY));
    }

    private static String text(JsonMembers node, String field) {
        return node.kind(field) == JsonMembers.STRING ? cut(node.text(field)) : null;
    }

    private static Boolean bool(JsonMembers node, String field) {
        return node.kind(field) == JsonMembers.BOOLEAN ? Boolean.valueOf("true".equals(node.text(field))) : null;
    }

    private static Decoded junk(String topic, String text, String problem) {
        return new Decoded.Message(cut(topic), cut(text), true, problem);
    }

    /** A text as kept: at most {@link #KEEP_CHARS} characters. */
    static String cutText(String s) {
        return cut(s);
    }

    private static String cut(String s) {
        return s.length() <= KEEP_CHARS ? s : s.substring(0, KEEP_CHARS) + "...";
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
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
