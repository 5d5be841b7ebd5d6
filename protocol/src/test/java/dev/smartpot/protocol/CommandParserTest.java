package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

public class CommandParserTest {

    private final CommandParser parser = new CommandParser(4095);

    private boolean parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, b.length);
    }

    @Test
    void readsEveryCommandWhateverTheCaseAndSpacing() {
        assertTrue(parse("received"));
        assertEquals(CommandParser.RECEIVED, parser.command());
        assertTrue(parse("  Read\r\n"));
        assertEquals(CommandParser.READ, parser.command());
        assertTrue(parse("STATUS"));
        assertEquals(CommandParser.STATUS, parser.command());
        assertTrue(parse("reboot"));
        assertEquals(CommandParser.REBOOT, parser.command());
        assertTrue(parse("help"));
        assertEquals(CommandParser.HELP, parser.command());
    }

    @Test
    void intervalsTakeTheConfigsUnitsAndRange() {
        assertTrue(parse("interval 30s"));
        assertEquals(CommandParser.INTERVAL, parser.command());
        assertEquals(30_000, parser.value());
        assertTrue(parse("interval\t500ms"));
        assertEquals(500, parser.value());
        assertTrue(parse("interval 2MIN"));
        assertEquals(120_000, parser.value());
        assertTrue(parse("interval 1h"));
        assertEquals(3_600_000, parser.value());
        assertFalse(parse("interval 99ms"));
        assertFalse(parse("interval 61m"));
        assertFalse(parse("interval 99999h"));
        assertFalse(parse("interval 9999999999999s"));
        assertFalse(parse("interval -5s"));
        assertFalse(parse("interval 5"));
        assertTrue(parser.error().contains("(units ms, s, m, h)"), parser.error());
    }

    @Test
    void calibrateTakesDryOrWetAndOptionalCounts() {
        assertTrue(parse("calibrate dry"));
        assertEquals(CommandParser.CALIBRATE, parser.command());
        assertEquals(CommandParser.DRY, parser.target());
        assertEquals(-1, parser.value(), "read the sensor");
        assertTrue(parse("calibrate WET 1500"));
        assertEquals(CommandParser.WET, parser.target());
        assertEquals(1500, parser.value());
        assertFalse(parse("calibrate wet 0"));
        assertFalse(parse("calibrate wet 4095"));
        assertFalse(parse("calibrate wet 1e3"));
    }

    @Test
    void waterDefaultsTo100Millilitres() {
        assertTrue(parse("water"));
        assertEquals(100, parser.value());
        assertTrue(parse("water 250"));
        assertEquals(250, parser.value());
        assertFalse(parse("water 2001"));
        assertFalse(parse("water lots"));
    }

    @Test
    void emptyIsNothingToAnswerAndEverythingElseSaysWhatWasExpected() {
        assertFalse(parse(""));
        assertNull(parser.error());
        assertFalse(parse(" \t\r\n"));
        assertNull(parser.error());
        assertFalse(parse("a b c d"));
        assertTrue(parser.error().startsWith("command has more than 3 words; expected one of:"), parser.error());
        assertFalse(parse("wassap!"));
        assertEquals("unknown command \"wassap!\"; expected one of: " + CommandParser.USAGE, parser.error());
        assertFalse(parse("x".repeat(100)));
        assertTrue(parser.error().contains("\"" + "x".repeat(32) + "...\""), "long words are shortened: " + parser.error());
        assertFalse(parse("stat\u00fcs"));
        assertTrue(parser.error().startsWith("command is not plain text (byte 0xc3 at 4)"), parser.error());
        assertFalse(parser.parse(null, 300), "an oversized payload is judged by its size alone");
        assertTrue(parser.error().startsWith("command is 300 bytes; expected at most 256"), parser.error());
    }

    /**
     * Thousands of random payloads, from pure noise to near-misses of real commands: the parser never throws,
     * and every payload is either a command with sane values, empty, or an error that says what was expected.
     */
    @Test
    void fuzzNeverThrowsAndAlwaysExplains() {
        Random random = new Random(20240611L);
        String[] seeds = {"received", "read", "interval 30s", "interval 0", "calibrate dry", "calibrate wet 1500", "water 200",
                "status", "reboot", "help", "interval 99999h"};
        int commands = 0;
        int errors = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = payload(random, seeds);
            boolean ok = parser.parse(payload, payload.length);
            if (ok) {
                commands++;
                assertNull(parser.error());
                assertTrue(parser.command() >= CommandParser.RECEIVED && parser.command() <= CommandParser.HELP);
                if (parser.command() == CommandParser.INTERVAL) {
                    assertTrue(parser.value() >= CommandParser.MIN_INTERVAL_MILLIS && parser.value() <= CommandParser.MAX_INTERVAL_MILLIS,
                            "interval " + parser.value());
                }
                if (parser.command() == CommandParser.CALIBRATE) {
                    assertTrue(parser.value() == -1 || (parser.value() >= 1 && parser.value() < 4095));
                }
            } else if (parser.error() != null) {
                errors++;
                assertTrue(parser.error().contains("expected"), parser.error());
                assertTrue(parser.error().length() < 400, "errors stay short: " + parser.error().length());
            } else {
                assertTrue(new String(payload, StandardCharsets.ISO_8859_1).isBlank(), "only blank payloads go unanswered");
            }
        }
        assertTrue(commands > 1_000 && errors > 10_000, commands + " commands, " + errors + " errors");
    }

    /** A random payload: noise, a mutated real command, or one glued to junk, sometimes over the size limit. */
    public static byte[] payload(Random random, String[] seeds) {
        switch (random.nextInt(4)) {
            case 0: {
                byte[] noise = new byte[random.nextInt(random.nextInt(10) == 0 ? 2_000 : 40)];
                random.nextBytes(noise);
                return noise;
            }
            case 1: {
                byte[] b = seeds[random.nextInt(seeds.length)].getBytes(StandardCharsets.US_ASCII);
                for (int flips = random.nextInt(3); flips > 0 && b.length > 0; flips--) {
                    b[random.nextInt(b.length)] = (byte) (32 + random.nextInt(95));
                }
                return b;
            }
            case 2: {
                String s = seeds[random.nextInt(seeds.length)];
                String junk = random.nextBoolean() ? " " + random.nextInt() : random.nextBoolean() ? "  \t" : " " + "9".repeat(random.nextInt(20));
                return (random.nextBoolean() ? s.toUpperCase() : s + junk).getBytes(StandardCharsets.US_ASCII);
            }
            default:
                return seeds[random.nextInt(seeds.length)].getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void theMothershipTellsAWateringFromItsFirstWordAndTheAmountFromTheGrammar() {
        assertTrue(parser.parse("water 0000100"));
        assertEquals(CommandParser.WATER, parser.command());
        assertEquals(100, parser.value());
        assertTrue(parser.hasAmount());
        assertTrue(parser.parse(" WATER "));
        assertFalse(parser.hasAmount(), "the mothership's own amount applies");
        assertFalse(parser.parse("water 2001"));
        assertTrue(parser.firstWordIs(CommandParser.WATER_WORD), "still a watering, refused with the grammar's reason");
        assertTrue(parser.error().contains("1 to " + CommandParser.MAX_WATER_ML), parser.error());
        assertFalse(parser.parse("wassap!"));
        assertFalse(parser.firstWordIs(CommandParser.WATER_WORD));
        assertEquals("water 150", CommandParser.water(150));
    }
}
