package dev.smartpot.mothership.broker;

import java.net.URI;
import java.nio.file.Path;

/**
 * How the mothership reaches the broker: as the pots do (login, TLS with a CA file), with a persistent
 * session under a fixed client id so readings published while it was away are delivered when it returns.
 *
 * @param url         {@code tcp://host:1883} or {@code ssl://host:8883} (also {@code mqtt://}, {@code mqtts://})
 * @param username    null for an open broker
 * @param caFile      PEM CA that signed the broker's certificate; null = the JVM's trusted CAs
 * @param clientId    fixed, so the broker keeps the session (and queues readings) while the mothership is away
 * @param sharedGroup null: MQTT 3.1.1, every reading to this instance. A name: MQTT 5 with the readings
 *                    shared in {@code $share/GROUP/...} among instances (statuses and replies are not shared)
 * @param mqtt5       MQTT 5 even without a shared group (the embedded Moquette broker speaks only 3.1.1)
 * @param keepAliveSeconds how often the link shows the broker it is alive when nothing else is sent
 */
public record BrokerOptions(String url, String username, String password, Path caFile, String clientId,
                            String sharedGroup, boolean mqtt5, int keepAliveSeconds) {

    public static final String DEFAULT_CLIENT_ID = "mothership";
    public static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;

    /** With the default keep-alive. */
    public BrokerOptions(String url, String username, String password, Path caFile, String clientId,
                         String sharedGroup, boolean mqtt5) {
        this(url, username, password, caFile, clientId, sharedGroup, mqtt5, DEFAULT_KEEP_ALIVE_SECONDS);
    }

    public BrokerOptions {
        if (keepAliveSeconds < 1 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keep-alive " + keepAliveSeconds + " s; expected 1-65535 s (default "
                    + DEFAULT_KEEP_ALIVE_SECONDS + ")");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no broker url; expected tcp://host:1883 or ssl://host:8883");
        }
        if (clientId == null || clientId.isBlank()) {
            clientId = DEFAULT_CLIENT_ID;
        }
        if (sharedGroup != null && (sharedGroup.isBlank() || sharedGroup.matches(".*[/+#].*"))) {
            throw new IllegalArgumentException("shared group \"" + sharedGroup + "\" may not be empty or contain / + #;"
                    + " expected a plain name such as motherships");
        }
    }

    /** A plain, open broker with the default client id. */
    public static BrokerOptions plain(String url) {
        return new BrokerOptions(url, null, null, null, DEFAULT_CLIENT_ID, null, false);
    }

    /** The same, with another keep-alive (tests shorten it to see many intervals pass quickly). */
    public BrokerOptions withKeepAlive(int seconds) {
        return new BrokerOptions(url, username, password, caFile, clientId, sharedGroup, mqtt5, seconds);
    }

    public boolean usesMqtt5() {
        return mqtt5 || sharedGroup != null;
    }

    boolean tls() {
        String s = uri().getScheme();
        return "ssl".equals(s) || "mqtts".equals(s);
    }

    String host() {
        return uri().getHost();
    }

    int port() {
        int p = uri().getPort();
        return p > 0 ? p : tls() ? 8883 : 1883;
    }

    URI uri() {
        URI u;
        try {
            u = new URI(url);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad broker url " + url + ": " + e.getMessage()
                    + "; expected tcp://host:1883 or ssl://host:8883");
        }
        String s = u.getScheme();
        if (u.getHost() == null || !("tcp".equals(s) || "ssl".equals(s) || "mqtt".equals(s) || "mqtts".equals(s))) {
            throw new IllegalArgumentException("bad broker url " + url + "; expected tcp://host:1883 or ssl://host:8883");
        }
        return u;
    }
}
