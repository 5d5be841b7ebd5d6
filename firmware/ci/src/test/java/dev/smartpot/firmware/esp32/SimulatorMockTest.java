package dev.smartpot.firmware.esp32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.firmware.board.NvsSettingsStore;

/**
 * The MicroEJ Simulator mocks (firmware/microej/mock) are plain Java: compiled and exercised here so they cannot rot,
 * and checked to offer every native of the firmware's native classes with the same signature and constants. The
 * settings store runs over the NVS mock as it does in the Simulator.
 */
class SimulatorMockTest {

    static final Path MOCK_SOURCES = Path.of(System.getProperty("basedir", "."), "..", "microej", "mock", "src", "main", "java");
    static final List<Class<?>> NATIVE_CLASSES = List.of(Esp32Natives.class, NvsNatives.class, RtcMemoryNatives.class,
            PumpNatives.class);

    @TempDir
    Path out;

    @TempDir
    Path mockDir;

    private void compileMocks() throws Exception {
        compileMocks(out);
    }

    /** Compiles the Simulator mocks into {@code out}. */
    static void compileMocks(Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<java.io.File> sources;
        try (Stream<Path> walk = Files.walk(MOCK_SOURCES)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("--release", "11", "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(sources.toArray(new java.io.File[0]))).call();
        assertTrue(ok, diagnostics::toString);
    }

    /** A fresh Simulator run: the mocks loaded anew (their static state, RTC memory, starts empty). */
    private URLClassLoader simulatorRun() throws Exception {
        return simulatorRun(out);
    }

    /** A fresh Simulator run over the mocks compiled in {@code out}. */
    static URLClassLoader simulatorRun(Path out) throws Exception {
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Test
    void everyNativeHasItsMockWithTheSameSignatureAndConstants() throws Exception {
        compileMocks();
        try (URLClassLoader run = simulatorRun()) {
            for (Class<?> board : NATIVE_CLASSES) {
                Class<?> mock = run.loadClass(board.getName());
                int natives = 0;
                for (Method m : board.getDeclaredMethods()) {
                    if (Modifier.isNative(m.getModifiers())) {
                        natives++;
                        Method twin = mock.getDeclaredMethod(m.getName(), m.getParameterTypes());
                        assertEquals(m.getReturnType(), twin.getReturnType(), board.getSimpleName() + "." + m.getName());
                        assertTrue(Modifier.isStatic(twin.getModifiers()) && Modifier.isPublic(twin.getModifiers()), m.getName());
                    }
                }
                assertTrue(natives > 0, board.getSimpleName());
                for (Field f : board.getDeclaredFields()) {
                    if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
                        assertEquals(f.get(null), mock.getField(f.getName()).get(null), board.getSimpleName() + "." + f.getName());
                    }
                }
            }
        }
    }

    @Test
    void adcMockBehavesLikeTheBoard() throws Exception {
        compileMocks();
        try (URLClassLoader run = simulatorRun()) {
            Class<?> mock = run.loadClass(Esp32Natives.class.getName());
            Method setup = mock.getMethod("adc1Setup", int.class);
            Method read = mock.getMethod("adc1Read", int.class);
            assertEquals(-0x103, read.invoke(null, 34), "read before setup");
            assertEquals(-1, setup.invoke(null, 25), "GPIO 25 is ADC2");
            assertEquals(6, setup.invoke(null, 34));
            int raw = (Integer) read.invoke(null, 34);
            assertTrue(raw >= 1400 && raw <= 3200, "raw " + raw);
            assertEquals(3, setup.invoke(null, 4), "GPIO 4 is ADC1 channel 3 on the S3");
        }
    }

    @Test
    void settingsSavedInTheSimulatorAreWrittenOnlyWhenChangedAndOutliveTheRun() throws Exception {
        compileMocks();
        System.setProperty("smartpot.mock.dir", mockDir.toString());
        try {
            Path file = mockDir.resolve("smartpot-nvs-settings.bin");
            try (URLClassLoader run = simulatorRun()) {
                SettingsStore store = storeOver(run);
                assertNull(store.load(), "nothing saved yet");
                store.save("publish.interval = 10s\n");
                assertEquals("publish.interval = 10s\n", store.load());
                long written = Files.getLastModifiedTime(file).toMillis();
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
                store.save("publish.interval = 10s\n");
                assertEquals(written - 60_000, Files.getLastModifiedTime(file).toMillis(), "the same settings must not be written again");
                store.save("publish.interval = 20s\nsensor.raw.dry = 3100 \u00b0\n");
            }
            try (URLClassLoader nextRun = simulatorRun()) {
                assertEquals("publish.interval = 20s\nsensor.raw.dry = 3100 \u00b0\n", storeOver(nextRun).load(), "after a restart");
                String tooLong = "x".repeat(1025);
                java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                        () -> storeOver(nextRun).save(tooLong));
                assertTrue(e.getMessage().contains("1025 bytes, NVS keeps at most 1024"), e.getMessage());
            }
            assertFalse(Files.exists(mockDir.resolve("smartpot-nvs-settings.bin.new")));
            assertEquals("publish.interval = 20s\nsensor.raw.dry = 3100 \u00b0\n", Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("smartpot.mock.dir");
        }
    }

    @Test
    void rtcMemoryInTheSimulatorSurvivesARestartButNotTheEndOfTheRun() throws Exception {
        compileMocks();
        byte[] state = "boot=3;seq=41".getBytes(StandardCharsets.UTF_8);
        try (URLClassLoader run = simulatorRun()) {
            Class<?> rtc = run.loadClass(RtcMemoryNatives.class.getName());
            Method load = rtc.getMethod("load", byte[].class, int.class);
            Method store = rtc.getMethod("store", byte[].class, int.class);
            byte[] buffer = new byte[(Integer) rtc.getMethod("capacity").invoke(null)];
            assertEquals(-1, load.invoke(null, buffer, buffer.length), "nothing at first boot");
            assertEquals(0, store.invoke(null, state, state.length), "kept the previous copy until done");
            run.loadClass(Esp32Natives.class.getName()).getMethod("restart").invoke(null);
            assertEquals(state.length, load.invoke(null, buffer, buffer.length), "after esp_restart");
            assertEquals("boot=3;seq=41", new String(buffer, 0, state.length, StandardCharsets.UTF_8));
            assertEquals(-1, load.invoke(null, new byte[4], 4), "more than the buffer takes reads as nothing");
            assertEquals(-0x104, store.invoke(null, new byte[6145], 6145), "over capacity");
            assertEquals(state.length, load.invoke(null, buffer, buffer.length), "a refused store keeps the region");
            assertEquals(1, store.invoke(null, new byte[6144], 6144), "two copies do not fit: written over the previous one");
        }
        try (URLClassLoader nextRun = simulatorRun()) {
            Class<?> rtc = nextRun.loadClass(RtcMemoryNatives.class.getName());
            assertEquals(-1, rtc.getMethod("load", byte[].class, int.class).invoke(null, new byte[64], 64), "a power cut loses it");
        }
    }

    @Test
    void theSequenceMarkHasItsOwnKeyWrittenOnlyWhenItChanges() throws Exception {
        compileMocks();
        System.setProperty("smartpot.mock.dir", mockDir.toString());
        try (URLClassLoader run = simulatorRun()) {
            ClassLoader adapters = adapters(run);
            Class<?> store = adapters.loadClass(NvsSettingsStore.class.getName());
            SettingsStore mark = (SettingsStore) store.getMethod("sequenceMark").invoke(null);
            SettingsStore settings = (SettingsStore) store.getMethod("settings").invoke(null);
            assertNull(mark.load(), "no mark yet");
            settings.save("publish.interval = 10s\n");
            assertNull(mark.load(), "the settings are not the mark");
            mark.save("boot = 1\nseq.ceiling = 256\nseq.undelivered = 0\n");
            Path file = mockDir.resolve("smartpot-nvs-seqmark.bin");
            assertEquals("boot = 1\nseq.ceiling = 256\nseq.undelivered = 0\n", Files.readString(file));
            assertEquals("publish.interval = 10s\n", settings.load(), "the mark leaves the settings alone");
            long written = Files.getLastModifiedTime(file).toMillis() - 60_000;
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written));
            mark.save("boot = 1\nseq.ceiling = 256\nseq.undelivered = 0\n");
            assertEquals(written, Files.getLastModifiedTime(file).toMillis(), "the same mark must not be written again");
            mark.save("boot = 2\nseq.ceiling = 512\nseq.undelivered = 300\n");
            assertEquals("boot = 2\nseq.ceiling = 512\nseq.undelivered = 300\n", mark.load());
            Method load = run.loadClass(NvsNatives.class.getName()).getMethod("load", int.class, byte[].class, int.class);
            assertEquals(-0x102, load.invoke(null, 2, new byte[8], 8), "a key the C does not know either");
        } finally {
            System.clearProperty("smartpot.mock.dir");
        }
    }

