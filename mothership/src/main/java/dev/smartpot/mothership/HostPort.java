package dev.smartpot.mothership;

/** {@code HOST:PORT} of {@code --http}; an IPv6 host in brackets ({@code [::1]:8080}). */
public record HostPort(String host, int port) {

    public static HostPort parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? "" : t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            // Reported below.
        }
        if (host.isEmpty() || port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http \"" + text + "\" is not HOST:PORT. Fix: write e.g. 127.0.0.1:8080 (this machine only), "
                    + "0.0.0.0:8080 (the whole network, with a login) or 127.0.0.1:0 (any free port)");
        }
        return new HostPort(host, port);
    }
}
