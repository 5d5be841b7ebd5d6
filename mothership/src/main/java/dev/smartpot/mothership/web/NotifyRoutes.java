package dev.smartpot.mothership.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.notify.Notifications;
import dev.smartpot.mothership.web.security.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The notification targets (shown masked only), adding and removing those of the dashboard, a test message per
 * target, and the deliveries of each alert.
 */
final class NotifyRoutes {

    private final Notifications notifications;
    private final ObjectMapper json;

    NotifyRoutes(Notifications notifications, ObjectMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/notify/targets", ctx -> ctx.json(notifications.targets()));
        routes.post("/api/notify/targets", this::add);
        routes.delete("/api/notify/targets/{key}", ctx -> {
            notifications.removeTarget(ctx.pathParam("key"), Access.user(ctx));
            ctx.status(204);
        });
        routes.post("/api/notify/targets/{key}/test", this::test);
        routes.get("/api/notify/deliveries", ctx -> ctx.json(notifications.deliveries(
                QueryParams.intParam(ctx, "alert", 0, 0, Integer.MAX_VALUE), QueryParams.intParam(ctx, "limit", 200, 1, 10_000))));
    }

    private void add(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.path("url").isTextual()) {
            throw new BadRequest("the body must be {\"url\": \"ntfys://ntfy.sh/my-topic\"}",
                    "send one notification URL; see docs/notifications.md for ntfy, e-mail, Telegram and JSON");
        }
        ctx.status(201).json(notifications.addTarget(body.get("url").textValue(), Access.user(ctx)));
    }

    private void test(Context ctx) {
        String error = notifications.test(ctx.pathParam("key"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", error == null);
        answer.put("error", error);
        ctx.json(answer);
    }
}
