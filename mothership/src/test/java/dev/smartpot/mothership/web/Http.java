package dev.smartpot.mothership.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny HTTP client for the API tests: the JDK's, with the dashboard's cross-site header on writes. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** A write as the dashboard sends it (with the cross-site protection header). */
    Reply post(String path, String body, String... headers) {
        return send(request(path, headers).header("X-SmartPot-Request", "1").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply put(String path, String body, String... headers) {
        return send(request(path, headers).header("X-SmartPot-Request", "1").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A write without the protection header, as a cross-site form would send it. */
    Reply postBare(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
