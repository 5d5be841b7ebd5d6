package dev.smartpot.device.link;

import java.io.IOException;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.WifiFastJoin;
import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.config.DeviceConfig;

/**
 * Joins the configured WiFi network for the link, and times the join (a deep-sleep wake reports it). Where the board's
 * link can ({@link WifiFastJoin}), it joins the access point saved from the last good join (BSSID and channel, no
 * scan) and with the configured fixed address (no DHCP); when the saved access point does not answer it forgets it
 * and joins with a full scan, in the same attempt.
 */
final class WifiJoin {

    private final DeviceConfig config;
    private final WifiLink wifi;
    /** The board's fast paths, or null when its link has none. */
    private final WifiFastJoin fast;
    private final LinkMemory memory;
    private final Clock clock;
    private final Log log;
    private boolean addressApplied;
    private long lastJoinMillis;
    private boolean lastJoinHinted;

    WifiJoin(DeviceConfig config, WifiLink wifi, LinkMemory memory, Clock clock, Log log) {
        this.config = config;
        this.wifi = wifi;
        this.fast = wifi instanceof WifiFastJoin ? (WifiFastJoin) wifi : null;
        this.memory = memory;
        this.clock = clock;
        this.log = log;
    }

    /**
     * @param announce whether to say "joining" (the first attempt since the link was up)
     * @return null once joined, else why it failed
     */
    String join(boolean announce) {
        if (announce) {
            log.info("joining WiFi \"" + config.wifiSsid + "\"");
        }
        if (!addressApplied) {
            applyStaticAddress();
        }
        long start = clock.uptimeMillis();
        boolean hinted = fast != null && memory.knowsAccessPoint() && joinSavedAccessPoint();
        if (!hinted) {
            try {
                wifi.join(config.wifiSsid, config.wifiPassword, config.wifiJoinTimeoutMillis);
            } catch (IOException e) {
                return "WiFi join \"" + config.wifiSsid + "\" failed: " + e.getMessage();
            }
        }
        lastJoinMillis = clock.uptimeMillis() - start;
        lastJoinHinted = hinted;
        if (fast != null) {
            memory.accessPoint(fast.joinedBssid(), fast.joinedChannel());
        }
        log.info("WiFi joined \"" + config.wifiSsid + "\"" + (hinted ? " (saved access point, channel " + memory.channel() + ")" : ""));
        return null;
    }

    /** True once joined through the saved BSSID and channel; false (and forgotten) when that access point did not answer. */
    private boolean joinSavedAccessPoint() {
        try {
            fast.joinKnown(config.wifiSsid, config.wifiPassword, memory.bssid(), memory.channel(), config.wifiJoinTimeoutMillis);
            return true;
        } catch (IOException e) {
            log.info("WiFi: the access point saved from the last join (channel " + memory.channel() + ") did not answer ("
                    + e.getMessage() + "): scanning every channel");
            memory.forgetAccessPoint();
            return false;
        }
    }

    private void applyStaticAddress() {
        addressApplied = true;
        if (config.staticAddress == null) {
            return;
        }
        if (fast == null) {
            log.warn("wifi.ip is set but this board's WiFi cannot take a fixed address: it asks DHCP");
            return;
        }
        fast.useStaticAddress(config.staticAddress);
    }

    /** Milliseconds the last successful join took. */
    long lastJoinMillis() {
        return lastJoinMillis;
    }

    /** Whether the last successful join went straight to the saved access point. */
    boolean lastJoinHinted() {
        return lastJoinHinted;
    }
}
