package dev.smartpot.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void filtersMatchAsTheBrokerMatchesThem() {
        assertTrue(Topics.matches("from_mothership", "from_mothership"));
        assertFalse(Topics.matches("from_mothership", "from_mothership/a"));
        assertTrue(Topics.matches("from_mothership/#", "from_mothership"));
        assertTrue(Topics.matches("from_mothership/#", "from_mothership/a/b"));
        assertTrue(Topics.matches("from_mothership/+", "from_mothership/a"));
        assertFalse(Topics.matches("from_mothership/+", "from_mothership/a/b"));
        assertFalse(Topics.matches("from_mothership/+", "from_mothership"));
        assertTrue(Topics.matches("+/+/cmd", "pots/a/cmd"));
        assertTrue(Topics.matches("#", "anything/at/all"));
        assertFalse(Topics.matches("#", "$SYS/broker/uptime"));
        assertFalse(Topics.matches("a/b", "a"));
        assertTrue(Topics.matches("a//b", "a//b"));
    }

    @Test
    void theIdPlaceholderIsReplacedEverywhere() {
        assertEquals("pots/ab/cmd/ab", Topics.withClientId("pots/{id}/cmd/{id}", "ab"));
        assertEquals("plain", Topics.withClientId("plain", "ab"));
    }
}
