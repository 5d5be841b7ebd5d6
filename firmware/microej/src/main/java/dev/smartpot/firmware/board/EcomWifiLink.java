package dev.smartpot.firmware.board;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Enumeration;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.StaticAddress;
import dev.smartpot.device.board.WifiFastJoin;
import dev.smartpot.device.board.WifiLink;
import ej.ecom.network.IPConfiguration;
import ej.ecom.network.NetworkInterfaceManager;
import ej.ecom.wifi.SecurityMode;
import ej.ecom.wifi.WifiManager;

/**
 * The ESP32 station through MicroEJ's ECOM-WIFI and ECOM-NETWORK libraries: starts and enables the {@code st1}
 * interface, asks for DHCP, joins the access point, then waits for an address.
 *
 * <p>WPA2 for a network with a password, open otherwise (the ECOM {@code SecurityMode} for WPA2/WPA3 mixed
 * networks also joins WPA2). Every ECOM call goes through the VEE Port's async worker, so a slow join does not
 * stall other Java threads.
 *
 * <p>Of the ESP32's fast paths, ECOM allows the static address ({@code wifi.ip}: no DHCP exchange, through
 * {@link EcomStaticAddress}). It has no join by BSSID and channel: {@link #joinedBssid()} says "unknown", so the core
 * never asks for such a join and every join scans. That fast path needs a native of our own over ESP-IDF's
 * {@code wifi_config_t} ({@code sta.bssid_set}, {@code sta.bssid}, {@code sta.channel}) and, to save them, over
 * {@code esp_wifi_sta_get_ap_info}: future work (docs/esp32.md, "A pot on batteries").
 */
public final class EcomWifiLink implements WifiLink, WifiFastJoin, Radio {

    /** The ESP32 VEE Ports' station interface. */
    public static final String STATION_INTERFACE = "st1";
    private static final long POLL_MILLIS = 250;

    private final Log log;
    /** The fixed address from {@code wifi.ip}, or null for DHCP. */
    private StaticAddress staticAddress;

    public EcomWifiLink(Log log) {
        this.log = log;
    }

    public void useStaticAddress(StaticAddress address) {
        staticAddress = address;
    }

    /** Never called: {@link #joinedBssid()} never names an access point. */
    public void joinKnown(String ssid, String password, long bssid, int channel, long timeoutMillis) throws IOException {
        throw new IOException("ECOM-WIFI cannot join by BSSID and channel");
    }

    public long joinedBssid() {
        return NO_BSSID;
    }

    public int joinedChannel() {
        return 0;
    }

    public void join(String ssid, String password, long timeoutMillis) throws IOException {
        long deadline = ej.bon.Util.platformTimeMillis() + timeoutMillis;
        NetworkInterface station = find(STATION_INTERFACE);
        try {
            if (!NetworkInterfaceManager.isStarted(station)) {
                NetworkInterfaceManager.start(station);
            }
            if (!NetworkInterfaceManager.isEnabled(station)) {
                NetworkInterfaceManager.enable(station);
            }
            IPConfiguration ip = new IPConfiguration();
            if (staticAddress == null || !EcomStaticAddress.apply(ip, staticAddress)) {
                ip.useDHCP(true);
                ip.useStaticDNS(false);
            }
            NetworkInterfaceManager.configure(station, ip);
            SecurityMode mode = password == null || password.length() == 0 ? SecurityMode.OPEN : SecurityMode.WPA2;
            WifiManager.getInstance().join(ssid, password == null ? "" : password, mode);
        } catch (IOException e) {
            throw new IOException(describe(e));
        }
        while (true) {
            InetAddress ip = NetworkInterfaceManager.getIPConfiguration(station).getIP();
            if (ip != null && !isUnset(ip)) {
                NetworkInterfaceManager.setDefault(station);
                log.info("WiFi address " + ip.getHostAddress());
                return;
            }
            if (ej.bon.Util.platformTimeMillis() >= deadline) {
                throw new IOException("joined but no address " + (staticAddress == null ? "from DHCP" : "set (wifi.ip)") + " within "
                        + (timeoutMillis / 1000) + " s");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                throw new IOException("interrupted while waiting for DHCP");
            }
        }
    }

    public boolean isConnected() {
        try {
            return WifiManager.getInstance().getJoined() != null;
        } catch (Exception e) {
            return false;
        }
    }

    public void leave() {
        try {
            WifiManager.getInstance().leave();
        } catch (Exception e) {
            log.warn("WiFi leave failed: " + describe(e));
        }
    }

    /**
     * Stops the station interface, which in the VEE Ports' ECOM-NETWORK reaches {@code esp_wifi_stop()}: ESP-IDF's sleep
     * guide asks for it before {@code esp_deep_sleep_start}. The next boot starts the interface again ({@link #join}).
     */
    public void stop() {
        try {
            NetworkInterface station = find(STATION_INTERFACE);
            if (NetworkInterfaceManager.isStarted(station)) {
                NetworkInterfaceManager.stop(station);
            }
        } catch (Exception e) {
            log.warn("WiFi stop failed (" + describe(e) + "): sleeping with the radio as it is");
        }
    }

    private static NetworkInterface find(String name) throws IOException {
        Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
        while (all != null && all.hasMoreElements()) {
            NetworkInterface ni = all.nextElement();
            if (name.equals(ni.getName())) {
                return ni;
            }
        }
        throw new IOException("no network interface \"" + name + "\": is this an ESP32 VEE Port with WiFi?");
    }

    private static boolean isUnset(InetAddress ip) {
        byte[] a = ip.getAddress();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.length() == 0 ? e.getClass().getName() : m;
    }
}
