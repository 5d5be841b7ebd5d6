package dev.smartpot.device.board;

import java.io.IOException;

/**
 * What a {@link WifiLink} may also offer to join faster, as an ESP32 can: straight to the access point it joined last
 * (its BSSID and channel: no scan of every channel), and with a fixed address (no DHCP exchange). A link that offers
 * neither implements only {@link WifiLink}; the core checks for this interface once, at wiring. Primitives only, so a
 * join allocates nothing.
 */
public interface WifiFastJoin {

    /** An unknown BSSID. */
    long NO_BSSID = -1;

    /**
     * The address the joins that follow use instead of asking DHCP, or null for DHCP. Called once, before the first
     * join, and only when the config sets one.
     */
    void useStaticAddress(StaticAddress address);

    /**
     * Joins like {@link WifiLink#join}, but only the access point {@code bssid} on {@code channel}; fails soon (not
     * after a scan) when it is not there, and the core then joins with a full scan.
     *
     * @param bssid the access point's 48-bit MAC, as {@link #joinedBssid()} gave it
     */
    void joinKnown(String ssid, String password, long bssid, int channel, long timeoutMillis) throws IOException;

    /** The BSSID of the access point joined last, or {@link #NO_BSSID} when not known. */
    long joinedBssid();

    /** The channel of the access point joined last (1-14), or 0 when not known. */
    int joinedChannel();
}
