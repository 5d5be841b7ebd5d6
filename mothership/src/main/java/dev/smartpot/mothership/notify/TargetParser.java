package dev.smartpot.mothership.notify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an Apprise-style notification URL: {@code scheme://[user[:password]@]host[:port][/path][?query]}, with
 * Telegram's {@code tgram://BOTTOKEN/CHATID} (the token holds a colon, so it is no host:port). Every error names
 * what is wrong and how to write it, but never repeats the URL whole (it may hold a password).
 */
final class TargetParser {

    private static final int MAX_LENGTH = 2000;

    private TargetParser() {
    }

    static Target parse(String raw) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty() || url.length() > MAX_LENGTH) {
            throw bad("a notification URL is 1 to " + MAX_LENGTH + " characters", "write one such as " + Target.EXAMPLES);
        }
        int sep = url.indexOf("://");
        String scheme = sep < 0 ? "" : url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!Target.SCHEMES.contains(scheme)) {
            throw bad(sep < 0 ? "this is not a notification URL (no scheme://)" : "unknown scheme " + scheme + "://",
                    "start it with one of " + String.join("://, ", Target.SCHEMES) + "://, " + Target.EXAMPLES);
        }
        String rest = url.substring(sep + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        List<String> path = new ArrayList<>();
        if (slash >= 0) {
            for (String s : rest.substring(slash + 1).split("/")) {
                if (!s.isEmpty()) {
                    path.add(decode(s));
                }
            }
        }
        Map<String, String> params = query(scheme, query);
        Routing routing = Routing.from(params);
        Map<String, String> own = new LinkedHashMap<>(params);
        own.keySet().removeAll(Routing.PARAMS);
        if (scheme.equals("tgram")) {
            return telegram(url, authority, path, own, routing);
        }
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String host = authority;
        String portText = null;
        if (authority.startsWith("[") && authority.indexOf(']') > 0) {
            int close = authority.indexOf(']');
            host = authority.substring(1, close);
            portText = authority.startsWith(":", close + 1) ? authority.substring(close + 2) : null;
        } else if (authority.lastIndexOf(':') >= 0) {
            host = authority.substring(0, authority.lastIndexOf(':'));
            portText = authority.substring(authority.lastIndexOf(':') + 1);
        }
        int port = portText == null ? -1 : port(scheme, portText);
        if (host.isEmpty()) {
            throw bad(scheme + ":// needs a host", "write the server's name or address after " + scheme + "://, " + Target.EXAMPLES);
        }
        Target t = new Target(url, scheme, user, password, host, port, List.copyOf(path), own, routing);
        check(t);
        return t;
    }

    private static Target telegram(String url, String token, List<String> path, Map<String, String> own, Routing routing) {
        if (!token.matches("[0-9]{3,15}:[A-Za-z0-9_-]{20,100}")) {
            throw bad("tgram:// needs the bot token BotFather gave (digits, a colon, then letters), and that is not one",
                    "write tgram://123456789:AAH.../CHATID with your bot's token");
        }
        if (path.isEmpty()) {
            throw bad("tgram:// needs a chat id after the token", "write tgram://BOTTOKEN/CHATID; message your bot, then"
                    + " read the chat id from https://api.telegram.org/botBOTTOKEN/getUpdates");
        }
        for (String chat : path) {
            if (!chat.matches("-?[0-9]{1,20}|@[A-Za-z0-9_]{4,64}")) {
                throw bad("\"" + chat + "\" is not a Telegram chat id", "use the number from getUpdates (e.g. 123456789,"
                        + " or -100123... for a group) or @channelname");
            }
        }
        return new Target(url, "tgram", null, null, token, -1, List.copyOf(path), own, routing);
    }

    private static void check(Target t) {
        switch (t.kind()) {
            case "ntfy" -> {
                if (t.path().size() != 1) {
                    throw bad(t.scheme() + ":// needs exactly one topic after the host", "write " + t.scheme()
                            + "://ntfy.sh/my-basil-topic (pick a topic nobody guesses)");
                }
                String priority = t.params().get("priority");
                if (priority != null && !Set.of("1", "2", "3", "4", "5", "min", "low", "default", "high", "max", "urgent")
                        .contains(priority)) {
                    throw bad("priority=" + priority + " is not an ntfy priority", "use 1 to 5, or min, low, default, high, urgent");
                }
            }
            case "mailto" -> {
                if (recipients(t).isEmpty()) {
                    throw bad(t.scheme() + ":// needs someone to write to", "add ?to=you@example.com (or log in as an address,"
                            + " mailtos://you%40example.com:PASSWORD@smtp.example.com)");
                }
                String starttls = t.params().get("starttls");
                if (starttls != null && !Set.of("yes", "no").contains(starttls)) {
                    throw bad("starttls=" + starttls + " is neither yes nor no", "leave it out (STARTTLS required), or write"
                            + " starttls=no for a relay on your own network that has none");
                }
            }
            default -> {
                // json: any path; the host is checked above.
            }
        }
    }

    /** Where an e-mail goes: ?to=a@x,b@y, else the login name when it is an address. */
    static List<String> recipients(Target t) {
        String to = t.params().get("to");
        if (to != null) {
            return List.of(to.split(",")).stream().map(String::strip).filter(s -> s.contains("@")).toList();
        }
        return t.user() != null && t.user().contains("@") ? List.of(t.user()) : List.of();
    }

    private static int port(String scheme, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw bad("the port \"" + text + "\" is not a number from 1 to 65535", "write " + scheme + "://HOST:PORT/..., or leave"
                + " the port out for the usual one (a password with : or @ must be written %3A or %40)");
    }

    private static Map<String, String> query(String scheme, String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        Set<String> allowed = new TreeSet<>(Routing.PARAMS);
        allowed.addAll(Target.OWN_PARAMS.get(scheme.equals("tgram") ? "tgram" : scheme.replaceAll("s$", "")));
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!allowed.contains(name)) {
                throw bad(scheme + ":// has no parameter \"" + name + "\"", "use only " + String.join(", ", allowed));
            }
            out.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad("a %-escape in the URL is broken", "write a character as % and two hex digits, e.g. %40 for @");
        }
    }

    private static IllegalArgumentException bad(String problem, String fix) {
        return new IllegalArgumentException("notification target: " + problem + ". Fix: " + fix);
    }
}
