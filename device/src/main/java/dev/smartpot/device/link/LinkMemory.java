package dev.smartpot.device.link;

import dev.smartpot.device.board.WifiFastJoin;

/**
 * What the last link taught the next one, kept with the rest of the retained state (RTC memory on an ESP32): the
 * access point joined last (BSSID and channel, so the next join skips the scan) and the fingerprint of the MQTT session
 * the pot set up (its subscriptions, confirmed delivered), so a wake whose broker kept that session subscribes to
 * nothing. Zero and {@link WifiFastJoin#NO_BSSID} mean "nothing known".
 */
public final class LinkMemory {

    private long bssid = WifiFastJoin.NO_BSSID;
    private int channel;
    private int session;

    /** Restores what a retained state held (or nothing, after a power cut). */
    public void restore(long savedBssid, int savedChannel, int savedSession) {
        bssid = savedBssid;
        channel = savedChannel;
        session = savedSession;
    }

    public boolean knowsAccessPoint() {
        return bssid != WifiFastJoin.NO_BSSID && channel > 0;
    }

    public long bssid() {
        return bssid;
    }

    public int channel() {
        return channel;
    }

    public void accessPoint(long joinedBssid, int joinedChannel) {
        bssid = joinedBssid;
        channel = joinedChannel;
    }

    public void forgetAccessPoint() {
        accessPoint(WifiFastJoin.NO_BSSID, 0);
    }

    /** The fingerprint of the session the pot set up and confirmed last, or 0 for none. */
    public int session() {
        return session;
    }

    public void session(int fingerprint) {
        session = fingerprint;
    }
}
