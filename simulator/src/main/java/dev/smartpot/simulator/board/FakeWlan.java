package dev.smartpot.simulator.board;

import java.io.IOException;

import dev.smartpot.device.board.StaticAddress;
import dev.smartpot.device.board.WifiFastJoin;
import dev.smartpot.device.board.WifiLink;

/**
 * A WiFi station in a simulated world with one access point. A wrong SSID or password fails the way a
 * board reports it, and the access point can be switched off and on ({@code wifi off} / {@code wifi on}) or moved to
 * another channel ({@code wifi channel N}). It offers the ESP32's fast paths: a join straight to the saved BSSID and
 * channel, and a static address. A join takes a fixed delay, or with {@code sim.wifi.join.model} the time
 * {@link WifiJoinModel} gives for the path taken (scan or not, DHCP or not).
 */
public final class FakeWlan implements WifiLink, WifiFastJoin {

    private final String accessPointSsid;
    private final String accessPointPassword;
    private final long joinDelayMillis;
    private final boolean modelled;
    /** The board's time, on which a join's delay passes. */
    private final BoardTime time;
    /** A locally administered MAC derived from the SSID: stable across runs. */
    private final long accessPointBssid;
    private volatile int accessPointChannel = 6;
    private volatile boolean accessPointOn = true;
    private volatile boolean associated;
    private volatile StaticAddress staticAddress;
    private volatile Runnable onChange = () -> { };
    /** Joins tried (each powers the radio), for the simulated battery; only the pot's thread joins. */
    private volatile int joinAttempts;
    /** Times the radio was stopped (esp_wifi_stop on a board), as before each deep sleep. */
    private volatile int radioStops;

    /** Every join takes {@code joinDelayMillis}. */
    public FakeWlan(String accessPointSsid, String accessPointPassword, long joinDelayMillis) {
        this(accessPointSsid, accessPointPassword, joinDelayMillis, false);
    }

    /** @param modelled joins take {@link WifiJoinModel}'s time for their path instead of {@code joinDelayMillis} */
    public FakeWlan(String accessPointSsid, String accessPointPassword, long joinDelayMillis, boolean modelled) {
        this(accessPointSsid, accessPointPassword, joinDelayMillis, modelled, BoardTime.HOST);
    }

    /** @param time the board's time, on which each join's delay passes */
    public FakeWlan(String accessPointSsid, String accessPointPassword, long joinDelayMillis, boolean modelled, BoardTime time) {
        this.time = time;
        this.accessPointSsid = accessPointSsid;
        this.accessPointPassword = accessPointPassword == null ? "" : accessPointPassword;
        this.joinDelayMillis = joinDelayMillis;
        this.modelled = modelled;
        this.accessPointBssid = 0x020000000000L | (accessPointSsid.hashCode() & 0xffffffffL);
    }

    /** Called after the access point goes off or on, so the device notices without waiting. */
    public void onChange(Runnable listener) {
        onChange = listener;
    }

    @Override
    public void join(String ssid, String password, long timeoutMillis) throws IOException {
        joinAttempts++;
        associated = false;
        pause(Math.min(modelled ? WifiJoinModel.scanningJoin(staticAddress != null) : joinDelayMillis, timeoutMillis));
        associate(ssid, password);
    }

    @Override
    public void joinKnown(String ssid, String password, long bssid, int channel, long timeoutMillis) throws IOException {
        joinAttempts++;
        associated = false;
        if (!accessPointOn || bssid != accessPointBssid || channel != accessPointChannel) {
            pause(Math.min(modelled ? WifiJoinModel.missedHint() : 0, timeoutMillis));
            throw new IOException("no beacon from that access point on channel " + channel);
        }
        pause(Math.min(modelled ? WifiJoinModel.hintedJoin(staticAddress != null) : joinDelayMillis, timeoutMillis));
        associate(ssid, password);
    }

    private void associate(String ssid, String password) throws IOException {
        if (!accessPointOn || !accessPointSsid.equals(ssid)) {
            throw new IOException("no network named \"" + ssid + "\" in range"
                    + (accessPointOn ? "" : " (the access point is off)"));
        }
        if (!accessPointPassword.equals(password == null ? "" : password)) {
            throw new IOException("authentication failed: wrong password for \"" + ssid + "\"");
        }
        associated = true;
    }

    @Override
    public void useStaticAddress(StaticAddress address) {
        staticAddress = address;
    }

    @Override
    public long joinedBssid() {
        return associated ? accessPointBssid : NO_BSSID;
    }

    @Override
    public int joinedChannel() {
        return associated ? accessPointChannel : 0;
    }

    @Override
    public boolean isConnected() {
        return associated && accessPointOn;
    }

    @Override
    public void leave() {
        associated = false;
    }

    /** Stops the radio, as {@code esp_wifi_stop()} does before a deep sleep: off the network, and counted. */
    public void stopRadio() {
        associated = false;
        radioStops++;
    }

    /** Radio stops so far (one before each deep sleep). */
    public int radioStops() {
        return radioStops;
    }

    public void setAccessPointOn(boolean on) {
        accessPointOn = on;
        if (!on) {
            associated = false;
        }
        onChange.run();
    }

    /** Joins tried so far, successful or not. */
    public int joinAttempts() {
        return joinAttempts;
    }

    public boolean isAccessPointOn() {
        return accessPointOn;
    }

    /** The access point moves to another channel (a router picking a quieter one): a saved hint goes stale. */
    public void setAccessPointChannel(int channel) {
        accessPointChannel = channel;
    }

    private void pause(long millis) throws IOException {
        try {
            time.pause(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("join interrupted");
        }
    }
}
