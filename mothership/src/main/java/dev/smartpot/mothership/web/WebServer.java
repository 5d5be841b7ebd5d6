package dev.smartpot.mothership.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.api.Mothership;
import dev.smartpot.mothership.api.UnknownPotException;
import dev.smartpot.mothership.web.security.AccessGuard;
import dev.smartpot.mothership.web.security.LoginRoutes;
import dev.smartpot.mothership.web.security.LoginStore;
import dev.smartpot.mothership.web.security.Sessions;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;

/**
 * The mothership's web face: the REST API, the live event stream and the dashboard's files, on Javalin.
 * It only translates HTTP to {@link Mothership} calls and back; every decision about plants is the engine's.
 */
public final class WebServer implements AutoCloseable {

    /**
     * @param host        where to listen; anything but loopback turns the login on
     * @param dataDir     where the login file lives
     * @param resetLogin  make a new password and token even if a login exists
     * @param commandWait how long a command request waits for the pot's reply
     * @param tlsCert     PEM certificate for HTTPS (with {@code tlsKey}); null for plain HTTP
     */
    public record Options(String host, int port, Path dataDir, boolean resetLogin, Duration commandWait, Path tlsCert,
                          Path tlsKey) {
        public Options {
            commandWait = commandWait == null ? Duration.ofSeconds(20) : commandWait;
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new IllegalArgumentException("HTTPS needs both --tls-cert and --tls-key. Fix: pass both PEM files, or neither");
            }
        }

        /** Plain HTTP. */
        public Options(String host, int port, Path dataDir, boolean resetLogin, Duration commandWait) {
            this(host, port, dataDir, resetLogin, commandWait, null, null);
        }

        public boolean https() {
            return tlsCert != null;
        }
    }

    private final Javalin app;
    private final EventStream events;
    private final String url;
    private final LoginStore.Created createdLogin;

    private WebServer(Javalin app, EventStream events, String url, LoginStore.Created createdLogin) {
        this.app = app;
        this.events = events;
        this.url = url;
        this.createdLogin = createdLogin;
    }

    /**
     * Starts listening.
     *
     * @throws PortTakenException when the address is in use, with the fix in its message
     * @throws IOException        when the login file cannot be read or written
     */
    public static WebServer start(Mothership mothership, Options options) throws IOException {
        return start(mothership, options, java.util.List.of());
    }

    /** With more routes (metrics, backups) from the parts that own them; the same guard runs before them. */
    public static WebServer start(Mothership mothership, Options options, java.util.List<java.util.function.Consumer<RoutesConfig>> more)
            throws IOException {
        ObjectMapper json = Json.mapper();
        Clock clock = Clock.systemUTC();
        boolean loopback = isLoopback(options.host());
        LoginStore.Created created = null;
        LoginStore login = null;
        if (!loopback) {
            if (options.resetLogin() || !LoginStore.exists(options.dataDir())) {
                created = LoginStore.create(options.dataDir());
            }
            login = LoginStore.load(options.dataDir());
        }
        Sessions sessions = new Sessions(clock);
        AccessGuard guard = new AccessGuard(login, sessions);
        EventStream events = new EventStream(mothership, json);
        PotRoutes pots = new PotRoutes(mothership, json, clock, options.commandWait());
        FleetRoutes fleet = new FleetRoutes(mothership, json);
        LoginRoutes logins = new LoginRoutes(login, sessions, json, clock);

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            // A Pi has little memory: a few dozen threads serve one household with room to spare.
            config.jetty.threadPool = new QueuedThreadPool(32, 2);
            if (options.https()) {
                // Only the TLS connector: password, session cookie and token never cross the LAN in clear.
                config.jetty.addConnector((server, http) -> HttpsConnector.create(server, http, options));
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            RoutesConfig routes = config.routes;
            routes.before(ctx -> {
                securityHeaders(ctx);
                guard.check(ctx);
            });
            logins.register(routes);
            pots.register(routes);
            fleet.register(routes);
            if (mothership.notifications() != null) {
                new NotifyRoutes(mothership.notifications(), json).register(routes);
            }
            more.forEach(m -> m.accept(routes));
            routes.before("/api/events", events::admit);
            routes.sse("/api/events", events::accept);
            registerErrors(routes);
        });
        try {
            if (options.https()) {
                app.start();
            } else {
                app.start(options.host(), options.port());
            }
        } catch (JavalinBindException e) {
            events.close();
            throw new PortTakenException(options.host(), options.port(), e);
        }
        String shownHost = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return new WebServer(app, events, (options.https() ? "https://" : "http://") + shownHost + ":" + app.port() + "/", created);
    }

    private static void registerErrors(RoutesConfig routes) {
        routes.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage(), e.fix())));
        routes.exception(TooBusy.class, (e, ctx) -> ctx.status(503).json(new ApiError(e.getMessage(), e.fix())));
        routes.exception(UnknownPotException.class, (e, ctx) -> ctx.status(404).json(new ApiError(e.getMessage(),
                "list the pots with GET /api/pots")));
        routes.exception(AccessGuard.Refused.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.getMessage(), e.fix())));
        // The engine's contract: IllegalArgumentException's message names the problem and its fix.
        routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(new ApiError(e.getMessage(),
                "correct the value named in the error and send the request again")));
        routes.exception(Exception.class, (e, ctx) -> ctx.status(500).json(new ApiError("the mothership failed: " + e,
                "see the mothership's log; GET /health tells whether the store and the broker are fine")));
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                ctx.json(new ApiError("no endpoint " + ctx.method() + " " + ctx.path(), "see the API list in docs/mothership.md"));
            }
        });
    }

    /** The page never runs another site's code, is never framed, and never leaks its address onward. */
    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Where a browser opens the dashboard. */
    public String url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    /** The login made at this start (to print once), or null. */
    public LoginStore.Created createdLogin() {
        return createdLogin;
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }

    /** The HTTP address is in use: most often another mothership, or another web app on 8080. */
    public static final class PortTakenException extends IOException {
        PortTakenException(String host, int port, Throwable cause) {
            super(host + ":" + port + " is already in use (another mothership or web app?). Fix: stop that program, or pass "
                    + "--http " + host + ":" + (port + 1) + " (any free port; 0 picks one)", cause);
        }
    }
}
