package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of random configuration files, from nearly right to pure noise, through the parser, the reader
 * and the device's rules. Each must end in a valid config or a {@link ConfigException} whose every problem
 * names a place and a fix, never any other exception, and never a secret in a message. Seeded, so a failure
 * prints the seed that reproduces it.
 */
class ConfigFuzzTest {

    private static final int FILES = 4000;
    private static final String[] KEYS = {
        "device.name", "wifi.ssid", "wifi.password", "wifi.join.timeout", "mqtt.broker", "mqtt.topic.publish",
        "mqtt.topic.subscribe", "mqtt.topic.status", "mqtt.keepalive", "mqtt.qos", "mqtt.username", "mqtt.password",
        "mqtt.tls.ca", "mqtt.tls.cert", "mqtt.tls.key", "mqtt.tls.verify_hostname", "mqtt.delivery.check",
        "publish.interval", "payload.format", "queue.capacity", "backoff.min", "backoff.max", "reboot.after",
        "sensor.adc.bits", "sensor.raw.dry", "sensor.raw.wet",
    };
    private static final String[] SECRET_KEYS = {"wifi.password", "mqtt.password", "mqtt.tls.key"};
    private static final String[] SHAPES = {
        "", "0", "1", "-1", "5s", "500ms", "2m", "1h", "0s", "99999h", "9223372036854775807", "99999999999999999999",
        "true", "false", "yes", "maybe", "json", "text", "xml", "tcp://127.0.0.1:1883", "ssl://pi.local", "mqtts://h:0",
        "a,b,,c", "host:65536", "[::1]:1883", "to_mothership/{id}", "a/+/b", "a/#", "#", "a#", "+x", "{id}{id}",
        "YOUR_PASSWORD", "YOUR_SSID", "\u0000", "\uD800", "\uFEFF", "ü€𝄞", "=", ":", "key = value", "\t \t",
    };

    /** Hang guard only: 4,000 files take about a second; a parser stuck in a loop would never finish. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void randomFilesEndInAConfigOrClearProblemsNeverInACrash() {
        long started = System.currentTimeMillis();
        int valid = 0;
        int problems = 0;
        for (int i = 0; i < FILES; i++) {
            long seed = 0x5eed0000L + i;
            Random random = new Random(seed);
            String secret = "Zq" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "x";
            String text = i % 10 == 9 ? noise(random) : file(random, secret);
            try {
                if (check(text, secret, seed)) {
                    valid++;
                } else {
                    problems++;
                }
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + ": " + e + " for input:\n" + text, e);
            }
        }
        System.out.println("config fuzz: " + FILES + " files (" + valid + " valid, " + problems + " with problems) in "
                + (System.currentTimeMillis() - started) + " ms");
        assertTrue(valid > 0 && problems > 0, "the generator reaches both outcomes: " + valid + " valid, " + problems + " refused");
    }

    @Test
    void randomBytesReadAsAFileNeverCrashTheReader() throws IOException {
        for (int i = 0; i < 1000; i++) {
            long seed = 0xb17e5L + i;
            Random random = new Random(seed);
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            ConfigSource source = ConfigSource.read(new ByteArrayInputStream(bytes), "noise.bin");
            ConfigReader reader = new ConfigReader(source);
            DeviceConfig.read(reader);
            try {
                reader.finish();
                fail("seed " + seed + ": random bytes cannot hold the required keys");
            } catch (ConfigException e) {
                for (ConfigProblem p : e.problems()) {
                    assertTrue(p.message().startsWith("noise.bin") && p.message().contains(". Fix: "), p.message());
                }
            }
        }
    }

    /** True if the text is a valid configuration; checks what every outcome must satisfy. */
    private static boolean check(String text, String secret, long seed) {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(text, "fuzz.properties"));
        DeviceConfig config = DeviceConfig.read(reader);
        try {
            reader.finish();
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty(), "seed " + seed);
            for (ConfigProblem p : e.problems()) {
                String m = p.message();
                assertTrue(m.startsWith("fuzz.properties"), "seed " + seed + ": names the file: " + m);
                assertTrue(m.contains(". Fix: ") && !m.endsWith("Fix: "), "seed " + seed + ": says how to fix it: " + m);
                assertFalse(m.contains(secret), "seed " + seed + ": a secret leaked: " + m);
            }
            assertFalse(e.getMessage().contains(secret), "seed " + seed);
            return false;
        }
        assertTrue(config.brokers.length > 0, "seed " + seed);
        for (String broker : config.brokers) {
            assertTrue(broker.startsWith("tcp://") || broker.startsWith("ssl://"), "seed " + seed + ": " + broker);
        }
        assertFalse(config.publishTopicFor("abc").isEmpty() || config.publishTopicFor("abc").contains("#")
                || config.publishTopicFor("abc").contains("+"), "seed " + seed + ": " + config.publishTopic);
        assertTrue(config.backoffMinMillis <= config.backoffMaxMillis, "seed " + seed);
        assertTrue(config.rawDry != config.rawWet, "seed " + seed);
        assertTrue((config.tls.clientCertificate == null) == (config.tls.clientKey == null), "seed " + seed);
        return true;
    }

    /** A file that looks like a settings file: known keys (sometimes misspelt), odd values, odd lines. */
    private static String file(Random random, String secret) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(3) > 0) {
            // Often a valid core, so the rules past "required" are reached too.
            sb.append("wifi.ssid = Net\nmqtt.broker = ").append(random.nextBoolean() ? "10.0.0.1" : "ssl://10.0.0.1").append('\n');
        }
        int lines = random.nextInt(14);
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(10)) {
                case 0:
                    sb.append(random.nextBoolean() ? "# " : "! ").append(junk(random, 30));
                    break;
                case 1:
                    sb.append(junk(random, 40));
                    break;
                case 2:
                    sb.append(misspelt(random, KEYS[random.nextInt(KEYS.length)])).append(" = ").append(value(random));
                    break;
                case 3:
                    sb.append(SECRET_KEYS[random.nextInt(SECRET_KEYS.length)]).append(random.nextBoolean() ? " = " : ": ")
                            .append(random.nextBoolean() ? secret : "YOUR_" + secret);
                    break;
                default:
                    sb.append(random.nextBoolean() ? "" : "  ").append(KEYS[random.nextInt(KEYS.length)])
                            .append(random.nextBoolean() ? " = " : ":").append(value(random));
            }
            sb.append(random.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    private static String value(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return junk(random, 20);
            case 1:
                return SHAPES[random.nextInt(SHAPES.length)] + SHAPES[random.nextInt(SHAPES.length)];
            case 2:
                return Integer.toString(random.nextInt(20000) - 100) + new String[] {"", "ms", "s", "m", "h", "d", "x"}[random.nextInt(7)];
            case 3:
                return "x".repeat(random.nextInt(3) == 0 ? 70000 : random.nextInt(80));
            default:
                return SHAPES[random.nextInt(SHAPES.length)];
        }
    }

    private static String misspelt(Random random, String key) {
        StringBuilder sb = new StringBuilder(key);
        int at = random.nextInt(sb.length());
        if (random.nextBoolean()) {
            sb.deleteCharAt(at);
        } else {
            sb.insert(at, (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** Any UTF-16 code units, lone surrogates and control characters included. */
    private static String junk(Random random, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            sb.append(kind < 6 ? (char) (0x20 + random.nextInt(0x5f)) : kind < 8 ? (char) random.nextInt(0x20) : (char) random.nextInt(0x10000));
        }
        return sb.toString();
    }

    private static String noise(Random random) {
        return junk(random, 2000);
    }
}
