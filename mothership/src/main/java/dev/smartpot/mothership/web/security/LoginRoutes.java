package dev.smartpot.mothership.web.security;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session}. Five attempts from one address
 * without a right password lock it out for a minute, and the server takes at most 30 a minute in all
 * ({@link LoginThrottle}), so a guesser gets a few tens of thousands of tries a day, not millions.
 */
public final class LoginRoutes {

    private final LoginStore login;
    private final Sessions sessions;
    private final ObjectMapper json;
    private final Clock clock;
    private final LoginThrottle throttle = new LoginThrottle();

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
        String address = ctx.ip();
        throttle.begin(address, clock.instant());
        boolean ok = false;
        try {
            ok = login.checkPassword(user, password);
        } finally {
            throttle.end(address, ok);
        }
        if (!ok) {
            throw new AccessGuard.Refused(401, "wrong username or password",
                    "use admin and the password from first-login.txt in the data folder; lost it? start with --reset-login");
        }
        String id = sessions.open(user);
        ctx.res().addHeader("Set-Cookie", Sessions.cookie(id, "https".equals(ctx.scheme())));
        ctx.json(Map.of("logged_in", true, "user", user));
    }
}
