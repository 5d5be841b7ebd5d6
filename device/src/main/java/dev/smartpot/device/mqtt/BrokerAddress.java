package dev.smartpot.device.mqtt;

/**
 * Where a broker listens: {@code tcp://host:port} or, with TLS, {@code ssl://host:port}. The one place that
 * takes broker addresses apart; everything else asks this type. Accepts a bare host (port 1883, or 8883 for
 * ssl), host:port, and the schemes tcp, ssl, mqtt and mqtts; IPv6 literals in brackets ({@code [::1]:1883}).
 */
public final class BrokerAddress {

    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_TLS_PORT = 8883;
    /** What {@link #parse} accepts, for error messages. */
    public static final String FORMS = "a host or IP (port 1883 assumed), host:port, tcp://host:port or ssl://host:port";

    private final boolean tls;
    private final String host;
    private final int port;

    /** @param host as it is written in an address: an IPv6 literal in brackets */
    public BrokerAddress(boolean tls, String host, int port) {
        this.tls = tls;
        this.host = host;
        this.port = port;
    }

    /**
     * Parses a broker address.
     *
     * @throws IllegalArgumentException naming what is wrong and the forms that work
     */
    public static BrokerAddress parse(String text) {
        BrokerAddress address = parseOrNull(text);
        if (address == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a broker address: write " + FORMS);
        }
        return address;
    }

    /** Like {@link #parse}, but null for what is not a broker address. */
    public static BrokerAddress parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String rest = text.trim();
        boolean secure = false;
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            String scheme = rest.substring(0, sep);
            if (scheme.equals("ssl") || scheme.equals("mqtts")) {
                secure = true;
            } else if (!scheme.equals("tcp") && !scheme.equals("mqtt")) {
                return null;
            }
            rest = rest.substring(sep + 3);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int port = secure ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        String host = rest;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf(']') < colon) {
            host = rest.substring(0, colon);
            port = parsePort(rest.substring(colon + 1));
            if (port < 0) {
                return null;
            }
        }
        return isHost(host) ? new BrokerAddress(secure, host, port) : null;
    }

    private static int parsePort(String text) {
        if (text.length() == 0 || text.length() > 5) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? port : -1;
    }

    private static boolean isHost(String host) {
        if (host.length() == 0) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '[' || c == ']' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True for {@code ssl://}. */
    public boolean isTls() {
        return tls;
    }

    /** "tcp" or "ssl". */
    public String scheme() {
        return tls ? "ssl" : "tcp";
    }

    /** The host as written in the address (an IPv6 literal keeps its brackets). */
    public String host() {
        return host;
    }

    /** The host as a name resolver or certificate check wants it: an IPv6 literal without brackets. */
    public String hostName() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return port;
    }

    /** An IPv4 literal (digits and dots) or an IPv6 one (has a colon); names have letters and no colon. */
    public boolean isIpLiteral() {
        String name = hostName();
        if (name.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** This machine: 127.x.x.x, localhost or ::1. Nothing crosses a network to reach it. */
    public boolean isLoopback() {
        return host.startsWith("127.") || host.equals("localhost") || host.equals("[::1]");
    }

    public boolean equals(Object other) {
        if (!(other instanceof BrokerAddress)) {
            return false;
        }
        BrokerAddress that = (BrokerAddress) other;
        return tls == that.tls && port == that.port && host.equals(that.host);
    }

    public int hashCode() {
        return host.hashCode() * 31 + port + (tls ? 1 : 0);
    }

    /** {@code tcp://host:port} or {@code ssl://host:port}. */
    public String toString() {
        return scheme() + "://" + host + ":" + port;
    }
}