    @Test
    void deepSleepInTheSimulatorWaitsTheTimeThenReturnsSoMainBuildsTheCoreAgain() throws Exception {
        compileMocks();
        System.setProperty("smartpot.mock.sleep.speedup", "1000");
        try (URLClassLoader run = simulatorRun()) {
            Class<?> natives = run.loadClass(Esp32Natives.class.getName());
            Method deepSleep = natives.getMethod("deepSleep", long.class);
            long start = System.nanoTime();
            assertEquals(0, deepSleep.invoke(null, 300_000_000L), "5 minutes at 1000 times: 300 ms");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 300, "it waited the sleep (shortened): " + waitedMillis + " ms");
            assertEquals(-0x102, deepSleep.invoke(null, -1L), "a negative time is ESP_ERR_INVALID_ARG, as in the C");
            assertEquals(1, natives.getMethod("resetReason").invoke(null), "a Simulator run starts as a power-on");
        } finally {
            System.clearProperty("smartpot.mock.sleep.speedup");
        }
    }

    /** The firmware's NvsSettingsStore for the settings, its natives answered by the mock, as in the Simulator. */
    private SettingsStore storeOver(URLClassLoader run) throws Exception {
        return (SettingsStore) adapters(run).loadClass(NvsSettingsStore.class.getName()).getMethod("settings").invoke(null);
    }

    /**
     * A loader for the firmware's classes (entry point, board adapters) whose natives are the mock's in {@code run}: the
     * firmware's classes are loaded anew, the natives from the Simulator run, the core (interfaces) shared.
     */
    static ClassLoader adapters(URLClassLoader run) {
        return new ClassLoader(SimulatorMockTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("dev.smartpot.firmware.esp32.") && name.endsWith("Natives")) {
                    return run.loadClass(name);
                }
                // Radio is an interface the tests implement: shared, like the core's.
                if ((name.startsWith("dev.smartpot.firmware.board.") && !name.equals("dev.smartpot.firmware.board.Radio"))
                        || name.equals("dev.smartpot.firmware.Main")
                        || name.equals("dev.smartpot.firmware.Settings")) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        if (c == null) {
                            byte[] code;
                            try (var in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                                code = in.readAllBytes();
                            } catch (java.io.IOException e) {
                                throw new ClassNotFoundException(name, e);
                            }
                            c = defineClass(name, code, 0, code.length);
                        }
                        return c;
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
    }
}
