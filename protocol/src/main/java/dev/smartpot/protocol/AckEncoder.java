package dev.smartpot.protocol;

/** Writes an acknowledgement ({@link AckFields}) from parallel arrays, newest first, allocating nothing. */
public final class AckEncoder {

    private AckEncoder() {
    }

    /** @param count entries to write, at most {@link AckFields#MAX_RUNS} (more are left out) */
    public static void json(WireOut out, long[] boots, long[] from, long[] to, int count) {
        out.append('{');
        ReadingEncoder.name(out, AckFields.RUNS).append('[');
        for (int i = 0; i < count && i < AckFields.MAX_RUNS; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('{');
            ReadingEncoder.name(out, AckFields.BOOT).append(boots[i]).append(',');
            ReadingEncoder.name(out, AckFields.FROM).append(from[i]).append(',');
            ReadingEncoder.name(out, AckFields.TO).append(to[i]).append('}');
        }
        out.append("]}");
    }
}
