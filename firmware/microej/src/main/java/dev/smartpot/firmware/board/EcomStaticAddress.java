package dev.smartpot.firmware.board;

import java.io.IOException;
import java.net.InetAddress;

import dev.smartpot.device.board.StaticAddress;
import ej.ecom.network.IPConfiguration;

/**
 * The only place the firmware sets a static address through ECOM-NETWORK's {@code IPConfiguration}.
 * {@code useDHCP(false)}, {@code setNetmask(InetAddress)}, {@code setGateway(InetAddress)} and
 * {@code InetAddress.getByName} on a dotted address: MATCH (MicroEJ's wifi-setup example, {@code rest.Main}).
 * {@code setIP(InetAddress)} and {@code setDNS(InetAddress[])}: UNCONFIRMED, seen in no MicroEJ example; the VEE
 * Ports' C layer has the natives behind them ({@code LLECOM_NETWORK_IMPL_setIP}, {@code LLECOM_NETWORK_IMPL_setDNS}
 * one index at a time) and MicroEJ's network manager example reads {@code getDNS()} as an {@code InetAddress[]}
 * (docs/esp32.md). If the first SDK build fails here, this class is the one to fix, or to replace by one that
 * returns {@code false} (the pot then asks DHCP).
 */
final class EcomStaticAddress {

    private EcomStaticAddress() {
    }

    /**
     * Fills {@code configuration} with {@code address} instead of DHCP.
     *
     * @return whether it did (always, here)
     */
    static boolean apply(IPConfiguration configuration, StaticAddress address) throws IOException {
        configuration.useDHCP(false);
        configuration.useStaticDNS(true);
        configuration.setIP(inet(address.ip));
        configuration.setNetmask(inet(address.netmask));
        configuration.setGateway(inet(address.gateway));
        configuration.setDNS(new InetAddress[] {inet(address.dns)});
        return true;
    }

    /** A dotted address: no name lookup. */
    private static InetAddress inet(int address) throws IOException {
        return InetAddress.getByName(StaticAddress.text(address));
    }
}
