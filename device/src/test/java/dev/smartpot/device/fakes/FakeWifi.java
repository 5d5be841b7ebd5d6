package dev.smartpot.device.fakes;

import java.io.IOException;

import dev.smartpot.device.board.WifiLink;

/** A WiFi station whose network can vanish; counts joins. */
public final class FakeWifi implements WifiLink {

    public boolean networkUp = true;
    public String expectedPassword;
    public int joins;
    private boolean connected;

    @Override
    public void join(String ssid, String password, long timeoutMillis) throws IOException {
        joins++;
        if (!networkUp) {
            throw new IOException("no network named \"" + ssid + "\" in range");
        }
        if (expectedPassword != null && !expectedPassword.equals(password)) {
            throw new IOException("authentication failed: wrong password for \"" + ssid + "\"");
        }
        connected = true;
    }

    @Override
    public boolean isConnected() {
        return connected && networkUp;
    }

    @Override
    public void leave() {
        connected = false;
    }

    public void drop() {
        networkUp = false;
        connected = false;
    }
}
