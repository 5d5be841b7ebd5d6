package ej.ecom.network;

import java.net.InetAddress;

/**
 * Stand-in for ECOM-NETWORK 2.x {@code IPConfiguration}: {@code new IPConfiguration()}, {@code useDHCP},
 * {@code useStaticDNS}, {@code getIP()}, {@code isStatic()} as used in MicroEJ's network manager examples.
 */
public class IPConfiguration {

    public void useDHCP(boolean dhcp) {
    }

    public void useStaticDNS(boolean staticDns) {
    }

    public InetAddress getIP() {
        return null;
    }

    public boolean isStatic() {
        return false;
    }
}
