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

    /**
     * UNCONFIRMED Java name: no example calls it. The native behind it is in both ESP32 VEE Ports:
     * {@code Java_ej_ecom_network_natives_InterfaceManagerImplNatives_stop} ({@code LLECOM_NETWORK_IMPL_stop},
     * {@code platform/inc/LLECOM_NETWORK_impl.h}), whose action calls {@code WIFI_ESP32_sta_stop_f()}, which calls
     * {@code esp_wifi_stop()} ({@code ecom-wifi/src/WIFI_ESP32_driver.c}).
     */
    public static void stop(NetworkInterface netif) throws IOException {
        throw new IOException("stand-in");
    }
}
