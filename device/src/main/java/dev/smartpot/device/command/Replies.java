package dev.smartpot.device.command;

import dev.smartpot.device.text.JsonText;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * The shape of every command reply, written into the pot's one reply buffer without allocating:
 * {@code {"ok":true,"command":<echo>,"result":...}} or {@code {"ok":false,"command":<echo>,"error":"..."}}.
 */
final class Replies {

    /** How much of a command a reply echoes back. */
    private static final int ECHO_MAX = 64;

    private Replies() {
    }

    /** Starts an ok reply; the caller appends the result and the closing brace. */
    static PayloadBuffer ok(PayloadBuffer out, byte[] payload, int length) {
        start(out, true, payload, length);
        return out.append(",\"result\":");
    }

    static void error(PayloadBuffer out, byte[] payload, int length, String message) {
        start(out, false, payload, length);
        out.append(",\"error\":");
        JsonText.appendString(out, message).append('}');
    }

    /** A refusal that says when the command will next be allowed. */
    static void refused(PayloadBuffer out, byte[] payload, int length, String message, long nextAllowedSeconds) {
        start(out, false, payload, length);
        out.append(",\"error\":");
        JsonText.appendString(out, message).append(",\"next_allowed_in_s\":").append(nextAllowedSeconds).append('}');
    }

    /** Closes an ok reply, with a warning when the setting could not be saved. */
    static void warning(PayloadBuffer out, String notSaved) {
        if (notSaved != null) {
            out.append(",\"warning\":");
            JsonText.appendString(out, "not saved (" + notSaved + "): this setting lasts until the next reboot");
        }
        out.append('}');
    }

    static void start(PayloadBuffer out, boolean ok, byte[] payload, int length) {
        out.clear();
        out.append(ok ? "{\"ok\":true,\"command\":" : "{\"ok\":false,\"command\":");
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
