package dev.smartpot.mothership.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The URLs a person writes: each scheme read right, secrets never shown, every mistake named with its fix. */
class TargetTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void readsEachScheme() {
        Target ntfy = Target.parse("ntfys://alice:s3cret@ntfy.example.com:8443/basil-alerts?priority=high&tags=seedling");
        assertEquals("ntfy", ntfy.kind());
        assertTrue(ntfy.secure());
        assertEquals("ntfy.example.com", ntfy.host());
        assertEquals(8443, ntfy.port());
        assertEquals(List.of("basil-alerts"), ntfy.path());
        assertEquals("s3cret", ntfy.password());

        Target json = Target.parse("json://127.0.0.1:9000/hooks/plants");
        assertEquals("json", json.kind());
        assertFalse(json.secure());
        assertEquals(List.of("hooks", "plants"), json.path());
        assertEquals(-1, Target.parse("jsons://[::1]/hook").port());
        assertEquals("::1", Target.parse("jsons://[::1]:8443/hook").host());

        Target mail = Target.parse("mailtos://me%40example.com:pa%3Ass@smtp.example.com?to=a@example.com,b@example.com");
        assertEquals("me@example.com", mail.user());
        assertEquals("pa:ss", mail.password());
        assertEquals(List.of("a@example.com", "b@example.com"), TargetParser.recipients(mail));
        assertEquals(List.of("me@example.com"), TargetParser.recipients(Target.parse("mailto://me%40example.com:pw@smtp.example.com")));

        Target tgram = Target.parse("tgram://" + TOKEN + "/987654321/-100123456");
        assertEquals(TOKEN, tgram.host());
        assertEquals(List.of("987654321", "-100123456"), tgram.path());
    }

    @Test
    void secretsAreMaskedAndTheKeyRevealsNothing() {
        Target mail = Target.parse("mailtos://me%40example.com:hunter22@smtp.example.com:465?to=me@example.com");
        assertEquals("mailtos://me@example.com:***@smtp.example.com:465?to=me@example.com", mail.masked());
        Target tgram = Target.parse("tgram://" + TOKEN + "/987654321");
        assertEquals("tgram://123456789:***/987654321", tgram.masked());
        Target ntfy = Target.parse("ntfy://ntfy.sh/my-secret-topic?token=tk_abcdef&kinds=DRY,WET&quiet=22:00-07:00");
        assertEquals("ntfy://ntfy.sh/my***?token=***&kinds=DRY,WET&quiet=22:00-07:00", ntfy.masked());
        for (Target t : List.of(mail, tgram, ntfy)) {
            assertTrue(t.hasSecret(), t.masked());
            assertEquals(16, t.key().length());
            assertFalse(t.key().contains("hunter") || t.masked().contains("hunter22") || t.masked().contains("AAHdq"));
        }
        assertEquals("cannot reach ***: refused", mail.scrub("cannot reach hunter22: refused"));
        assertFalse(Target.parse("json://127.0.0.1:9000/hook").hasSecret());
        assertNotEquals(Target.parse("json://127.0.0.1:9000/a").key(), Target.parse("json://127.0.0.1:9000/b").key());
    }

    @Test
    void mistakesAreNamedWithTheirFix() {
        assertError("https://example.com/hook", "unknown scheme https://", "Fix: start it with one of ntfy://");
        assertError("ntfy.sh/topic", "not a notification URL", "Fix:");
        assertError("ntfy://ntfy.sh", "exactly one topic", "ntfy://ntfy.sh/my-basil-topic");
        assertError("json://host:99999/hook", "port \"99999\"", "1 to 65535");
        assertError("mailto://smtp.example.com", "needs someone to write to", "?to=you@example.com");
        assertError("mailto://smtp.example.com?to=a@b.c&starttls=maybe", "starttls=maybe", "starttls=no");
        assertError("tgram://notatoken/123", "bot token", "tgram://123456789:AAH.../CHATID");
        assertError("tgram://" + TOKEN, "needs a chat id", "getUpdates");
        assertError("tgram://" + TOKEN + "/bob", "\"bob\" is not a Telegram chat id", "@channelname");
        assertError("json://host/hook?colour=red", "no parameter \"colour\"", "use only kinds, pots, quiet, urgent");
        assertError("json://host/hook?kinds=DRY,THIRSTY", "\"THIRSTY\" is not an alert kind", "DRY, WET, STALE");
        assertError("json://host/hook?quiet=late", "quiet=late", "quiet=22:00-07:00");
        assertError("json://host/hook?urgent=FAULT", "without quiet hours", "quiet=22:00-07:00");
        assertError("ntfy://ntfy.sh/t?priority=loud", "priority=loud", "1 to 5");
        // A password is never repeated in an error.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Target.parse("mailtos://me:hunter22@smtp.example.com:smtp?to=a@b.c"));
        assertFalse(e.getMessage().contains("hunter22"), e.getMessage());
    }

    private static void assertError(String url, String problem, String fix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(url));
        assertTrue(e.getMessage().contains(problem) && e.getMessage().contains(fix), e.getMessage());
    }

    @Test
    void routingByKindPotAndRoom() {
        Routing r = Target.parse("json://h/x?kinds=dry,wet&pots=Kitchen,a4cf12b0c0de").routing();
        assertTrue(r.wants("DRY", "b0b0", "kitchen"));
        assertTrue(r.wants("WET", "a4cf12b0c0de", null));
        assertFalse(r.wants("STALE", "a4cf12b0c0de", "kitchen"));
        assertFalse(r.wants("DRY", "b0b0", "hall"));
        assertTrue(Routing.EVERYTHING.wants("LOW_BATTERY", "x", null));
        assertEquals(Set.of("DRY", "WET"), r.kinds());
    }

    @Test
    void quietHoursHoldUntilTheirEndInThePisZoneExceptUrgentKinds() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Routing r = Target.parse("json://h/x?quiet=22:00-07:00&urgent=FAULT").routing();
        Instant lateEvening = Instant.parse("2026-12-07T22:30:00Z"); // 23:30 in Berlin
        assertEquals(Instant.parse("2026-12-08T06:00:00Z"), r.dueAt("DRY", lateEvening, berlin), "07:00 Berlin the next morning");
        assertEquals(lateEvening, r.dueAt("FAULT", lateEvening, berlin), "urgent: at once");
        Instant earlyMorning = Instant.parse("2026-12-08T04:00:00Z"); // 05:00 in Berlin
        assertEquals(Instant.parse("2026-12-08T06:00:00Z"), r.dueAt("WET", earlyMorning, berlin), "07:00 the same morning");
        Instant noon = Instant.parse("2026-12-08T11:00:00Z");
        assertEquals(noon, r.dueAt("DRY", noon, berlin), "outside the quiet hours: at once");
        QuietHours lunch = QuietHours.parse("12:00-14:00");
        assertTrue(lunch.contains(Instant.parse("2026-12-08T12:30:00Z"), ZoneId.of("UTC")));
        assertFalse(lunch.contains(Instant.parse("2026-12-08T14:00:00Z"), ZoneId.of("UTC")));
    }
}
