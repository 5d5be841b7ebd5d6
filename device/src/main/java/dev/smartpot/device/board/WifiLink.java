package dev.smartpot.device.board;

import java.io.IOException;

/** The board's WiFi station interface. */
public interface WifiLink {

    /**
     * Joins a network and blocks until the station has an address or the timeout passes.
     *
     * @throws IOException naming why the join failed (no such network, wrong password, timeout)
     */
    void join(String ssid, String password, long timeoutMillis) throws IOException;

    /** True while the station is associated and has an address. */
    boolean isConnected();

    /** Leaves the network; never throws. */
    void leave();
}
