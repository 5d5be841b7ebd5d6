package dev.smartpot.device.board;

/**
 * A fixed IPv4 configuration for the station ({@code wifi.ip}, {@code wifi.netmask}, {@code wifi.gateway},
 * {@code wifi.dns}): joining without DHCP saves its exchange at every wake. Addresses are packed big-endian into an
 * int, as on the wire.
 */
public final class StaticAddress {

    public final int ip;
    public final int netmask;
    public final int gateway;
    public final int dns;

    public StaticAddress(int ip, int netmask, int gateway, int dns) {
        this.ip = ip;
        this.netmask = netmask;
        this.gateway = gateway;
        this.dns = dns;
    }

    /** The four bytes of {@code address}, most significant first (what {@code InetAddress.getByAddress} takes). */
    public static byte[] bytes(int address) {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** {@code 192.168.1.50}. */
    public static String text(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    public String toString() {
        return text(ip) + " (netmask " + text(netmask) + ", gateway " + text(gateway) + ", DNS " + text(dns) + ")";
    }
}
