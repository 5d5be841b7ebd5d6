package dev.smartpot.mothership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to a person: bad flags (exit 2) and a taken HTTP port (exit 1), each with the fix. */
class MothershipMainTest {

    @TempDir
    Path data;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MothershipMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheFlagsAndTheExitCodes() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String flag : new String[] {"--broker", "--http", "--data", "--db", "--username", "--password-file", "--cafile", "--shared", "--low-battery-mv", "Exit codes"}) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
    }

    @Test
    void badFlagsExit2WithTheFix() {
        Run http = run("--http", "8080", "--data", data.toString());
        assertEquals(2, http.code());
        assertTrue(http.err().contains("--http \"8080\" is not HOST:PORT. Fix: write e.g. 127.0.0.1:8080"), http.err());

        Run db = run("--db", "mysql://x/y", "--data", data.toString());
        assertEquals(2, db.code());
        assertTrue(db.err().contains("not a PostgreSQL JDBC URL"), db.err());

        Run login = run("--username", "mothership", "--data", data.toString());
        assertEquals(2, login.code());
        assertTrue(login.err().contains("Fix: pass --broker tcp://HOST:1883"), login.err());

        Run shared = run("--broker", "tcp://127.0.0.1:1", "--shared", "group", "--data", data.toString());
        assertEquals(2, shared.code());
        assertTrue(shared.err().contains("add --db"), shared.err());

        Run secret = run("--broker", "tcp://127.0.0.1:1", "--password-file", data.resolve("missing").toString());
        assertEquals(2, secret.code());
        assertTrue(secret.err().contains("cannot be read"), secret.err());

        Run battery = run("--low-battery-mv", "-5", "--data", data.toString());
        assertEquals(2, battery.code());
        assertTrue(battery.err().contains("Fix: give millivolts from 1 to 60000"), battery.err());

        Run linkTimeout = run("--link-timeout", "soon", "--data", data.toString());
        assertEquals(2, linkTimeout.code());
        assertTrue(linkTimeout.err().contains("Fix: write e.g. 120s, 5m or 1h"), linkTimeout.err());

        Run unknown = run("--htpp", "127.0.0.1:8080");
        assertEquals(2, unknown.code());
    }

    @Test
    void aTakenHttpPortIsNamedWithTheFixAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Run r = run("--broker-port", "0", "--http", "127.0.0.1:" + port, "--data", data.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("127.0.0.1:" + port + " is already in use"), r.err());
            assertTrue(r.err().contains("Fix: stop that program, or pass --http 127.0.0.1:" + (port + 1)), r.err());
        }
    }
}
