package dev.smartpot.protocol;

/**
 * A pot's answer to a command, on its reply topic:
 * {@code {"ok":true,"command":"interval 30s","result":{...}}} or
 * {@code {"ok":false,"command":"water 150","error":"...","next_allowed_in_s":420}}.
 */
public final class ReplyFields {

    /** true when the command ran. */
    public static final String OK = "ok";
    /** The command as received, trimmed, at most {@link #ECHO_MAX} characters then "...". */
    public static final String COMMAND = "command";
    /** What the command did (any JSON value); only with ok true. */
    public static final String RESULT = "result";
    /** Why it did not run, in words, with the fix; only with ok false. */
    public static final String ERROR = "error";
    /** With a refusal of something allowed later: whole seconds until it is. */
    public static final String NEXT_ALLOWED_IN_S = "next_allowed_in_s";
    /** A setting that works now but was not saved. */
    public static final String WARNING = "warning";

    /** Result fields of {@code water}: how much was poured and the pump's longest run. */
    public static final String WATERED_ML = "watered_ml";
    public static final String MAX_RUN_S = "max_run_s";

    /** How much of a command a reply echoes back. */
    public static final int ECHO_MAX = 64;

    private ReplyFields() {
    }
}
