package dev.smartpot.simulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.StaticAddress;
import dev.smartpot.device.board.WifiFastJoin;

/** The simulated station's fast paths: the access point it names is the one a hinted join finds, until it moves. */
class FakeWlanTest {

    @Test
    void aHintedJoinFindsTheAccessPointItNamedUntilItMovesChannel() throws IOException {
        FakeWlan wlan = new FakeWlan("Net", "password1", 0);
        assertEquals(WifiFastJoin.NO_BSSID, wlan.joinedBssid(), "nothing joined yet");
        wlan.join("Net", "password1", 1000);
        long bssid = wlan.joinedBssid();
        assertEquals(6, wlan.joinedChannel());
        wlan.leave();

        wlan.joinKnown("Net", "password1", bssid, 6, 1000);
        assertTrue(wlan.isConnected());
        wlan.leave();

        wlan.setAccessPointChannel(11);
        IOException stale = assertThrows(IOException.class, () -> wlan.joinKnown("Net", "password1", bssid, 6, 1000));
        assertEquals("no beacon from that access point on channel 6", stale.getMessage());
        assertFalse(wlan.isConnected());
        assertThrows(IOException.class, () -> wlan.joinKnown("Net", "password1", bssid + 1, 11, 1000), "another BSSID");
        assertThrows(IOException.class, () -> wlan.joinKnown("Net", "wrong-pass", bssid, 11, 1000), "a wrong password still fails");
        wlan.joinKnown("Net", "password1", bssid, 11, 1000);
        assertEquals(11, wlan.joinedChannel());
    }

    @Test
    void theModelledJoinIsShorterWithTheSavedAccessPointAndShorterStillWithoutDhcp() {
        assertEquals(2710, WifiJoinModel.scanningJoin(false), "13 channels x 120 + 150 + DHCP 1000");
        assertEquals(1710, WifiJoinModel.scanningJoin(true));
        assertEquals(1270, WifiJoinModel.hintedJoin(false));
        assertEquals(270, WifiJoinModel.hintedJoin(true));
    }

    @Test
    void aStaticAddressIsTakenWithoutChangingWhoCanJoin() throws IOException {
        FakeWlan wlan = new FakeWlan("Net", "password1", 0, true);
        wlan.useStaticAddress(new StaticAddress(0xC0A80132, 0xFFFFFF00, 0xC0A80101, 0xC0A80101));
        IOException wrong = assertThrows(IOException.class, () -> wlan.join("Net", "nope-nope", 10));
        assertEquals("authentication failed: wrong password for \"Net\"", wrong.getMessage());
    }

    /** The simulated battery charges a wake for the radio when it tried a join: a hinted one powers the radio too. */
    @Test
    void everyJoinCountsAsARadioWakeHintedOrNotFoundOrNot() throws IOException {
        FakeWlan wlan = new FakeWlan("Net", "password1", 0);
        wlan.join("Net", "password1", 1000);
        long bssid = wlan.joinedBssid();
        wlan.leave();
        wlan.joinKnown("Net", "password1", bssid, 6, 1000);
        wlan.leave();
        assertThrows(IOException.class, () -> wlan.joinKnown("Net", "password1", bssid, 11, 1000), "a stale hint");
        assertEquals(3, wlan.joinAttempts());
    }
}
