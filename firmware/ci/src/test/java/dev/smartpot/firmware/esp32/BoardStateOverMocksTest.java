package dev.smartpot.firmware.esp32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.board.DeepSleep;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.firmware.board.Esp32DeepSleep;
import dev.smartpot.firmware.board.GpioPump;
import dev.smartpot.firmware.board.Radio;
import dev.smartpot.firmware.board.NvsSettingsStore;
import dev.smartpot.firmware.board.RtcRetainedMemory;

/**
 * The core in deep sleep over the firmware's own adapters, as {@code Main} wires them ({@code RtcRetainedMemory},
 * {@code NvsSettingsStore.sequenceMark()}, {@code Esp32DeepSleep}), their natives answered by the Simulator mocks:
 * the core rebuilt from nothing at every wake keeps its queue, {@code seq} and boot counter in the RTC mock, and a
 * new Simulator run (a power cut: RTC memory gone, NVS kept) carries on above every {@code seq} used and reports
 * what it may have lost. The core's own rules are the device module's tests; this is the wiring.
 */
class BoardStateOverMocksTest {

    private static final String BATTERY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";

    @TempDir
    Path mocks;

    @TempDir
    Path nvs;

    private final List<Long> seqs = new ArrayList<>();
    /** WiFi stops (esp_wifi_stop through the network interface) asked by the deep sleeps. */
    private final java.util.concurrent.atomic.AtomicInteger radioStops = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void simulatorProperties() throws Exception {
        SimulatorMockTest.compileMocks(mocks);
        System.setProperty("smartpot.mock.dir", nvs.toString());
        // 15 minutes of deep sleep pass in under a millisecond.
        System.setProperty("smartpot.mock.sleep.speedup", "1000000000");
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("smartpot.mock.dir");
        System.clearProperty("smartpot.mock.sleep.speedup");
    }

    /** The board's adapters in one Simulator run (RTC memory lasts as long as the run). */
    private final class Adapters {
        final RetainedMemory rtc;
        final SettingsStore mark;
        final ClassLoader loader;

        Adapters(URLClassLoader run) throws Exception {
            loader = SimulatorMockTest.adapters(run);
            rtc = (RetainedMemory) loader.loadClass(RtcRetainedMemory.class.getName()).getConstructor().newInstance();
            mark = (SettingsStore) loader.loadClass(NvsSettingsStore.class.getName()).getMethod("sequenceMark").invoke(null);
        }

        DeepSleep deepSleep(Log log, Sleeper awake) throws Exception {
            return deepSleep(log, awake, radioStops::incrementAndGet, null);
        }

        /** @param pump a GpioPump of this loader, or null */
        DeepSleep deepSleep(Log log, Sleeper awake, Radio radio, Object pump) throws Exception {
            return (DeepSleep) loader.loadClass(Esp32DeepSleep.class.getName()).getConstructor(Log.class, Sleeper.class,
                    Radio.class, loader.loadClass(GpioPump.class.getName()), long.class).newInstance(log, awake, radio, pump, 30_000L);
        }
    }

    /** One wake: a fresh core (and a fresh uptime clock, as after a boot) on the same board adapters. */
    private TestPot wake(Adapters board) throws Exception {
        ListLog sleepLog = new ListLog();
        List<Long> awakeWaits = new ArrayList<>();
        Sleeper awake = new Sleeper() {
            public void sleep(long millis) {
                awakeWaits.add(millis);
            }

            public void wake() {
            }
        };
        TestPot pot = new TestPot(BATTERY, new MemorySettingsStore(), false, board.rtc, board.mark, board.deepSleep(sleepLog, awake));
        pot.node.run();
        assertEquals(List.of(), awakeWaits, "the mock's deep sleep is taken, not the awake fallback: " + sleepLog.all());
        seqs.addAll(pot.publishedSeqs());
        published.addAll(pot.readings());
        return pot;
    }

