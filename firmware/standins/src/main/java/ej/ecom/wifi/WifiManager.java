package ej.ecom.wifi;

import java.io.IOException;

/**
 * Stand-in for ECOM-WIFI 2.x {@code WifiManager}. Signatures as called in MicroEJ's own WiFi network manager
 * example (net.http.download.manager.WifiNetworkManager): {@code getInstance()},
 * {@code join(String ssid, String passphrase, SecurityMode)}, {@code getJoined()}, {@code leave()}; the native
 * side throws NativeIOException (LLECOM_WIFI.c), hence {@code throws IOException}.
 */
public class WifiManager {

    protected WifiManager() {
    }

    public static WifiManager getInstance() throws IOException {
        throw new IOException("stand-in: the MicroEJ SDK supplies ECOM-WIFI");
    }

    public void join(String ssid, String passphrase, SecurityMode securityMode) throws IOException {
        throw new IOException("stand-in");
    }

    /** The joined access point, or null. */
    public AccessPoint getJoined() throws IOException {
        throw new IOException("stand-in");
    }

    public void leave() throws IOException {
        throw new IOException("stand-in");
    }
}
