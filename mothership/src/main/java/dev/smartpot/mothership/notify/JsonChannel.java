package dev.smartpot.mothership.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON webhook (Home Assistant, Node-RED, n8n, one's own script): one POST per delivery of
 *
 * <pre>{"event":"alert","delivery":17,"alert_id":12,"pot_id":"a4cf12b0c0de","pot_name":"Basil","room":"Kitchen",
 *  "kind":"DRY","message":"pot a4cf12b0c0de needs water: ...","raised_at":"2026-05-01T10:00:00Z","closed_at":null,
 *  "link":"http://pi.local:8080/#/pot/a4cf12b0c0de","title":"Basil (Kitchen): DRY"}</pre>
 *
 * A digest is {@code {"event":"digest","title":...,"alerts":[...]}} and a test {@code {"event":"test",...}}.
 * {@code user:password@} sends a Basic login.
 */
final class JsonChannel implements Channel {

    private final HttpChannels http;

    JsonChannel(HttpChannels http) {
        this.http = http;
    }

    @Override
    public void send(Target t, Message m) throws DeliveryFailed {
        StringBuilder path = new StringBuilder();
        for (String s : t.path()) {
            path.append('/').append(HttpChannels.segment(s));
        }
        http.postJson(t, URI.create(HttpChannels.base(t) + (path.length() == 0 ? "/" : path)), HttpChannels.basic(t),
                HttpChannels.json(body(m)));
    }

    static Map<String, Object> body(Message m) {
        if (m.event().equals("alert")) {
            Map<String, Object> one = alert(m.notices().get(0));
            one.put("title", m.title());
            return one;
        }
        Map<String, Object> b = HttpChannels.ordered();
        b.put("event", m.event());
        b.put("title", m.title());
        b.put("message", m.text());
        if (m.event().equals("digest")) {
            List<Map<String, Object>> alerts = new ArrayList<>();
            m.notices().forEach(n -> alerts.add(alert(n)));
            b.put("alerts", alerts);
        }
        b.put("link", m.link());
        return b;
    }

    private static Map<String, Object> alert(Notice n) {
        Map<String, Object> a = HttpChannels.ordered();
        a.put("event", "alert");
        a.put("delivery", n.delivery());
        a.put("alert_id", n.alertId());
        a.put("pot_id", n.potId());
        a.put("pot_name", n.potName());
        a.put("room", n.room());
        a.put("kind", n.kind());
        a.put("message", n.message());
        a.put("raised_at", n.raisedAt().toString());
        a.put("closed_at", n.closedAt() == null ? null : n.closedAt().toString());
        a.put("link", n.link());
        return a;
    }
}