    @Test
    void wakesKeepQueueSeqAndBootInRtcMemoryAndAPowerCutCarriesOnFromTheNvsMark() throws Exception {
        TestPot last = null;
        try (URLClassLoader run = SimulatorMockTest.simulatorRun(mocks)) {
            Adapters board = new Adapters(run);
            for (int i = 0; i < 10; i++) {
                last = wake(board);
            }
        }
        assertEquals(1, last.node.boot(), "a wake from deep sleep is not a reset");
        assertEquals(10, radioStops.get(), "every deep sleep stopped WiFi first (esp_wifi_stop, as ESP-IDF's sleep guide asks)");
        assertEquals(10, last.node.readingsTaken());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), seqs, "published at the first boot and every 4th wake, in order");
        assertEquals(1, last.node.queuedReadings(), "reading 9 waits in RTC memory for the next publishing wake");
        assertTrue(Files.readString(nvs.resolve("smartpot-nvs-seqmark.bin")).contains("boot = 1\nseq.ceiling = 256\n"),
                "the mark in its own NVS key");

        try (URLClassLoader nextRun = SimulatorMockTest.simulatorRun(mocks)) {
            TestPot after = wake(new Adapters(nextRun));
            assertEquals(2, after.node.boot(), "RTC memory is gone, the boot counter comes from the NVS mark");
            assertTrue(after.log.all().contains("retained memory was lost (a power cut): boot 2, seq from 256"), after.log.all());
            assertEquals(256L, seqs.get(seqs.size() - 1), "seq carries on above every seq used");
            assertTrue(published.get(published.size() - 1).contains("\"dropped\":"), published.get(published.size() - 1));
        }
    }

    @Test
    void rtcRetainedMemoryRefusesMoreThanTheRegionNamingTheSetting() throws Exception {
        try (URLClassLoader run = SimulatorMockTest.simulatorRun(mocks)) {
            RetainedMemory rtc = new Adapters(run).rtc;
            assertEquals(6144, rtc.capacity());
            byte[] buffer = new byte[rtc.capacity()];
            assertEquals(RetainedMemory.NOTHING, rtc.load(buffer), "nothing at the first power-up");
            rtc.store(new byte[] {1, 2, 3}, 3);
            assertEquals(3, rtc.load(buffer));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rtc.store(new byte[6145], 6145));
            assertTrue(e.getMessage().contains("RTC memory holds 6144 bytes, asked to store 6145 (SMARTPOT_RTC_CAPACITY"),
                    e.getMessage());
            assertEquals(3, rtc.load(buffer), "a refused store keeps what was there");
        }
    }

    @Test
    void mainGivesEveryBootRtcMemoryTheNvsMarkAndDeepSleep() throws Exception {
        String battery = "board.name = esp-wrover-kit\nwifi.ssid = Garden\nmqtt.broker = 192.168.1.10\n" + BATTERY;
        try (URLClassLoader run = SimulatorMockTest.simulatorRun(mocks)) {
            ClassLoader firmware = SimulatorMockTest.adapters(run);
            Class<?> settingsClass = firmware.loadClass("dev.smartpot.firmware.Settings");
            Object settings = settingsClass.getMethod("read", java.io.InputStream.class, String.class)
                    .invoke(null, new java.io.ByteArrayInputStream(battery.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "board.properties");
            Adapters board = new Adapters(run);
            SettingsStore settingsStore = (SettingsStore) firmware.loadClass(NvsSettingsStore.class.getName()).getMethod("settings").invoke(null);
            Class<?> sleeper = firmware.loadClass("dev.smartpot.firmware.board.MonitorSleeper");
            Class<?> pumpClass = firmware.loadClass(GpioPump.class.getName());
            java.lang.reflect.Method boardFor = firmware.loadClass("dev.smartpot.firmware.Main").getDeclaredMethod("boardForOneBoot",
                    settingsClass, Log.class, RetainedMemory.class, SettingsStore.class, SettingsStore.class, sleeper, pumpClass,
                    firmware.loadClass("dev.smartpot.firmware.board.UartConsole"),
                    firmware.loadClass("dev.smartpot.firmware.board.Esp32BootReport"));
            boardFor.setAccessible(true);
            dev.smartpot.device.board.Board b = (dev.smartpot.device.board.Board) boardFor.invoke(null, settings, new ListLog(),
                    board.rtc, settingsStore, board.mark, sleeper.getConstructor().newInstance(), null,
                    firmware.loadClass("dev.smartpot.firmware.board.UartConsole").getConstructor(Log.class).newInstance(new ListLog()),
                    null);
            assertTrue(b.retainedMemory == board.rtc && b.markStore == board.mark && b.settingsStore == settingsStore,
                    "the board's RTC memory and both NVS keys");
            assertEquals(Esp32DeepSleep.class.getName(), b.deepSleep.getClass().getName());
            assertEquals(6144, b.retainedMemory.capacity());
            assertEquals(null, b.pump, "no pump.pin: no pump");
            assertEquals("dev.smartpot.firmware.board.UartConsole", b.console.getClass().getName(), "the serial console");
        }
    }

    @Test
    void aDeepSleepTheChipRefusesIsSaidAndWaitedOutAwake(@TempDir Path refusing) throws Exception {
        // A board whose esp_sleep_enable_timer_wakeup says ESP_ERR_INVALID_ARG: the native returns instead of sleeping.
        Path source = refusing.resolve("src/dev/smartpot/firmware/esp32/Esp32Natives.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package dev.smartpot.firmware.esp32;\n"
                + "public final class Esp32Natives {\n"
                + "  public static int deepSleep(long micros) { return -0x102; }\n"
                + "  public static String describeError(int r) { return \"esp_err_t 0x\" + Integer.toHexString(-r); }\n"
                + "}\n");
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "--release", "11", "-d", refusing.resolve("classes").toString(), source.toString()));
        try (URLClassLoader run = new URLClassLoader(new java.net.URL[] {refusing.resolve("classes").toUri().toURL(),
                mocks.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            ListLog log = new ListLog();
            List<Long> awake = new ArrayList<>();
            DeepSleep sleep = new Adapters(run).deepSleep(log, new Sleeper() {
                public void sleep(long millis) {
                    awake.add(millis);
                }

                public void wake() {
                }
            });
            sleep.sleep(900_000);
            assertEquals(List.of(900_000L), awake, "the time is waited out awake, so the next wake is on time");
            assertTrue(log.all().contains("deep sleep refused (esp_err_t 0x102): waiting 900000 ms awake instead"), log.all());
        }
    }
}
