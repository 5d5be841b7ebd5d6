package dev.smartpot.mothership.notify;

import java.net.URI;
import java.util.Map;

/**
 * Telegram, through the Bot API's {@code sendMessage}: a POST to {@code https://api.telegram.org/bot<token>/sendMessage}
 * of {@code {"chat_id": ..., "text": ...}} for each chat id of {@code tgram://BOTTOKEN/CHATID[/CHATID...]}.
 */
final class TelegramChannel implements Channel {

    static final String API = "https://api.telegram.org";

    private final HttpChannels http;
    private final String api;

    /** @param api the Bot API's address (tests give a local receiver) */
    TelegramChannel(HttpChannels http, String api) {
        this.http = http;
        this.api = api;
    }

    @Override
    public void send(Target t, Message m) throws DeliveryFailed {
        URI uri = URI.create(api + "/bot" + t.host() + "/sendMessage");
        for (String chat : t.path()) {
            Map<String, Object> body = HttpChannels.ordered();
            body.put("chat_id", chat);
            body.put("text", m.title() + "\n" + m.text());
            body.put("disable_web_page_preview", true);
            http.postJson(t, uri, null, HttpChannels.json(body));
        }
    }
}
