package dev.smartpot.firmware.esp32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.testkit.RequiredTool;

/**
 * Compiles our C natives with the host gcc against stub ESP-IDF and SNI headers (src/test/c), links them with fakes
 * and runs their checks: firmware/microej/bsp/smartpot_natives.c once for the ESP-IDF 5 oneshot driver and once for
 * the 4.x legacy driver (pins and errors as the Java side expects; restart, reset reason, and the deep sleep that
 * arms the RTC timer and never returns), and smartpot_store_natives.c (settings and the sequence mark written to NVS
 * under their own keys only when they change, the RTC region's magic and CRC, a reset at every write of a store). The stubs mirror the declarations of ESP-IDF v4.3.2 and
 * v5.0.1 (each names its source); firmware/ci/check-natives-with-idf.sh runs the same against a real ESP-IDF checkout.
 */
class NativeCSourceTest {

    static final Path BASE = Path.of(System.getProperty("basedir", "."));
    static final Path C_SOURCE = BASE.resolve("../microej/bsp/smartpot_natives.c");
    static final Path STORE_SOURCE = BASE.resolve("../microej/bsp/smartpot_store_natives.c");
    static final Path PUMP_SOURCE = BASE.resolve("../microej/bsp/smartpot_pump_natives.c");
    static final Path STUBS = BASE.resolve("src/test/c");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"idf5", "idf4"})
    void compilesLinksAndMapsPins(String idf) throws Exception {
        Path exe = tmp.resolve("natives_" + idf);
        String out = run(List.of(RequiredTool.GCC.path(), "-std=c99", "-Wall", "-Wextra", "-Werror",
                "-I" + STUBS.resolve("common"), "-I" + STUBS.resolve(idf), "-o", exe.toString(),
                C_SOURCE.toString(), STUBS.resolve(idf + "/fake_idf.c").toString(), STUBS.resolve("common/fake_system.c").toString(),
                STUBS.resolve("common/natives_test.c").toString()), 0);
        Path typed = tmp.resolve("typed.txt");
        Files.writeString(typed, "water 50\r\nstatus\n");
        String result = run(List.of(exe.toString()), -1, typed);
        assertEquals(0, lastExit, "natives test failed:\n" + out + result);
        assertTrue(result.contains("ok   deepSleep(15 min) arms the timer and sleeps, never returning")
                && result.contains("ok   a timer ESP-IDF refuses: returns its -esp_err_t, no sleep") && !result.contains("FAIL"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"idf5", "idf4"})
    void storeNativesWriteEachKeyOnlyWhenChangedAndKeepAWholeRtcCopyThroughAnyReset(String idf) throws Exception {
        Path exe = tmp.resolve("store_natives_" + idf);
        String out = run(List.of(RequiredTool.GCC.path(), "-std=c99", "-Wall", "-Wextra", "-Werror", "-DSMARTPOT_RTC_TEST_HOOKS",
                "-I" + STUBS.resolve("common"), "-I" + STUBS.resolve(idf), "-I" + STORE_SOURCE.getParent(), "-o", exe.toString(),
                STORE_SOURCE.toString(), STUBS.resolve("common/fake_nvs.c").toString(),
                STUBS.resolve("common/store_natives_test.c").toString()), 0);
        String result = run(List.of(exe.toString()), -1);
        assertEquals(0, lastExit, "store natives test failed:\n" + out + result);
        assertTrue(result.contains("ok   the same text again is not written") && result.contains("ok   mark: the same again is not written")
                && result.contains("ok   a reading added (100 -> 104 bytes): the previous copy survives every reset before the end")
                && !result.contains("FAIL"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"idf5", "idf4"})
    void thePumpsTimerSwitchesThePinOffWithTheVmGoneAndEveryBootForcesItOffFirst(String idf) throws Exception {
        Path exe = tmp.resolve("pump_natives_" + idf);
        String out = run(List.of(RequiredTool.GCC.path(), "-std=c99", "-Wall", "-Wextra", "-Werror",
                "-I" + STUBS.resolve("common"), "-I" + STUBS.resolve(idf), "-o", exe.toString(),
                PUMP_SOURCE.toString(), STUBS.resolve("common/fake_pump_idf.c").toString(),
                STUBS.resolve("common/pump_natives_test.c").toString()), 0);
        String result = run(List.of(exe.toString()), -1);
        assertEquals(0, lastExit, "pump natives test failed:\n" + out + result);
        assertTrue(result.contains("ok   VM gone, 5 s later: the timer task switched the pin off: got 0, want 0")
                && result.contains("ok     the off level latched before the pin became an output")
                && result.contains("ok     the old timer disarmed: it never fires")
                && result.contains("ok     the pin never switched on") && !result.contains("FAIL"), result);
    }

    private int lastExit;

    private String run(List<String> command, int expect) throws IOException, InterruptedException {
        return run(command, expect, null);
    }

    /** @param stdin a file the process reads as its standard input (the serial console's bytes), or null */
    private String run(List<String> command, int expect, Path stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process p = builder.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        lastExit = p.exitValue();
        if (expect >= 0) {
            assertEquals(expect, lastExit, () -> String.join(" ", command) + "\n" + text);
        }
        return text;
    }
}
