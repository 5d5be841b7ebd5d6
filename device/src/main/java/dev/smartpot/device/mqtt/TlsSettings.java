package dev.smartpot.device.mqtt;

/**
 * How a transport secures an {@code ssl://} link. The names are what the board resolves: file paths in the
 * simulator, embedded resource names on the board. Immutable.
 */
public final class TlsSettings {

    /** PEM certificate(s) of the authority that signed the broker's certificate; null = the platform's trusted roots. */
    public final String caCertificate;
    /** PEM client certificate, for a broker that asks for one; null = none. Set together with {@link #clientKey}. */
    public final String clientCertificate;
    /** Unencrypted PEM (PKCS#8) private key of {@link #clientCertificate}; null = none. Never logged. */
    public final String clientKey;
    /** Whether the broker's certificate must name the host we dialled. Off only for testing. */
    public final boolean verifyHostname;

    public TlsSettings(String caCertificate, String clientCertificate, String clientKey, boolean verifyHostname) {
        this.caCertificate = caCertificate;
        this.clientCertificate = clientCertificate;
        this.clientKey = clientKey;
        this.verifyHostname = verifyHostname;
    }
}
