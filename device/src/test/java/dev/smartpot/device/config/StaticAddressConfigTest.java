package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.StaticAddress;

/** {@code wifi.ip} and its companions: DHCP when unset, a fixed address when whole, a clear error otherwise. */
class StaticAddressConfigTest {

    private static final String BASE = "wifi.ssid = Home\nmqtt.broker = 192.168.1.10\n";

    @Test
    void unsetMeansDhcp() throws ConfigException {
        assertNull(DeviceConfigs.read(BASE).staticAddress);
    }

    @Test
    void aWholeAddressIsReadAndTheDnsDefaultsToTheGateway() throws ConfigException {
        StaticAddress a = DeviceConfigs.read(BASE + "wifi.ip = 192.168.1.50\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.1.1\n")
                .staticAddress;
        assertEquals("192.168.1.50 (netmask 255.255.255.0, gateway 192.168.1.1, DNS 192.168.1.1)", a.toString());
        StaticAddress withDns = DeviceConfigs.read(BASE + "wifi.ip = 10.0.0.9\nwifi.netmask = 255.0.0.0\nwifi.gateway = 10.0.0.1\n"
                + "wifi.dns = 9.9.9.9\n").staticAddress;
        assertEquals("9.9.9.9", StaticAddress.text(withDns.dns));
        assertEquals(List.of(10, 0, 0, 9), List.of((int) StaticAddress.bytes(withDns.ip)[0], (int) StaticAddress.bytes(withDns.ip)[1],
                (int) StaticAddress.bytes(withDns.ip)[2], (int) StaticAddress.bytes(withDns.ip)[3]));
    }

    @Test
    void eachMistakeIsNamedWithItsFix() {
        assertProblem("wifi.ip = 192.168.1.500\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.1.1\n",
                "wifi.ip", "is not an IPv4 address (four numbers 0-255 separated by dots)", "write it like 192.168.1.50");
        assertProblem("wifi.ip = 192.168.1.50\nwifi.gateway = 192.168.1.1\n", "wifi.netmask", "is needed with wifi.ip",
                "e.g. wifi.netmask = 255.255.255.0");
        assertProblem("wifi.ip = 192.168.1.50\nwifi.netmask = 255.0.255.0\nwifi.gateway = 192.168.1.1\n", "wifi.netmask",
                "is not a netmask", "255.255.255.0");
        assertProblem("wifi.ip = 192.168.1.50\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.2.1\n", "wifi.gateway",
                "is not on the pot's subnet (192.168.1.0 with netmask 255.255.255.0)", "use your router's address");
        assertProblem("wifi.ip = 192.168.1.255\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.1.1\n", "wifi.ip",
                "broadcast address", "pick a free address");
        assertProblem("wifi.gateway = 192.168.1.1\n", "wifi.gateway", "is set without wifi.ip", "set wifi.ip");
        assertProblem("wifi.ip = 1.2.3\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.1.1\n", "wifi.ip", "is not an IPv4 address",
                "write it like");
        assertProblem("wifi.ip = 1.2.3.4.5\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.1.1\n", "wifi.ip", "is not an IPv4 address",
                "write it like");
    }

    private static void assertProblem(String extra, String key, String rule, String fix) {
        List<String> problems = DeviceConfigs.problems(BASE + extra);
        assertTrue(problems.stream().anyMatch(p -> p.contains(key) && p.contains(rule) && p.contains(fix)), problems.toString());
    }
}
