package dev.smartpot.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * The board's use of MicroPaho stays inside what was seen in projects built on it
 * (src/test/resources/micropaho/micropaho-members.txt): every call the firmware's bytecode makes is listed, the
 * UNCONFIRMED ones are made only by MicroPahoUnconfirmedCalls, and its confirmed-only twin (built with
 * -PmicropahoConfirmedOnly=true) compiles, calls none of them, and makes the transport say so at start.
 */
class MicroPahoApiTest {

    static final String PAHO = "org/eclipse/paho/client/mqttv3/";
    static final Path BASE = Path.of(System.getProperty("basedir", "."));
    static final Path CLASSES = BASE.resolve("target/classes");
    static final Path TWIN = BASE.resolve("../microej/src/micropaho-confirmed-only/java/dev/smartpot/firmware/mqtt/MicroPahoUnconfirmedCalls.java");
    static final String UNCONFIRMED_CALLER = "dev/smartpot/firmware/mqtt/MicroPahoUnconfirmedCalls";

    @Test
    void everyMicroPahoCallIsListedAndTheUnconfirmedOnesStayInOneClass() throws IOException {
        Map<String, String> status = members();
        List<String> problems = new ArrayList<>();
        List<String[]> calls = callsIn(CLASSES);
        assertTrue(calls.size() > 10, "expected the firmware's MicroPaho calls, found " + calls.size());
        for (String[] call : calls) {
            String s = status.get(call[1]);
            if (s == null) {
                problems.add(call[0] + " calls " + call[1] + ", which micropaho-members.txt does not list: find where"
                        + " MicroPaho users call it, and list it with the source");
            } else if (s.equals("UNCONFIRMED") && !call[0].equals(UNCONFIRMED_CALLER)) {
                problems.add(call[0] + " calls the UNCONFIRMED " + call[1] + ": move the call into MicroPahoUnconfirmedCalls"
                        + " and give its confirmed-only twin a fallback");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        long unconfirmedCalled = calls.stream().filter(c -> "UNCONFIRMED".equals(status.get(c[1]))).count();
        assertTrue(unconfirmedCalled >= 5, "MicroPahoUnconfirmedCalls should make the unconfirmed calls; found " + unconfirmedCalled);
    }

    @Test
    void theConfirmedOnlyTwinCallsNothingUnconfirmedAndTheTransportSaysWhatItLacks(@TempDir Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null,
                List.of("--release", "8", "-Xlint:-options", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(TWIN.toFile())).call();
        assertTrue(ok, diagnostics::toString);

        Map<String, String> status = members();
        for (String[] call : callsIn(out)) {
            assertEquals("MATCH", status.get(call[1]), "the confirmed-only twin calls " + call[1]);
        }

        try (URLClassLoader twinFirst = new TwinFirst(new URL[] {out.toUri().toURL(), CLASSES.toUri().toURL()})) {
            ListLog log = new ListLog();
            MqttTransport t = (MqttTransport) twinFirst.loadClass(MicroPahoMqttTransport.class.getName())
                    .getConstructor(Log.class).newInstance(log);
            assertEquals(1, log.count("WARN this firmware was built for a MicroPaho without setWill"), log.all());
            assertTrue(log.has("no last will is set") && log.has("subscriptions last until the next connect"), log.all());
            // Connecting with a will and publishing retained reach MicroPaho (the stand-in refuses every connect)
            // without touching a member the twin left out.
            ConnectSettings withWill = new ConnectSettings(15, 5, null, null, "pots/p/status", "offline".getBytes(StandardCharsets.UTF_8));
            MqttTransportException e = assertThrowsTransport(() -> t.connect("tcp://broker.local:1883", "pot", withWill));
            assertEquals(MqttTransportException.UNREACHABLE, e.kind());
            assertEquals(MqttTransportException.UNREACHABLE, assertThrowsTransport(() -> t.unsubscribe("pots/p/cmd")).kind());
        }

        ListLog full = new ListLog();
        new MicroPahoMqttTransport(full);
        assertEquals(0, full.count("MicroPaho without"), full.all());
    }

    interface TransportCall {
        void run() throws MqttTransportException;
    }

    private static MqttTransportException assertThrowsTransport(TransportCall call) {
        try {
            call.run();
        } catch (MqttTransportException e) {
            return e;
        }
        throw new AssertionError("expected an MqttTransportException");
    }

    /** Loads the firmware's MQTT classes from the twin's output first, everything else as usual. */
    static final class TwinFirst extends URLClassLoader {

        TwinFirst(URL[] urls) {
            super(urls, MicroPahoApiTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.smartpot.firmware.mqtt.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** "Owner.name(desc)" to MATCH or UNCONFIRMED. */
    static Map<String, String> members() throws IOException {
        Map<String, String> status = new TreeMap<>();
        try (InputStream in = MicroPahoApiTest.class.getResourceAsStream("/micropaho/micropaho-members.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] head = line.split(" \\| ", 2)[0].split(" ");
                assertTrue(head.length == 2 && (head[0].equals("MATCH") || head[0].equals("UNCONFIRMED")) && line.contains(" | "),
                        "bad line in micropaho-members.txt (status member | source): " + line);
                status.put(head[1], head[0]);
            }
        }
        return status;
    }

    /** Each call into MicroPaho under {@code root}: {calling class, "Owner.name(desc)"}. */
    static List<String[]> callsIn(Path root) throws IOException {
        List<String[]> calls = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            ClassReader reader = new ClassReader(Files.readAllBytes(file));
            String caller = reader.getClassName().replaceAll("\\$.*", "");
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                            if (owner.startsWith(PAHO)) {
                                calls.add(new String[] {caller, owner.substring(PAHO.length()) + "." + member + desc});
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return calls;
    }
}
