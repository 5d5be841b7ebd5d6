package dev.smartpot.firmware.board;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Enumeration;

import dev.smartpot.device.board.Log;
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
 */
public final class EcomWifiLink implements WifiLink {

    /** The ESP32 VEE Ports' station interface. */
    public static final String STATION_INTERFACE = "st1";
    private static final long POLL_MILLIS = 250;

    private final Log log;

    public EcomWifiLink(Log log) {
        this.log = log;
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
            IPConfiguration dhcp = new IPConfiguration();
            dhcp.useDHCP(true);
            dhcp.useStaticDNS(false);
            NetworkInterfaceManager.configure(station, dhcp);
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
                throw new IOException("joined but no address from DHCP within " + (timeoutMillis / 1000) + " s");
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
