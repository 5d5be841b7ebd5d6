package dev.smartpot.mothership.metrics;

import io.javalin.config.RoutesConfig;

/** {@code GET /metrics}: the Prometheus text format; the login guard treats it as the API (a login off loopback). */
public final class MetricsRoute {

    public static final String PATH = "/metrics";

    private final MothershipMetrics metrics;

    public MetricsRoute(MothershipMetrics metrics) {
        this.metrics = metrics;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType(metrics.contentType()).result(metrics.scrape());
        });
    }
}
