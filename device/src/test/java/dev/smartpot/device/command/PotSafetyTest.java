package dev.smartpot.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.fakes.TestPot;

/**
 * What the pot refuses whatever arrives (issue 12, holes 2 to 4), replayed on a manual clock: the plant gets at most
 * its water budget, a flood cannot stop the readings, and disruptive commands are rate-limited; every refusal says
 * why and when the command is next allowed.
 */
class PotSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;

    private static TestPot potWithPump(String properties) {
        TestPot pot = new TestPot(properties, new MemorySettingsStore(), true);
        pot.runFor(1);
        return pot;
    }

    private static JsonNode json(String reply) throws IOException {
        assertTrue(reply != null, "a reply was published");
        return JSON.readTree(reply);
    }

    /** A refusal: ok false, the reason, and when the command is next allowed. */
    private static JsonNode refused(String reply) throws IOException {
        JsonNode r = json(reply);
        assertFalse(r.get("ok").asBoolean(), reply);
        assertTrue(r.get("error").asText().contains("expected"), reply);
        assertTrue(r.get("next_allowed_in_s").isIntegralNumber(), reply);
        return r;
    }

    private static int sum(List<Integer> ml) {
        int total = 0;
        for (int m : ml) {
            total += m;
        }
        return total;
    }

    // ---- hole 2: watering ---------------------------------------------------------------------------

    @Test
    void aHundredWater2000CommandsAtTwentyASecondPourNothingOverTheBudget() throws IOException {
        TestPot pot = potWithPump("");
        for (int i = 0; i < 100; i++) {
            pot.mqtt.deliver("from_mothership", "water 2000");
            pot.runFor(50);
        }
        assertEquals(List.of(), pot.watered, "2000 ml is more than the hourly budget: refused whole");
        List<String> replies = pot.replies();
        assertEquals(100, replies.size(), "every one answered");
        JsonNode last = refused(replies.get(99));
        assertEquals("watering refused: 2000 ml is more than the pot may pour in an hour (water.budget.hour = 300 ml);"
                + " expected at most 300 ml", last.get("error").asText());
        assertEquals(0, last.get("next_allowed_in_s").asLong(), "a smaller amount is allowed now");
    }

    @Test
    void aFloodOfWaterCommandsPoursOnceThenWaitsForTheCooldownAndTheBudget() throws IOException {
        TestPot pot = potWithPump("");
        for (int i = 0; i < 100; i++) {
            pot.mqtt.deliver("from_mothership", "water 200");
            pot.runFor(50);
        }
        assertEquals(List.of(200), pot.watered, "one watering; the cooldown refuses the other 99");
        JsonNode second = refused(pot.replies().get(1));
        assertTrue(second.get("error").asText().startsWith("watering refused: the pot watered 1 s ago; expected at least 10m"
                + " between waterings (water.cooldown)"), second.toString());
        assertEquals(3600, second.get("next_allowed_in_s").asLong(), 1, "200 + 200 ml is over the hour's 300 ml: in an hour");

        pot.runFor(10 * MINUTE);
        JsonNode budget = refused(pot.command("water 200"));
        assertTrue(budget.get("error").asText().startsWith("watering refused: 200 of the 300 ml allowed per hour"
                + " (water.budget.hour) poured in the last hour, 200 ml more would exceed it; expected at most 100 ml now"), budget.toString());
        assertEquals(100, json(pot.command("water 100")).get("result").get("watered_ml").asInt(), "what fits the budget runs");
        assertEquals(300, sum(pot.watered));
        JsonNode status = json(pot.command("status")).get("result");
        assertEquals(300, status.get("watered_hour_ml").asInt());
        assertEquals(300, status.get("watered_day_ml").asInt());
    }

    @Test
    void theDailyBudgetHoldsOverSlidingHours() throws IOException {
        TestPot pot = potWithPump("water.budget.hour = 300\nwater.budget.day = 500\nwater.cooldown = 10s\n");
        json(pot.command("water 300"));
        pot.runFor(HOUR);
        json(pot.command("water 200"));
        pot.runFor(HOUR);
        JsonNode day = refused(pot.command("water 100"));
        assertTrue(day.get("error").asText().contains("500 of the 500 ml allowed per day (water.budget.day)"), day.toString());
        assertEquals(22 * 3600, day.get("next_allowed_in_s").asLong(), 2, "when the first 300 ml leave the 24 hours");
        assertEquals(List.of(300, 200), pot.watered);
        pot.runFor(22 * HOUR);
        assertTrue(json(pot.command("water 100")).get("ok").asBoolean(), "a day later the budget is back");
    }

    @Test
    void noWateringOnWetSoilOrWhileTheSensorReadsAFault() throws IOException {
        TestPot pot = potWithPump("");
        pot.raw = 1700; // 83.3 %
        JsonNode wet = refused(pot.command("water 100"));
        assertEquals("watering refused: the soil reads 83.3 % moist, at or above 80 % (water.wet.above); expected drier soil",
                wet.get("error").asText());
        pot.raw = 0;
        JsonNode unplugged = refused(pot.command("water 100"));
        assertTrue(unplugged.get("error").asText().startsWith("watering refused: the soil sensor reads disconnected (raw 0), so the pot"
                + " cannot tell whether the soil is already wet"), unplugged.toString());
        pot.raw = 2300;
        pot.sensorBroken = true;
        assertTrue(refused(pot.command("water 100")).get("error").asText().contains("reads read_error"));
        assertEquals(List.of(), pot.watered);
        pot.sensorBroken = false;
        assertTrue(json(pot.command("water 100")).get("ok").asBoolean(), "dry enough, sensor fine: it waters");
    }

    @Test
    void thePumpIsGivenItsMaximumRunTimeWithEveryWatering() throws IOException {
        TestPot pot = potWithPump("pump.max.run = 5s\n");
        JsonNode result = json(pot.command("water 150")).get("result");
        assertEquals(150, result.get("watered_ml").asInt());
        assertEquals(5, result.get("max_run_s").asInt());
        assertEquals(List.of(5_000L), pot.pumpMaxRuns, "the pump stops itself after 5 s whatever the loop does");
    }

    // ---- hole 3: floods ----------------------------------------------------------------------------

    @Test
    void aFloodThatKeepsPaceWithThePotCannotStopTheReadings() throws IOException {
        TestPot pot = new TestPot("publish.interval = 1s\n");
        pot.runFor(1);
        // Every reply brings another "status", 10 ms apart: 12 s of flood.
        pot.mqtt.floodEachPublish("from_mothership", "status", 1_200, pot.clock, 10);
        pot.mqtt.deliver("from_mothership", "status");
        pot.runFor(15_000);
        assertEquals(0, pot.mqtt.floodLeft(), "the whole flood was answered");
        List<Long> times = new ArrayList<>();
        for (String r : pot.readings()) {
            times.add(JSON.readTree(r).get("uptime_ms").asLong());
        }
        assertTrue(times.size() >= 15, times.toString());
        for (int i = 1; i < times.size(); i++) {
            assertEquals(1_000, times.get(i) - times.get(i - 1), 100, "readings keep their schedule through the flood: " + times);
        }
    }

    @Test
    void aBurstBeyondTheInboxIsDroppedCountedAndReported() throws IOException {
        TestPot pot = new TestPot("publish.interval = 1s\n");
        pot.runFor(1);
        for (int i = 0; i < 100; i++) {
            pot.mqtt.deliver("from_mothership", "status");
        }
        pot.runFor(10);
        assertEquals(32, pot.replies().size(), "32 kept and answered");
        assertEquals(1, pot.log.count("inbox full: 68 message(s) dropped unread (68 since boot)"), pot.log.all());
        JsonNode status = json(pot.command("status")).get("result");
        assertEquals(68, status.get("cmd_dropped").asInt());
        pot.runFor(1_000);
        List<String> readings = pot.readings();
        assertEquals(68, JSON.readTree(readings.get(readings.size() - 1)).get("cmd_dropped").asInt(), "the next reading says so");
        assertFalse(readings.get(0).contains("cmd_dropped"), "and none before the flood");

        // Another burst within 10 s: counted, but the warning waits.
        for (int i = 0; i < 40; i++) {
            pot.mqtt.deliver("from_mothership", "received");
        }
        pot.runFor(10);
        assertEquals(1, pot.log.count("inbox full"), "one warning per 10 s at most");
        pot.runFor(10_000);
        assertEquals(1, pot.log.count("inbox full: 8 message(s) dropped unread (76 since boot)"), pot.log.all());
    }

    // ---- hole 4: disruptive commands ----------------------------------------------------------------

    @Test
    void aRebootFloodRebootsAtMostOnceAndNeverWithinTheFirstTenMinutes() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        for (int i = 0; i < 200; i++) {
            pot.mqtt.deliver("from_mothership", "reboot");
            pot.runFor(100);
        }
        assertEquals(List.of(), pot.reboots, "a pot up for 20 s refuses every reboot");
        JsonNode first = refused(pot.replies().get(0));
        assertEquals("reboot refused: the pot reboots at most once every 10m of uptime (commands.reboot.every); expected the"
                + " next reboot in 600 s", first.get("error").asText());
        assertEquals(600, first.get("next_allowed_in_s").asLong());

        pot.runFor(10 * MINUTE);
        for (int i = 0; i < 200; i++) {
            pot.mqtt.deliver("from_mothership", "reboot");
            pot.runFor(100);
        }
        assertEquals(1, pot.reboots.size(), "after 10 minutes up, one reboot: " + pot.reboots);
    }

    @Test
    void calibrateAndIntervalComeInABurstOfFiveThenOneAMinute() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        for (int i = 0; i < 5; i++) {
            assertTrue(json(pot.command("interval 2s")).get("ok").asBoolean());
        }
        JsonNode sixth = refused(pot.command("interval 3s"));
        assertEquals("interval refused: at most 5 interval commands at once, then one every 1m (commands.limit.burst,"
                + " commands.limit.every); expected the next in 60 s", sixth.get("error").asText());
        assertEquals(60, sixth.get("next_allowed_in_s").asLong());
        assertEquals("2s", json(pot.command("status")).get("result").get("interval").asText(), "the refused one changed nothing");
        assertTrue(json(pot.command("calibrate wet 1500")).get("ok").asBoolean(), "each kind has its own bucket");
        pot.runFor(MINUTE);
        assertTrue(json(pot.command("interval 3s")).get("ok").asBoolean(), "a minute later, one more");
        refused(pot.command("interval 4s"));
    }
}
