package dev.smartpot.mothership.notify;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * ntfy (https://ntfy.sh or one's own server), by its documented JSON publish: a POST to the server's root of
 * {@code {"topic", "title", "message", "tags", "priority", "click"}}. {@code ?priority=} and {@code ?tags=}
 * of the URL override the defaults; {@code user:password@} logs in (Basic), {@code ?token=} with an access token.
 */
final class NtfyChannel implements Channel {

    private static final Map<String, Integer> PRIORITIES = Map.of("min", 1, "low", 2, "default", 3, "high", 4, "max", 5,
            "urgent", 5);

    private final HttpChannels http;

    NtfyChannel(HttpChannels http) {
        this.http = http;
    }

    @Override
    public void send(Target t, Message m) throws DeliveryFailed {
        Map<String, Object> body = HttpChannels.ordered();
        body.put("topic", t.path().get(0));
        body.put("title", m.title());
        body.put("message", m.text());
        String tags = t.params().get("tags");
        body.put("tags", tags != null ? List.of(tags.split(",")) : List.of(tag(m.kind())));
        body.put("priority", priority(t.params().get("priority"), m.kind()));
        if (m.link() != null) {
            body.put("click", m.link());
        }
        String token = t.params().get("token");
        http.postJson(t, URI.create(HttpChannels.base(t) + "/"), token != null ? "Bearer " + token : HttpChannels.basic(t),
                HttpChannels.json(body));
    }

    /** An emoji short code ntfy shows before the title. */
    static String tag(String kind) {
        return switch (kind) {
            case "DRY" -> "potted_plant";
            case "WET" -> "droplet";
            case "LOW_BATTERY" -> "battery";
            case "TEST" -> "white_check_mark";
            default -> "warning";
        };
    }

    static int priority(String param, String kind) {
        if (param != null) {
            return PRIORITIES.containsKey(param) ? PRIORITIES.get(param) : Integer.parseInt(param);
        }
        return kind.equals("TEST") ? 3 : 4;
    }
}
