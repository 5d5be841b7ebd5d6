package dev.smartpot.device.config;

import dev.smartpot.device.board.StaticAddress;

/**
 * Reads the station's fixed address ({@code wifi.ip}, {@code wifi.netmask}, {@code wifi.gateway}, {@code wifi.dns}):
 * all unset means DHCP; {@code wifi.ip} needs the netmask and the gateway, and the DNS server defaults to the gateway.
 * Each address is a dotted IPv4 address; the gateway must be on the pot's own subnet.
 */
final class StaticAddressConfig {

    private StaticAddressConfig() {
    }

    /** @return null for DHCP (and when a problem was recorded) */
    static StaticAddress read(ConfigReader r) {
        String ipText = r.text(ConfigKeys.WIFI_IP);
        String maskText = r.text(ConfigKeys.WIFI_NETMASK);
        String gatewayText = r.text(ConfigKeys.WIFI_GATEWAY);
        String dnsText = r.text(ConfigKeys.WIFI_DNS);
        if (ipText == null) {
            String stray = maskText != null ? "wifi.netmask" : gatewayText != null ? "wifi.gateway" : dnsText != null ? "wifi.dns" : null;
            if (stray != null) {
                r.problem(stray, "is set without wifi.ip, so the pot asks DHCP and would ignore it",
                        "set wifi.ip (with wifi.netmask and wifi.gateway) for a fixed address, or remove " + stray);
            }
            return null;
        }
        long ip = address(r, ConfigKeys.WIFI_IP, ipText, "192.168.1.50");
        long mask = required(r, ConfigKeys.WIFI_NETMASK, maskText, "255.255.255.0");
        long gateway = required(r, ConfigKeys.WIFI_GATEWAY, gatewayText, "192.168.1.1");
        long dns = dnsText == null ? gateway : address(r, ConfigKeys.WIFI_DNS, dnsText, "192.168.1.1");
        if (ip < 0 || mask < 0 || gateway < 0 || dns < 0) {
            return null;
        }
        if (!contiguous((int) mask)) {
            r.problem(ConfigKeys.WIFI_NETMASK, "is not a netmask (its one bits must come first, as in 255.255.255.0)",
                    "use your router's netmask, usually 255.255.255.0");
            return null;
        }
        int host = (int) ip & ~(int) mask;
        if (host == 0 || host == ~(int) mask) {
            r.problem(ConfigKeys.WIFI_IP, "is the network's own address or its broadcast address under netmask "
                    + StaticAddress.text((int) mask), "pick a free address inside your network, e.g. one above your router's DHCP range");
            return null;
        }
        if (((int) ip & (int) mask) != ((int) gateway & (int) mask)) {
            r.problem(ConfigKeys.WIFI_GATEWAY, "is not on the pot's subnet (" + StaticAddress.text((int) ip & (int) mask) + " with netmask "
                    + StaticAddress.text((int) mask) + "): the pot could not reach it", "use your router's address, or fix wifi.ip");
            return null;
        }
        return new StaticAddress((int) ip, (int) mask, (int) gateway, (int) dns);
    }

    private static long required(ConfigReader r, ConfigKey key, String text, String example) {
        if (text == null) {
            r.problem(key, "is needed with wifi.ip", "set " + key.name + ", e.g. " + key.name + " = " + example
                    + ", or remove wifi.ip to use DHCP");
            return -1;
        }
        return address(r, key, text, example);
    }

    /** The address as an unsigned 32-bit value, or -1 after recording a problem. */
    private static long address(ConfigReader r, ConfigKey key, String text, String example) {
        long value = parse(text.trim());
        if (value < 0) {
            r.problem(key, "is not an IPv4 address (four numbers 0-255 separated by dots)", "write it like " + example);
        }
        return value;
    }

    /** Parses {@code a.b.c.d} by hand (the core has no regex); -1 if it is not one. */
    static long parse(String text) {
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (parts < 4) {
            int start = i;
            int part = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (parts < 4) {
                if (i >= n || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == n ? value : -1;
    }

    private static boolean contiguous(int mask) {
        int inverted = ~mask;
        return mask != 0 && (inverted & (inverted + 1)) == 0;
    }
}
