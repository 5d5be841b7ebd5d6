package ej.ecom.network;

import java.net.InetAddress;

/**
 * Stand-in for ECOM-NETWORK 2.x {@code IPConfiguration}: {@code new IPConfiguration()}, {@code useDHCP},
 * {@code useStaticDNS}, {@code getIP()}, {@code isStatic()} as used in MicroEJ's network manager examples; the
 * static-address setters below.
 */
public class IPConfiguration {

    public void useDHCP(boolean dhcp) {
    }

    public void useStaticDNS(boolean staticDns) {
    }

    /**
     * UNCONFIRMED: the VEE Ports' ECOM-NETWORK C interface has {@code LLECOM_NETWORK_IMPL_setIP} and
     * {@code setDNS} (one per DNS index), natives of {@code ej.ecom.network.natives.InterfaceManagerImplNatives}; these
     * Java setters were seen in no MicroEJ example. Called only from
     * {@code dev.smartpot.firmware.board.EcomStaticAddress}.
     */
    public void setIP(InetAddress ip) {
    }

    /** MicroEJ's wifi-setup example ({@code com.microej.example.wifi.setup.rest.Main}). */
    public void setNetmask(InetAddress netmask) {
    }

    /** MicroEJ's wifi-setup example ({@code com.microej.example.wifi.setup.rest.Main}). */
    public void setGateway(InetAddress gateway) {
    }

    /**
     * UNCONFIRMED: see {@link #setIP} (the C side sets the DNS servers one index at a time; MicroEJ's network manager
     * example reads them back with {@code getDNS()} as an {@code InetAddress[]}).
     */
    public void setDNS(InetAddress[] dns) {
    }

    public InetAddress getIP() {
        return null;
    }

    public boolean isStatic() {
        return false;
    }
}
