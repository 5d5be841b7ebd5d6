package dev.smartpot.device.fakes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.board.StaticAddress;
import dev.smartpot.device.board.WifiFastJoin;
import dev.smartpot.device.board.WifiLink;

/** A WiFi station whose network can vanish or move to another channel; counts joins, full and hinted. */
public final class FakeWifi implements WifiLink, WifiFastJoin {

    public static final long ACCESS_POINT = 0x02AABBCCDDEEL;

    public boolean networkUp = true;
    public String expectedPassword;
    public int joins;
    /** A join that blocks (a scan): the clock moves on this long inside it. */
    public long joinBlocks;
    public ManualClock blockingClock;
    /** The access point's channel: move it to make a saved hint stale. */
    public int channel = 6;
    /** Each join, in order: "scan" or "hint bssid/channel". */
    public final List<String> joinKinds = new ArrayList<>();
    public StaticAddress staticAddress;
    private boolean connected;

    @Override
    public void join(String ssid, String password, long timeoutMillis) throws IOException {
        joins++;
        joinKinds.add("scan");
        if (joinBlocks > 0) {
            blockingClock.advance(joinBlocks);
        }
        associate(ssid, password);
    }

    @Override
    public void joinKnown(String ssid, String password, long bssid, int hintChannel, long timeoutMillis) throws IOException {
        joins++;
        joinKinds.add("hint " + Long.toHexString(bssid) + "/" + hintChannel);
        if (networkUp && (bssid != ACCESS_POINT || hintChannel != channel)) {
            throw new IOException("no beacon from that access point on channel " + hintChannel);
        }
        associate(ssid, password);
    }

    private void associate(String ssid, String password) throws IOException {
        if (!networkUp) {
            throw new IOException("no network named \"" + ssid + "\" in range");
        }
        if (expectedPassword != null && !expectedPassword.equals(password)) {
            throw new IOException("authentication failed: wrong password for \"" + ssid + "\"");
        }
        connected = true;
    }

    @Override
    public void useStaticAddress(StaticAddress address) {
        staticAddress = address;
    }

    @Override
    public long joinedBssid() {
        return connected ? ACCESS_POINT : NO_BSSID;
    }

    @Override
    public int joinedChannel() {
        return connected ? channel : 0;
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
