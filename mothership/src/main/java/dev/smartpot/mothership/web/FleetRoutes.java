package dev.smartpot.mothership.web;

import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.api.Mothership;
import dev.smartpot.mothership.web.security.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** What concerns every pot: alerts, the logs, presets, the auto-watering switch, messages and health. */
final class FleetRoutes {

    private final Mothership mothership;
    private final ObjectMapper json;

    FleetRoutes(Mothership mothership, ObjectMapper json) {
        this.mothership = mothership;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/alerts", ctx -> ctx.json(mothership.alerts(
                !QueryParams.boolParam(ctx, "open", false), QueryParams.intParam(ctx, "limit", 200, 1, 10_000))));
        routes.post("/api/alerts/{id}/ack", this::acknowledge);
        routes.get("/api/presets", ctx -> ctx.json(mothership.presets()));
        routes.get("/api/commands", ctx -> ctx.json(mothership.commandLog(null, QueryParams.intParam(ctx, "limit", 100, 1, 10_000))));
        routes.get("/api/waterings", ctx -> ctx.json(mothership.wateringLog(null, QueryParams.intParam(ctx, "limit", 100, 1, 10_000))));
        routes.get("/api/messages", ctx -> ctx.json(mothership.messages(QueryParams.intParam(ctx, "limit", 100, 1, 10_000))));
        routes.get("/api/auto-watering", ctx -> ctx.json(Map.of("enabled", mothership.autoWateringEnabled())));
        routes.put("/api/auto-watering", this::setAutoWatering);
        routes.get("/health", this::health);
    }

    private void acknowledge(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest("alert id \"" + ctx.pathParam("id") + "\" is not a number", "use an id from GET /api/alerts");
        }
        try {
            ctx.json(mothership.acknowledgeAlert(id, Access.user(ctx)));
        } catch (NoSuchElementException e) {
            ctx.status(404).json(new ApiError("no alert " + id, "use an id from GET /api/alerts"));
        }
    }

    private void setAutoWatering(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.path("enabled").isBoolean()) {
            throw new BadRequest("the body must be {\"enabled\": true} or {\"enabled\": false}",
                    "send {\"enabled\": false} to stop all automatic watering, {\"enabled\": true} to allow it");
        }
        mothership.setAutoWateringEnabled(body.get("enabled").booleanValue(), Access.user(ctx));
        ctx.json(Map.of("enabled", mothership.autoWateringEnabled()));
    }

    /**
     * 503 when not ok, so a load balancer or systemd watchdog script can use the status code alone. Someone not
     * logged in learns only that: not the broker's address, the database's path or the counts.
     */
    private void health(Context ctx) {
        Health health = mothership.health();
        ctx.status(health.ok() ? 200 : 503);
        if (Access.stranger(ctx)) {
            ctx.json(Map.of("ok", health.ok()));
        } else {
            ctx.json(health);
        }
    }
}
