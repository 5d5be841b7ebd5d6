package dev.smartpot.mothership.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers, in memory: a restart logs everyone out, which is fine for one household's
 * dashboard and means no session secret ever touches the disk.
 */
public final class Sessions {

    public static final String COOKIE = "smartpot_session";
    static final Duration LIFETIME = Duration.ofDays(7);

    private record Session(String user, Instant expires) {
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public String open(String user) {
        String id = PasswordHash.randomSecret(32);
        byId.put(id, new Session(user, clock.instant().plus(LIFETIME)));
        return id;
    }

    /** The user of a live session, or null for none, unknown or expired. */
    public String user(String id) {
        if (id == null) {
            return null;
        }
        Session s = byId.get(id);
        if (s == null) {
            return null;
        }
        if (!clock.instant().isBefore(s.expires())) {
            byId.remove(id);
            return null;
        }
        return s.user();
    }

    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
    static String cookie(String id, boolean secure) {
        return COOKIE + "=" + id + "; Path=/; Max-Age=" + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    static String expiredCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    }
}
