package dev.smartpot.device.mqtt;

/** What a connect needs besides the broker address and the client id. Immutable. */
public final class ConnectSettings {

    public final int keepAliveSeconds;
    public final int connectTimeoutSeconds;
    /** Null for an anonymous connect. */
    public final String username;
    /** Null for an anonymous connect. Never logged. */
    public final String password;
    /** Null for no last will. */
    public final String willTopic;
    public final byte[] willPayload;
    /** How to secure an {@code ssl://} broker; null = plain settings (the platform's trusted roots, hostname checked). */
    public final TlsSettings tls;
    /**
     * False for a persistent session: the broker keeps the subscriptions and the QoS 1 commands that arrive while the
     * pot sleeps, and hands them over at the next connect with the same client id.
     */
    public final boolean cleanSession;

    public ConnectSettings(int keepAliveSeconds, int connectTimeoutSeconds, String username, String password,
            String willTopic, byte[] willPayload) {
        this(keepAliveSeconds, connectTimeoutSeconds, username, password, willTopic, willPayload, null);
    }

    public ConnectSettings(int keepAliveSeconds, int connectTimeoutSeconds, String username, String password,
            String willTopic, byte[] willPayload, TlsSettings tls) {
        this(keepAliveSeconds, connectTimeoutSeconds, username, password, willTopic, willPayload, tls, true);
    }

    public ConnectSettings(int keepAliveSeconds, int connectTimeoutSeconds, String username, String password,
            String willTopic, byte[] willPayload, TlsSettings tls, boolean cleanSession) {
        this.cleanSession = cleanSession;
        this.keepAliveSeconds = keepAliveSeconds;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.username = username;
        this.password = password;
        this.willTopic = willTopic;
        this.willPayload = willPayload;
        this.tls = tls;
    }
}
