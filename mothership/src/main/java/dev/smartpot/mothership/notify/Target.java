package dev.smartpot.mothership.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One place to send notifications to, parsed from an Apprise-style URL ({@link TargetParser}). The URL may hold
 * secrets (a password, a bot token, an access token): {@link #masked()} is the only form ever shown, logged or
 * stored beside an outbox row, and {@link #key()} (a hash) the only reference to it.
 *
 * @param scheme   ntfy, ntfys, json, jsons, mailto, mailtos or tgram
 * @param user     login name, or null
 * @param password login password, or null
 * @param host     the server (for tgram: the bot token)
 * @param port     the port, or -1 for the scheme's default
 * @param path     the path's segments: ntfy's topic, json's path, tgram's chat ids
 * @param params   the query parameters that are the scheme's own (priority, to, ...)
 */
public record Target(String url, String scheme, String user, String password, String host, int port, List<String> path,
                     Map<String, String> params, Routing routing) {

    /** The schemes understood, in the order the error messages list them. */
    public static final List<String> SCHEMES = List.of("ntfy", "ntfys", "json", "jsons", "mailto", "mailtos", "tgram");

    static final String EXAMPLES = "e.g. ntfys://ntfy.sh/my-basil-topic, json://192.168.1.5:8123/hook, "
            + "mailtos://me%40example.com:PASSWORD@smtp.example.com?to=me@example.com or tgram://123456:BOTTOKEN/CHATID";

    public static Target parse(String url) {
        return TargetParser.parse(url);
    }

    /** https, SMTP over TLS: the schemes ending in s (and Telegram, always https). */
    public boolean secure() {
        return scheme.endsWith("s") || scheme.equals("tgram");
    }

    /** ntfy, json, mailto or tgram. */
    public String kind() {
        return secure() && !scheme.equals("tgram") ? scheme.substring(0, scheme.length() - 1) : scheme;
    }

    /** Whether the URL holds something that must not be seen by others (so it must not be on a command line). */
    public boolean hasSecret() {
        return password != null || scheme.equals("tgram") || params.containsKey("token");
    }

    /** A stable reference to this target that reveals nothing of it: the outbox and the API use it. */
    public String key() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The URL as it may be shown: passwords, tokens and ntfy topics (which anyone may subscribe to) masked. */
    public String masked() {
        StringBuilder b = new StringBuilder(scheme).append("://");
        if (user != null) {
            b.append(user).append(password != null ? ":***" : "").append('@');
        }
        if (scheme.equals("tgram")) {
            int colon = host.indexOf(':');
            b.append(colon < 0 ? "***" : host.substring(0, colon) + ":***");
        } else {
            b.append(host.contains(":") ? "[" + host + "]" : host);
        }
        if (port >= 0) {
            b.append(':').append(port);
        }
        for (String segment : path) {
            b.append('/').append(kind().equals("ntfy") || segment.length() >= 16 ? hide(segment) : segment);
        }
        String query = routing.query(params.entrySet().stream()
                .filter(e -> !e.getKey().equals("token"))
                .map(e -> e.getKey() + "=" + e.getValue()).toList(), params.containsKey("token"));
        return b.append(query).toString();
    }

    /** Removes every secret of this target from a text (an error message that might quote a request). */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets()) {
            if (secret != null && secret.length() >= 3) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    private List<String> secrets() {
        return java.util.Arrays.asList(password, scheme.equals("tgram") ? host : null, params.get("token"));
    }

    private static String hide(String s) {
        return s.length() <= 3 ? "***" : s.substring(0, 2) + "***";
    }

    /** Query parameters of each scheme beyond the routing ones. */
    static final Map<String, Set<String>> OWN_PARAMS = Map.of(
            "ntfy", Set.of("priority", "tags", "token"),
            "json", Set.of(),
            "mailto", Set.of("to", "from", "starttls"),
            "tgram", Set.of());
}
