package dev.smartpot.firmware.esp32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MicroEJ simulator mock (firmware/microej/mock) is plain Java: compiled and exercised here so it cannot rot,
 * and checked to offer every native of the firmware's Esp32Natives with the same signature.
 */
class SimulatorMockTest {

    static final Path MOCK_SOURCE = Path.of(System.getProperty("basedir", "."), "..", "microej", "mock", "src", "main", "java",
            "dev", "smartpot", "firmware", "esp32", "Esp32Natives.java");

    @TempDir
    Path out;

    @Test
    void mockImplementsEveryNativeAndBehavesLikeTheBoard() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("--release", "11", "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(MOCK_SOURCE.toFile())).call();
        assertTrue(ok, diagnostics::toString);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> mock = loader.loadClass("dev.smartpot.firmware.esp32.Esp32Natives");
            for (Method m : Esp32Natives.class.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isNative(m.getModifiers())) {
                    Method twin = mock.getDeclaredMethod(m.getName(), m.getParameterTypes());
                    assertEquals(m.getReturnType(), twin.getReturnType(), m.getName());
                    assertTrue(java.lang.reflect.Modifier.isStatic(twin.getModifiers()), m.getName());
                }
            }
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
}
