package dev.smartpot.device.command;

import dev.smartpot.device.text.JsonText;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.ReadingEncoder;
import dev.smartpot.protocol.ReplyFields;

/**
 * The shape of every command reply, written into the pot's one reply buffer without allocating:
 * {@code {"ok":true,"command":<echo>,"result":...}} or {@code {"ok":false,"command":<echo>,"error":"..."}}.
 */
final class Replies {

    private static final int ECHO_MAX = ReplyFields.ECHO_MAX;

    private Replies() {
    }

    /** Starts an ok reply; the caller appends the result and the closing brace. */
    static PayloadBuffer ok(PayloadBuffer out, byte[] payload, int length) {
        start(out, true, payload, length);
        ReadingEncoder.name(out.append(','), ReplyFields.RESULT);
        return out;
    }

    static void error(PayloadBuffer out, byte[] payload, int length, String message) {
        start(out, false, payload, length);
        ReadingEncoder.name(out.append(','), ReplyFields.ERROR);
        JsonText.appendString(out, message).append('}');
    }

    /** A refusal that says when the command will next be allowed. */
    static void refused(PayloadBuffer out, byte[] payload, int length, String message, long nextAllowedSeconds) {
        start(out, false, payload, length);
        ReadingEncoder.name(out.append(','), ReplyFields.ERROR);
        ReadingEncoder.name(JsonText.appendString(out, message).append(','), ReplyFields.NEXT_ALLOWED_IN_S)
                .append(nextAllowedSeconds).append('}');
    }

    /** Closes an ok reply, with a warning when the setting could not be saved. */
    static void warning(PayloadBuffer out, String notSaved) {
        if (notSaved != null) {
            ReadingEncoder.name(out.append(','), ReplyFields.WARNING);
            JsonText.appendString(out, "not saved (" + notSaved + "): this setting lasts until the next reboot");
        }
        out.append('}');
    }

    static void start(PayloadBuffer out, boolean ok, byte[] payload, int length) {
        out.clear();
        ReadingEncoder.name(out.append('{'), ReplyFields.OK).append(ok ? "true," : "false,");
        ReadingEncoder.name(out, ReplyFields.COMMAND);
        if (payload == null) {
            out.append("\"(").append(length).append(" bytes, not kept)\"");
            return;
        }
        int start = 0;
        int end = length;
        while (start < end && (payload[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (payload[end - 1] & 0xff) <= ' ') {
            end--;
        }
        JsonText.appendEcho(out, payload, start, end, ECHO_MAX);
    }
}
