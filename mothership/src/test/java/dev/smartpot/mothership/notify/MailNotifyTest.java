package dev.smartpot.mothership.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.smartpot.mothership.alert.AlertBook;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.testkit.Loopback;
import jakarta.mail.internet.MimeMessage;

/** Issue 21: a real SMTP server receives one message per alert, with the pot's name, its state, the reason and the link. */
class MailNotifyTest {

    private static final int SMTP_PORT = Loopback.freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("pi@example.com", "pi@example.com", "secret"));

    @Test
    void oneMessagePerAlert() throws Exception {
        Path file = Files.createTempDirectory(Files.createDirectories(Path.of("target", "notify-tests")).toAbsolutePath(), "mail-")
                .resolve("m.db");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.sqlite(file)) {
            StoreWriter writer = new StoreWriter(db, new BootTracker(), clock, 100);
            writer.start(StoreWriter.Listener.NONE);
            NotifyOptions options = new NotifyOptions(List.of(), List.of("mailto://pi%40example.com:secret@127.0.0.1:" + SMTP_PORT
                    + "?to=grower@example.com&starttls=no"), "http://pi.local:8080/", Duration.ofMinutes(10), Duration.ofHours(48),
                    ZoneId.systemDefault(), TelegramChannel.API);
            try (Notifier notifier = new Notifier(options, db, writer, clock, id -> id.equals("a4cf12b0c0de")
                    ? new PotInfo("Basil", "Kitchen") : new PotInfo("Fern", "Hall"))) {
                AlertBook alerts = new AlertBook(writer, db, clock, (a, change) -> { });
                alerts.alsoStore(notifier::raised);
                alerts.raise("a4cf12b0c0de", "DRY", "pot a4cf12b0c0de needs water: moisture 18.2% below 25.0%");
                alerts.raise("f3f3f3f3f3f3", "WET", "pot f3f3f3f3f3f3 is too wet: moisture 91.0% above 85.0%");
                alerts.raise("a4cf12b0c0de", "DRY", "still dry");
                writer.await(writer.submit(c -> null));
                assertEquals(2, notifier.sendDue());
                assertEquals(0, notifier.sendDue());
            } finally {
                writer.close();
            }
        }
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertEquals(2, got.length, "one message per alert");
        Arrays.sort(got, (x, y) -> {
            try {
                return x.getSubject().compareTo(y.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("Basil (Kitchen): DRY", got[0].getSubject());
        String basil = GreenMailUtil.getBody(got[0]).replace("\r\n", "\n");
        assertTrue(basil.contains("needs water: moisture 18.2% below 25.0%") && basil.contains("http://pi.local:8080/#/pot/a4cf12b0c0de"), basil);
        assertEquals("Fern (Hall): WET", got[1].getSubject());
        String fern = GreenMailUtil.getBody(got[1]).replace("\r\n", "\n");
        assertTrue(fern.contains("is too wet: moisture 91.0% above 85.0%") && fern.contains("#/pot/f3f3f3f3f3f3"), fern);
    }
}
