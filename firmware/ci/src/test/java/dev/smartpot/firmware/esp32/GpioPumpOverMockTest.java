package dev.smartpot.firmware.esp32;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.board.DeepSleep;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Pump;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.firmware.board.Esp32DeepSleep;
import dev.smartpot.firmware.board.GpioPump;
import dev.smartpot.firmware.board.Radio;

/**
 * The firmware's pump as {@code Main} wires it, its natives answered by the Simulator mock (whose timer thread plays
 * ESP-IDF's esp_timer task): the pin driven off at boot before anything else, an amount turned into a run time at the
 * pump's flow and capped by {@code pump.max.run}, a second watering refused while the first runs, and a deep sleep that
 * lets a watering end before it stops WiFi and powers the chip down. The stop with the VM gone is the C test's
 * ({@code NativeCSourceTest}).
 */
class GpioPumpOverMockTest {

    private static final String BOARD = "board.name = esp-wrover-kit\nwifi.ssid = Garden\nmqtt.broker = 192.168.1.10\n";

    @TempDir
    Path mocks;

    private Object settings(ClassLoader firmware, String extra) throws Exception {
        Class<?> settingsClass = firmware.loadClass("dev.smartpot.firmware.Settings");
        return settingsClass.getMethod("read", java.io.InputStream.class, String.class)
                .invoke(null, new ByteArrayInputStream((BOARD + extra).getBytes(StandardCharsets.UTF_8)), "board.properties");
    }

    private Object pumpSwitchedOff(ClassLoader firmware, Object settings, Log log) throws Exception {
        Method m = firmware.loadClass("dev.smartpot.firmware.Main").getDeclaredMethod("pumpSwitchedOff", settings.getClass(), Log.class);
        m.setAccessible(true);
        return m.invoke(null, settings, log);
    }

    private static boolean running(Object pump) throws Exception {
        return (Boolean) pump.getClass().getMethod("isRunning").invoke(pump);
    }

    @Test
    void aBoardWithoutPumpPinHasNoPump() throws Exception {
        SimulatorMockTest.compileMocks(mocks);
        try (URLClassLoader run = SimulatorMockTest.simulatorRun(mocks)) {
            ClassLoader firmware = SimulatorMockTest.adapters(run);
            assertNull(pumpSwitchedOff(firmware, settings(firmware, ""), new ListLog()));
        }
    }

    @Test
    void theAmountBecomesARunTimeAtTheFlowCappedByTheMaximumAndOneWateringRunsAtATime() throws Exception {
        SimulatorMockTest.compileMocks(mocks);
        try (URLClassLoader run = SimulatorMockTest.simulatorRun(mocks)) {
            ClassLoader firmware = SimulatorMockTest.adapters(run);
            ListLog log = new ListLog();
            Pump pump = (Pump) pumpSwitchedOff(firmware, settings(firmware, "pump.pin = 27\npump.flow.ml_per_min = 60000\n"), log);
            assertNotNull(pump, log.all());
            assertEquals(false, running(pump), "off at boot");

            pump.water(150, 30_000);
            assertTrue(log.all().contains("pump on for 150 ms (150 ml at 60000 ml/min); the hardware timer stops it"), log.all());
            IOException busy = assertThrows(IOException.class, () -> pump.water(10, 30_000));
            assertEquals("the pump is still running from the last watering", busy.getMessage());
            await().atMost(Duration.ofSeconds(10)).until(() -> !running(pump));

            pump.water(5000, 200);
            assertTrue(log.all().contains("pump on for 200 ms (5000 ml at 60000 ml/min)"), "capped by pump.max.run: " + log.all());
            await().atMost(Duration.ofSeconds(10)).until(() -> !running(pump));
        }
    }

    @Test
    void aDeepSleepLetsTheWateringEndThenStopsWifiThenSleeps() throws Exception {
        SimulatorMockTest.compileMocks(mocks);
        System.setProperty("smartpot.mock.sleep.speedup", "1000000000");
        try (URLClassLoader run = SimulatorMockTest.simulatorRun(mocks)) {
            ClassLoader firmware = SimulatorMockTest.adapters(run);
            ListLog log = new ListLog();
            Object pump = pumpSwitchedOff(firmware, settings(firmware, "pump.pin = 27\npump.flow.ml_per_min = 60000\n"), log);
            ((Pump) pump).water(300, 30_000);
            List<String> order = new ArrayList<>();
            Radio radio = () -> {
                try {
                    order.add("WiFi stopped, pump " + (running(pump) ? "running" : "off"));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            Sleeper realTime = new Sleeper() {
                public void sleep(long millis) {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                public void wake() {
                }
            };
            DeepSleep sleep = (DeepSleep) firmware.loadClass(Esp32DeepSleep.class.getName()).getConstructor(Log.class, Sleeper.class,
                    Radio.class, firmware.loadClass(GpioPump.class.getName()), long.class).newInstance(log, realTime, radio, pump, 30_000L);
            sleep.sleep(900_000);
            assertEquals(List.of("WiFi stopped, pump off"), order);
            assertTrue(log.all().contains("for the pump's watering to end"), log.all());
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        } finally {
            System.clearProperty("smartpot.mock.sleep.speedup");
        }
    }
}
