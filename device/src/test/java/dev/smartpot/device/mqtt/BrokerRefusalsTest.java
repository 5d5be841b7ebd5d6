package dev.smartpot.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerRefusalsTest {

    @Test
    void everyConnackRefusalSaysWhatItMeansAndItsFix() {
        for (int code = 1; code <= 5; code++) {
            MqttTransportException e = BrokerRefusals.connectRefused(code);
            assertEquals(MqttTransportException.REFUSED, e.kind());
            assertTrue(e.getMessage().startsWith("refused by the broker: ") && e.getMessage().contains(". Fix: "), e.getMessage());
        }
        assertEquals("refused by the broker: not authorised. Fix: check mqtt.username and mqtt.password against the broker's"
                + " password file", BrokerRefusals.connackMessage(BrokerRefusals.NOT_AUTHORIZED));
        assertFalse(BrokerRefusals.isConnackRefusal(0) || BrokerRefusals.isConnackRefusal(6));
    }

    @Test
    void aRefusedSubscriptionNamesItsTopic() {
        MqttTransportException e = BrokerRefusals.subscriptionRefused("from_mothership");
        assertEquals(MqttTransportException.REFUSED, e.kind());
        assertEquals("the broker refused the subscription to from_mothership (not authorised?)", e.getMessage());
    }
}
