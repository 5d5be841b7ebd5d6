package dev.smartpot.simulator.board;

import java.io.IOException;

import dev.smartpot.device.board.WifiLink;

/**
 * A WiFi station in a simulated world with one access point. A wrong SSID or password fails the way a
 * board reports it, and the access point can be switched off and on ({@code wifi off} / {@code wifi on}).
 */
public final class FakeWlan implements WifiLink {

    private final String accessPointSsid;
    private final String accessPointPassword;
    private final long joinDelayMillis;
    private volatile boolean accessPointOn = true;
    private volatile boolean associated;
    private volatile Runnable onChange = () -> { };
    /** Joins tried (each powers the radio), for the simulated battery; only the pot's thread joins. */
    private volatile int joinAttempts;

    public FakeWlan(String accessPointSsid, String accessPointPassword, long joinDelayMillis) {
        this.accessPointSsid = accessPointSsid;
        this.accessPointPassword = accessPointPassword == null ? "" : accessPointPassword;
        this.joinDelayMillis = joinDelayMillis;
    }

    /** Called after the access point goes off or on, so the device notices without waiting. */
    public void onChange(Runnable listener) {
        onChange = listener;
    }

    @Override
    public void join(String ssid, String password, long timeoutMillis) throws IOException {
        joinAttempts++;
        associated = false;
        pause(Math.min(joinDelayMillis, timeoutMillis));
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
    public boolean isConnected() {
        return associated && accessPointOn;
    }

    @Override
    public void leave() {
        associated = false;
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

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("join interrupted");
        }
    }
}
