package ej.ecom.network;

import java.io.IOException;
import java.net.NetworkInterface;

/**
 * Stand-in for ECOM-NETWORK 2.x {@code NetworkInterfaceManager} (static methods on a
 * {@code java.net.NetworkInterface}, as in MicroEJ's Ethernet and WiFi network manager examples).
 */
public final class NetworkInterfaceManager {

    private NetworkInterfaceManager() {
    }

    public static boolean isStarted(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in: the MicroEJ SDK supplies ECOM-NETWORK");
    }

    public static void start(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in");
    }

    public static boolean isEnabled(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in");
    }

    public static void enable(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in");
    }

    public static void configure(NetworkInterface netif, IPConfiguration configuration) throws IOException {
        throw new IOException("stand-in");
    }

    public static IPConfiguration getIPConfiguration(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in");
    }

    public static void setDefault(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in");
    }
}
