package dev.smartpot.mothership.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.smartpot.mothership.testing.HookReceiver;
import dev.smartpot.testkit.Loopback;
import jakarta.mail.internet.MimeMessage;

/**
 * Each channel against a real receiver: a JDK HTTP server checks the requests ntfy's, Telegram's and our JSON
 * documentation give, and GreenMail is a real SMTP server with a login.
 */
class ChannelsTest {

    private static final int SMTP_PORT = Loopback.freePort();
    private static final int SMTPS_PORT = Loopback.freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(SMTPS_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("pi@example.com", "pi@example.com", "p@ss:word"));

    private static final Notice BASIL = new Notice(17, 12, "a4cf12b0c0de", "Basil", "Kitchen", "DRY",
            "pot a4cf12b0c0de needs water: moisture 18.2% below 25.0%", Instant.parse("2026-05-01T10:00:00Z"), null,
            "http://pi.local:8080/#/pot/a4cf12b0c0de");

    private final ObjectMapper json = new ObjectMapper();
    private final Channels channels = new Channels("http://127.0.0.1:0");
    private HookReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new HookReceiver(Loopback.freePort()).start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void ntfyGetsItsDocumentedJsonPublish() throws Exception {
        channels.send(Target.parse("ntfy://alice:pw@127.0.0.1:" + receiver.port() + "/basil-alerts"), Message.alert(BASIL));
        HookReceiver.Request r = receiver.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/", r.path(), "ntfy's JSON publishing posts to the server's root");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes()), r.header("Authorization"));
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode body = json.readTree(r.body());
        assertEquals("basil-alerts", body.get("topic").asText());
        assertEquals("Basil (Kitchen): DRY", body.get("title").asText());
        assertEquals(BASIL.message() + "\n" + BASIL.link(), body.get("message").asText());
        assertEquals("potted_plant", body.get("tags").get(0).asText());
        assertEquals(4, body.get("priority").asInt());
        assertEquals(BASIL.link(), body.get("click").asText());

        channels.send(Target.parse("ntfy://127.0.0.1:" + receiver.port() + "/t?token=tk_secret&priority=urgent&tags=a,b"),
                Message.alert(BASIL));
        HookReceiver.Request second = receiver.requests().get(1);
        assertEquals("Bearer tk_secret", second.header("Authorization"));
        JsonNode b2 = json.readTree(second.body());
        assertEquals(5, b2.get("priority").asInt());
        assertEquals("[\"a\",\"b\"]", b2.get("tags").toString());
    }

    @Test
    void jsonWebhookGetsTheAlertWithPotNameAndLink() throws Exception {
        channels.send(Target.parse("json://127.0.0.1:" + receiver.port() + "/hooks/plants"), Message.alert(BASIL));
        HookReceiver.Request r = receiver.requests().get(0);
        assertEquals("/hooks/plants", r.path());
        assertEquals("{\"event\":\"alert\",\"delivery\":17,\"alert_id\":12,\"pot_id\":\"a4cf12b0c0de\",\"pot_name\":\"Basil\","
                + "\"room\":\"Kitchen\",\"kind\":\"DRY\",\"message\":\"pot a4cf12b0c0de needs water: moisture 18.2% below 25.0%\","
                + "\"raised_at\":\"2026-05-01T10:00:00Z\",\"closed_at\":null,\"link\":\"http://pi.local:8080/#/pot/a4cf12b0c0de\","
                + "\"title\":\"Basil (Kitchen): DRY\"}", r.body());

        channels.send(Target.parse("json://127.0.0.1:" + receiver.port() + "/d"), Message.digest(List.of(BASIL, BASIL), "http://pi/"));
        JsonNode digest = json.readTree(receiver.requests().get(1).body());
        assertEquals("digest", digest.get("event").asText());
        assertEquals("2 alerts during the quiet hours", digest.get("title").asText());
        assertEquals(2, digest.get("alerts").size());
    }

    @Test
    void telegramGetsSendMessageOfTheBotApi() throws Exception {
        String token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        Channels local = new Channels("http://127.0.0.1:" + receiver.port());
        local.send(Target.parse("tgram://" + token + "/987654321"), Message.alert(BASIL));
        HookReceiver.Request r = receiver.requests().get(0);
        assertEquals("/bot" + token + "/sendMessage", r.path());
        JsonNode body = json.readTree(r.body());
        assertEquals("987654321", body.get("chat_id").asText());
        assertEquals("Basil (Kitchen): DRY\n" + BASIL.message() + "\n" + BASIL.link(), body.get("text").asText());
    }

    @Test
    void aRefusalIsAnErrorInWordsWithoutTheSecret() {
        receiver.answer(401, "{\"ok\":false,\"description\":\"Unauthorized\"}");
        String token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        DeliveryFailed e = assertThrows(DeliveryFailed.class, () -> new Channels("http://127.0.0.1:" + receiver.port())
                .send(Target.parse("tgram://" + token + "/987654321"), Message.alert(BASIL)));
        assertTrue(e.getMessage().startsWith("HTTP 401 from tgram://123456789:***/987654321: {\"ok\":false"), e.getMessage());
        receiver.stop();
        DeliveryFailed down = assertThrows(DeliveryFailed.class, () -> channels.send(
                Target.parse("json://u:hunter22@127.0.0.1:" + receiver.port() + "/hook"), Message.alert(BASIL)));
        assertTrue(down.getMessage().startsWith("cannot reach json://u:***@127.0.0.1:" + receiver.port() + "/hook"), down.getMessage());
        assertFalse(down.getMessage().contains("hunter22"));
    }

    @Test
    void mailArrivesWithPotNameStateReasonAndLink() throws Exception {
        channels.send(Target.parse("mailto://pi%40example.com:p%40ss%3Aword@127.0.0.1:" + SMTP_PORT
                + "?to=grower@example.com&starttls=no"), Message.alert(BASIL));
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertEquals(1, got.length);
        assertEquals("Basil (Kitchen): DRY", got[0].getSubject());
        assertEquals("pi@example.com", got[0].getFrom()[0].toString());
        assertEquals("grower@example.com", got[0].getAllRecipients()[0].toString());
        String text = GreenMailUtil.getBody(got[0]).replace("\r\n", "\n");
        assertTrue(text.contains("needs water: moisture 18.2% below 25.0%") && text.contains(BASIL.link()), text);
    }

    @Test
    void mailRefusesToSendWithoutEncryptionOrToAnUntrustedCertificate() {
        DeliveryFailed plain = assertThrows(DeliveryFailed.class, () -> channels.send(Target.parse(
                "mailto://pi%40example.com:p%40ss%3Aword@127.0.0.1:" + SMTP_PORT + "?to=grower@example.com"), Message.alert(BASIL)));
        assertTrue(plain.getMessage().contains("STARTTLS"), plain.getMessage());
        assertFalse(plain.getMessage().contains("p@ss:word"), plain.getMessage());
        DeliveryFailed untrusted = assertThrows(DeliveryFailed.class, () -> channels.send(Target.parse(
                "mailtos://pi%40example.com:p%40ss%3Aword@127.0.0.1:" + SMTPS_PORT + "?to=grower@example.com"), Message.alert(BASIL)));
        assertTrue(untrusted.getMessage().contains("the mail server mailtos://pi@example.com:***@127.0.0.1:" + SMTPS_PORT),
                untrusted.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length, "nothing sent in clear or to an unverified server");
    }
}
