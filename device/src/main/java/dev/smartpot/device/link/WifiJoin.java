package dev.smartpot.device.link;

import java.io.IOException;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.WifiLink;
import dev.smartpot.device.config.DeviceConfig;

/** Joins the configured WiFi network for the link, and times the join (a deep-sleep wake reports it). */
final class WifiJoin {

    private final DeviceConfig config;
    private final WifiLink wifi;
    private final Clock clock;
    private final Log log;
    private long lastJoinMillis;

    WifiJoin(DeviceConfig config, WifiLink wifi, Clock clock, Log log) {
        this.config = config;
        this.wifi = wifi;
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
        long start = clock.uptimeMillis();
        try {
            wifi.join(config.wifiSsid, config.wifiPassword, config.wifiJoinTimeoutMillis);
        } catch (IOException e) {
            return "WiFi join \"" + config.wifiSsid + "\" failed: " + e.getMessage();
        }
        lastJoinMillis = clock.uptimeMillis() - start;
        log.info("WiFi joined \"" + config.wifiSsid + "\"");
        return null;
    }

    /** Milliseconds the last successful join took. */
    long lastJoinMillis() {
        return lastJoinMillis;
    }
}
