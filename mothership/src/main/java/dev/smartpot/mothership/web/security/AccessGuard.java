package dev.smartpot.mothership.web.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Runs before every request and decides who it is and whether it may go on.
 * <ul>
 * <li>Cross-site requests: every state-changing method needs the header {@value #CSRF_HEADER} (a page on
 *     another site cannot send a custom header without a CORS preflight, which this server never grants),
 *     and a browser's {@code Origin}, when sent, must be this server. Bearer-token calls carry no ambient
 *     credential, so they need neither.</li>
 * <li>Login: when the server listens on more than loopback, {@code /api/**} and {@code /metrics} need a session cookie or
 *     {@code Authorization: Bearer <token>}; the login endpoints, the static page files and {@code /health}
 *     hold no plant data and stay open.</li>
 * <li>DNS rebinding: on loopback only, a {@code Host} header that is not {@code localhost} or a literal
 *     loopback address is refused, so a web page whose name suddenly points at 127.0.0.1 cannot drive the pump.</li>
 * </ul>
 */
public final class AccessGuard {

    public static final String CSRF_HEADER = "X-SmartPot-Request";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> OPEN_API = Set.of("/api/login", "/api/session");
    /** Outside /api/ but as private: the numbers of the house's plants. */
    private static final String METRICS = "/metrics";

    private final boolean loginRequired;
    private final LoginStore login;
    private final Sessions sessions;

    /** @param login null when the server is on loopback only (no login needed) */
    public AccessGuard(LoginStore login, Sessions sessions) {
        this.loginRequired = login != null;
        this.login = login;
        this.sessions = sessions;
    }

    public void check(Context ctx) {
        if (!loginRequired && !loopbackHost(ctx.header("Host"))) {
            throw new Refused(421, "Host \"" + ctx.header("Host") + "\" is not this loopback-only server",
                    "open http://127.0.0.1:" + ctx.port() + "/ ; to serve other machines start with --http 0.0.0.0:PORT (a login is then required)");
        }
        String bearer = bearerToken(ctx);
        if (bearer != null) {
            if (loginRequired && !login.checkToken(bearer)) {
                throw new Refused(401, "the API token is wrong", "use the token printed at first start, or start with --reset-login for a new one");
            }
            ctx.attribute(Access.USER, Access.TOKEN_USER);
            return;
        }
        if (!SAFE.contains(ctx.method())) {
            checkSameSite(ctx);
        }
        if (!loginRequired) {
            return;
        }
        String user = sessions.user(ctx.cookie(Sessions.COOKIE));
        if (user != null) {
            ctx.attribute(Access.USER, user);
        } else if ((ctx.path().startsWith("/api/") && !OPEN_API.contains(ctx.path())) || isMetrics(ctx.path())) {
            throw new Refused(401, "not logged in", "log in at /login.html, or send Authorization: Bearer <API token>");
        } else {
            ctx.attribute(Access.STRANGER, true);
        }
    }

    /** Javalin ignores trailing slashes: /metrics/ reaches the same handler, so it is guarded the same. */
    static boolean isMetrics(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(METRICS);
    }

    public boolean loginRequired() {
        return loginRequired;
    }

    private static void checkSameSite(Context ctx) {
        if (ctx.header(CSRF_HEADER) == null) {
            throw new Refused(403, "a " + ctx.method() + " without the " + CSRF_HEADER + " header (cross-site request protection)",
                    "send the header " + CSRF_HEADER + ": 1 (the dashboard does), or use Authorization: Bearer <API token>");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.header("Host"))) {
            throw new Refused(403, "Origin " + origin + " is not this server", "send the request from the dashboard itself");
        }
        if ("null".equals(origin) || "cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
            throw new Refused(403, "a cross-site request", "send the request from the dashboard itself");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Only {@code localhost} or a literal loopback address, with an optional port: a DNS name such as
     * {@code 127.attacker.example} or {@code 127.0.0.1.nip.io} is refused even though it starts like one.
     */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 && portOrNothing(h.substring(close + 1)) && ipv6Loopback(h.substring(1, close));
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        if (colon >= 0 && !portOrNothing(h.substring(colon))) {
            return false;
        }
        return name.equals("localhost") || ipv4Loopback(name);
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty() || rest.matches(":[0-9]{1,5}");
    }

    /** A dotted quad of decimal numbers 0-255 whose first is 127 (127.0.0.0/8); nothing is looked up. */
    private static boolean ipv4Loopback(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return Integer.parseInt(parts[0]) == 127;
    }

    /** ::1 in any spelling of the literal (0:0:0:0:0:0:0:1, ::0001); only hex digits and colons are parsed. */
    private static boolean ipv6Loopback(String literal) {
        // With a colon and only hex digits, the JDK parses it as a literal and never asks DNS.
        if (!literal.matches("[0-9a-f:]{2,39}") || literal.indexOf(':') < 0) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(literal).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String bearerToken(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).trim();
    }

    /** A request stopped by the guard: status, problem and fix, answered as JSON. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String fix;

        Refused(int status, String problem, String fix) {
            super(problem);
            this.status = status;
            this.fix = fix;
        }

        public int status() {
            return status;
        }

        public String fix() {
            return fix;
        }
    }
}
