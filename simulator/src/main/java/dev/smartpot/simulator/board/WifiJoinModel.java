package dev.smartpot.simulator.board;

/**
 * How long an ESP32 station takes to join, phase by phase. Modelled, not measured (nothing here has a radio): each
 * figure is an assumption, chosen in line with Espressif's documentation where it gives one.
 * <ul>
 * <li>Scan: {@value #SCAN_PER_CHANNEL_MILLIS} ms per channel, ESP-IDF's documented default dwell of an active scan;
 * a join without a hint scans all {@value #CHANNELS} channels (2.4 GHz, Europe), a join with the saved BSSID and
 * channel only that one.</li>
 * <li>Authentication, association and the WPA2 4-way handshake: {@value #ASSOCIATE_MILLIS} ms (assumed: a few frames
 * each way at the access point's pace).</li>
 * <li>DHCP: {@value #DHCP_MILLIS} ms (assumed: DISCOVER, OFFER, REQUEST, ACK with a home router's usual delays; it
 * varies from a few hundred milliseconds to seconds). A static address skips it.</li>
 * </ul>
 * So: a first join {@value #SCAN_PER_CHANNEL_MILLIS} x {@value #CHANNELS} + {@value #ASSOCIATE_MILLIS} +
 * {@value #DHCP_MILLIS} = 2,710 ms; with the saved access point 1,270 ms; with it and a static address 270 ms.
 */
public final class WifiJoinModel {

    public static final long SCAN_PER_CHANNEL_MILLIS = 120;
    public static final int CHANNELS = 13;
    public static final long ASSOCIATE_MILLIS = 150;
    public static final long DHCP_MILLIS = 1000;

    private WifiJoinModel() {
    }

    /** A join that scans every channel (no hint, or after a hint that failed). */
    public static long scanningJoin(boolean staticAddress) {
        return SCAN_PER_CHANNEL_MILLIS * CHANNELS + ASSOCIATE_MILLIS + (staticAddress ? 0 : DHCP_MILLIS);
    }

    /** A join straight to the saved BSSID on its channel. */
    public static long hintedJoin(boolean staticAddress) {
        return SCAN_PER_CHANNEL_MILLIS + ASSOCIATE_MILLIS + (staticAddress ? 0 : DHCP_MILLIS);
    }

    /** A hint that names an access point no longer there: one channel's dwell, then the full join. */
    public static long missedHint() {
        return SCAN_PER_CHANNEL_MILLIS;
    }
}
