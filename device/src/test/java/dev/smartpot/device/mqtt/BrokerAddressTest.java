package dev.smartpot.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void everyFormAUserMayWriteBecomesOneAddress() {
        assertEquals("tcp://10.0.0.1:1883", BrokerAddress.parse("10.0.0.1").toString());
        assertEquals("tcp://pi4.local:1884", BrokerAddress.parse(" pi4.local:1884 ").toString());
        assertEquals("ssl://pi4.local:8883", BrokerAddress.parse("ssl://pi4.local").toString());
        assertEquals("ssl://pi4.local:8883", BrokerAddress.parse("mqtts://pi4.local/").toString());
        assertEquals("tcp://[::1]:1883", BrokerAddress.parse("mqtt://[::1]").toString());
    }

    @Test
    void itsPartsAreWhatTheTransportsAndToolsNeed() {
        BrokerAddress v6 = BrokerAddress.parse("ssl://[fe80::1]:8884");
        assertTrue(v6.isTls());
        assertEquals("[fe80::1]", v6.host());
        assertEquals("fe80::1", v6.hostName());
        assertEquals(8884, v6.port());
        assertTrue(v6.isIpLiteral());
        assertTrue(BrokerAddress.parse("ssl://10.0.0.2").isIpLiteral());
        assertFalse(BrokerAddress.parse("pi4.local").isIpLiteral() || BrokerAddress.parse("1e100.net").isIpLiteral());
        assertTrue(BrokerAddress.parse("127.0.0.1:1883").isLoopback() && BrokerAddress.parse("localhost").isLoopback()
                && BrokerAddress.parse("[::1]:1883").isLoopback());
        assertFalse(BrokerAddress.parse("10.0.0.1").isLoopback());
    }

    @Test
    void whatIsNotAnAddressGetsAnErrorThatSaysWhatWorks() {
        assertNull(BrokerAddress.parseOrNull("http://host:1883"));
        assertNull(BrokerAddress.parseOrNull("host:99999"));
        assertNull(BrokerAddress.parseOrNull("ho st"));
        assertNull(BrokerAddress.parseOrNull("tcp://:1883"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("host:port"));
        assertEquals("\"host:port\" is not a broker address: write a host or IP (port 1883 assumed), host:port,"
                + " tcp://host:port or ssl://host:port", e.getMessage());
    }
}
