package dev.smartpot.firmware.esp32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.testkit.RequiredTool;

/**
 * firmware/ci/check-natives-with-idf.sh itself, over an ESP-IDF 5 tree laid out as the real one (components/.../include)
 * with the stub headers, whose esp_attr.h behaves as v5.0.1's: RTC_NOINIT_ATTR is a section only when sdkconfig.h says
 * the chip has RTC memory (CONFIG_SOC_RTC_SLOW_MEM_SUPPORTED). The script generates sdkconfig.h from the sdkconfig it is
 * given, passes with an S3-like one, fails naming .bss with a 4.3-like one (CRLF line ends, as the WROVER VEE Port's),
 * and refuses to run without one. Against the real headers it is run by hand (docs/esp32.md).
 */
class NativesCheckScriptTest {

    static final Path BASE = Path.of(System.getProperty("basedir", "."));
    static final Path SCRIPT = BASE.resolve("check-natives-with-idf.sh");
    static final Path STUBS = BASE.resolve("src/test/c");

    @TempDir
    Path tmp;

    private Path idf;

    @BeforeEach
    void esp32Idf5Tree() throws IOException {
        RequiredTool.GCC.path();
        RequiredTool.OBJDUMP.path();
        idf = tmp.resolve("esp-idf");
        copy("common/nvs.h", "nvs_flash/include/nvs.h");
        copy("common/esp_err.h", "esp_common/include/esp_err.h");
        copy("idf5/esp_idf_version.h", "esp_common/include/esp_idf_version.h");
        copy("common/esp_system.h", "esp_system/include/esp_system.h");
        copy("idf5/esp_sleep.h", "esp_hw_support/include/esp_sleep.h");
        copy("idf5/esp_adc/adc_oneshot.h", "esp_adc/include/esp_adc/adc_oneshot.h");
        copy("common/driver/gpio.h", "driver/include/driver/gpio.h");
        copy("common/esp_timer.h", "esp_timer/include/esp_timer.h");
        Files.writeString(idf.resolve("components/esp_common/include/esp_attr.h"), String.join("\n",
                "/* As ESP-IDF v5.0.1's esp_attr.h: RTC_NOINIT_ATTR is empty on a chip sdkconfig.h gives no RTC memory. */",
                "#ifndef ESP_ATTR_H", "#define ESP_ATTR_H", "#include \"sdkconfig.h\"",
                "#if CONFIG_SOC_RTC_FAST_MEM_SUPPORTED || CONFIG_SOC_RTC_SLOW_MEM_SUPPORTED",
                "#define RTC_NOINIT_ATTR __attribute__((section(\".rtc_noinit.0\")))", "#else", "#define RTC_NOINIT_ATTR", "#endif",
                "#endif", ""));
    }

    private void copy(String stub, String component) throws IOException {
        Path target = idf.resolve("components").resolve(component);
        Files.createDirectories(target.getParent());
        Files.copy(STUBS.resolve(stub), target);
    }

    private int exit;

    private String check(String... sdkconfigs) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString(), idf.toString()));
        command.addAll(List.of(sdkconfigs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        exit = p.exitValue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anS3SdkconfigPutsTheRegionInRtcNoinitWhereAnEmptySdkconfigWouldNot() throws Exception {
        Path s3 = tmp.resolve("sdkconfig_ota_systemview");
        Files.writeString(s3, "CONFIG_SOC_RTC_FAST_MEM_SUPPORTED=y\nCONFIG_SOC_RTC_SLOW_MEM_SUPPORTED=y\nCONFIG_IDF_TARGET=\"esp32s3\"\n"
                + "CONFIG_IDF_TARGET_ESP32S3=y\n# CONFIG_ULP_COPROC_ENABLED is not set\nCONFIG_ESP_CONSOLE_UART_NUM=0\n");
        String out = check(s3.toString());
        assertEquals(0, exit, out);
        assertTrue(out.contains("== esp32s3: sdkconfig.h generated from " + s3 + " (5 options)"), out);
        assertTrue(out.contains("ok   smartpot_rtc_region is in .rtc_noinit.0"), out);
        assertTrue(out.contains("(for comparison, with an empty sdkconfig.h it would be in .bss)"), out);
        assertTrue(out.contains("checks passed: 76"), out);
        assertTrue(out.contains("ok   (ESP-IDF major version 5: ADC oneshot driver)"), out);
    }

    @Test
    void aSdkconfigWithoutRtcMemoryFailsNamingWhereTheRegionWentAndCrlfIsRead() throws Exception {
        Path old = tmp.resolve("wrover-sdkconfig");
        Files.writeString(old, "CONFIG_IDF_CMAKE=y\r\nCONFIG_IDF_TARGET=\"esp32\"\r\nCONFIG_IDF_TARGET_ESP32=y\r\n");
        String out = check(old.toString());
        assertEquals(1, exit, out);
        assertTrue(out.contains("== esp32: sdkconfig.h generated from " + old + " (3 options)"), out);
        assertTrue(out.contains("FAIL smartpot_rtc_region is in .bss, not .rtc_noinit: RTC_NOINIT_ATTR expanded to nothing"), out);
        assertTrue(out.contains("FAILED: see the FAIL lines above"), out);
    }

    @Test
    void withoutASdkconfigItRefusesToRunSayingWhy() throws Exception {
        String out = check();
        assertEquals(2, exit, out);
        assertTrue(out.contains("Without one, sdkconfig.h would be empty and prove nothing about where the RTC region lives."), out);
        Path notOne = tmp.resolve("notes.txt");
        Files.writeString(notOne, "hello\n");
        out = check(notOne.toString());
        assertEquals(2, exit, out);
        assertTrue(out.contains(notOne + " is not an ESP-IDF sdkconfig (no CONFIG_IDF_TARGET line)"), out);
    }
}
