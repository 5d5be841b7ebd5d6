package dev.smartpot.mothership.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JDK's HTTP client, as the HTTP channels use it: one POST, a 2xx or a {@link DeliveryFailed} in words. */
final class HttpChannels {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** {@code http(s)://host[:port]} of a target. */
    static String base(Target t) {
        String host = t.host().contains(":") ? "[" + t.host() + "]" : t.host();
        return (t.secure() ? "https://" : "http://") + host + (t.port() >= 0 ? ":" + t.port() : "");
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The Basic login of a URL's user:password, or null. */
    static String basic(Target t) {
        if (t.user() == null) {
            return null;
        }
        String pair = t.user() + ":" + (t.password() == null ? "" : t.password());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body; {@code authorization} may be null. Only a 2xx counts as delivered. */
    void postJson(Target t, URI uri, String authorization, String body) throws DeliveryFailed {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "smartpot-mothership")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> answer;
        try {
            answer = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailed("no answer from " + t.masked() + " within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new DeliveryFailed("cannot reach " + t.masked() + ": " + t.scrub(reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while sending to " + t.masked());
        }
        int status = answer.statusCode();
        if (status < 200 || status > 299) {
            String said = answer.body() == null ? "" : answer.body().strip();
            throw new DeliveryFailed("HTTP " + status + " from " + t.masked()
                    + (said.isEmpty() ? "" : ": " + t.scrub(said.length() > 200 ? said.substring(0, 200) + "..." : said)));
        }
    }

    /** The innermost message ("Connection refused"), or the exception's name when none says more. */
    private static String reason(Throwable e) {
        String said = e.getClass().getSimpleName();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                said = c.getMessage();
            }
        }
        return said;
    }

    static Map<String, Object> ordered() {
        return new java.util.LinkedHashMap<>();
    }
}
