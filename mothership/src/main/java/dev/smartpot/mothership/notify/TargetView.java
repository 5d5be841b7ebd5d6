package dev.smartpot.mothership.notify;

/**
 * A target as the API shows it: never whole.
 *
 * @param key    the reference for removing and testing it
 * @param shown  the URL with its secrets masked
 * @param source "flag" (--notify), "file" (--notify-file) or "settings" (added on the dashboard; only these can be removed there)
 */
public record TargetView(String key, String shown, String source) {
}
