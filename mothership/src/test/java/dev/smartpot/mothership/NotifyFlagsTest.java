package dev.smartpot.mothership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notification flags' answers: a secret on the command line, a file others may read, a typo; each exit 2 with the fix. */
class NotifyFlagsTest {

    @TempDir
    Path data;

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MothershipMain.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSecretOnTheCommandLineIsRefused() {
        Run r = run("--data", data.toString(), "--notify", "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/42");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds a secret") && r.err().contains("--notify-file FILE"), r.err());
        assertFalse(r.err().contains("AAHdq"), r.err());
    }

    @Test
    void aFileOthersMayReadIsRefusedWithChmod600() throws Exception {
        Path file = data.resolve("notify.urls");
        Files.writeString(file, "json://u:pw@127.0.0.1:9/hook\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Run r = run("--data", data.toString(), "--notify-file", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("may be read or changed by others (rw-r--r--)") && r.err().contains("Fix: chmod 600 " + file), r.err());

        Files.writeString(file, "# mine\n\nntfy://ntfy.sh/t\nhttps://example.com/x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Run typo = run("--data", data.toString(), "--notify-file", file.toString());
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains(file + " line 4: notification target: unknown scheme https://"), typo.err());

        Run missing = run("--data", data.toString(), "--notify-file", data.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("cannot be read. Fix: create it"), missing.err());
    }

    @Test
    void badDurationsAndUrlsNameTheFlag() {
        Run retry = run("--data", data.toString(), "--notify-retry-max", "soon");
        assertEquals(2, retry.code());
        assertTrue(retry.err().contains("--notify-retry-max soon is not a duration"), retry.err());
        Run url = run("--data", data.toString(), "--notify", "json://host:port/x");
        assertEquals(2, url.code());
        assertTrue(url.err().contains("the port \"port\" is not a number"), url.err());
        Run pub = run("--data", data.toString(), "--public-url", "pi.local");
        assertEquals(2, pub.code());
        assertTrue(pub.err().contains("--public-url pi.local is not a web address"), pub.err());
        Run help = run("--help");
        assertTrue(help.err().isEmpty());
    }
}
