package dev.smartpot.mothership.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session}. Five wrong passwords from
 * one address lock that address out for a minute, so a guesser gets a few hundred tries a day, not millions.
 */
public final class LoginRoutes {

    private static final int MAX_FAILURES = 5;
    private static final Duration LOCKOUT = Duration.ofMinutes(1);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final LoginStore login;
    private final Sessions sessions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** @param login null when no login is needed (loopback only) */
    public LoginRoutes(LoginStore login, Sessions sessions, ObjectMapper json, Clock clock) {
        this.login = login;
        this.sessions = sessions;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/session", ctx -> ctx.json(Map.of(
                "login_required", login != null,
                "user", login == null ? Access.LOCAL_USER : String.valueOf(sessions.user(ctx.cookie(Sessions.COOKIE))),
                "logged_in", login == null || sessions.user(ctx.cookie(Sessions.COOKIE)) != null)));
        routes.post("/api/login", this::login);
        routes.post("/api/logout", ctx -> {
            sessions.close(ctx.cookie(Sessions.COOKIE));
            ctx.res().addHeader("Set-Cookie", Sessions.expiredCookie());
            ctx.json(Map.of("logged_in", false));
        });
    }

    private void login(Context ctx) {
        if (login == null) {
            ctx.json(Map.of("logged_in", true, "user", Access.LOCAL_USER));
            return;
        }
        String address = ctx.ip();
        Failures f = failures.get(address);
        Instant now = clock.instant();
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            throw new AccessGuard.Refused(429, "too many wrong passwords from " + address,
                    "wait until " + f.lockedUntil() + " and try again");
        }
        String user = null;
        String password = null;
        try {
            JsonNode body = json.readTree(ctx.body());
            user = body.path("username").asText(null);
            password = body.path("password").asText(null);
        } catch (Exception badJson) {
            // Answered below like a missing field.
        }
        if (user == null || password == null) {
            throw new AccessGuard.Refused(400, "the login body must be {\"username\": ..., \"password\": ...}",
                    "send JSON with username and password (the dashboard's login page does)");
        }
        if (!login.checkPassword(user, password)) {
            int count = f == null ? 1 : f.count() + 1;
            failures.put(address, new Failures(count >= MAX_FAILURES ? 0 : count, count >= MAX_FAILURES ? now.plus(LOCKOUT) : null));
            throw new AccessGuard.Refused(401, "wrong username or password",
                    "use admin and the password printed at first start; lost it? start with --reset-login");
        }
        failures.remove(address);
        String id = sessions.open(user);
        ctx.res().addHeader("Set-Cookie", Sessions.cookie(id, "https".equals(ctx.scheme())));
        ctx.json(Map.of("logged_in", true, "user", user));
    }
}
