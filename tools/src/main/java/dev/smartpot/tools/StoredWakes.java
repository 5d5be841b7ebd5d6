package dev.smartpot.tools;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/board-report --mothership URL POT}: a pot's wakes as the mothership stored them from its asleep
 * statuses ({@code GET /api/pots/POT/wakes}), as {@link BoardReport.Wake}s. Its origin is what the pot said about
 * itself: a pot that names its board (its about's {@code board}) was measured on that board; one that names none is
 * the simulator. Plain JDK (the script compiles it with javac): the API's flat JSON objects are read field by field.
 */
final class StoredWakes {

    /** One wake object of the API's array: no nested objects. */
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern FIELD = Pattern.compile("\"([a-z_]+)\":(null|true|false|-?[0-9]+|\"(?:[^\"\\\\]|\\\\.)*\")");

    /** What the mothership holds for one pot. */
    record Stored(BoardReport.Origin origin, String board, List<BoardReport.Wake> wakes, List<String> resets) {
    }

    private StoredWakes() {
    }

    /**
     * @param token the API token ({@code Authorization: Bearer}) for a mothership that needs a login, or null
     * @throws IOException naming what failed and how to fix it
     */
    static Stored fetch(String baseUrl, String potId, String token) throws IOException {
        String base = potUrl(baseUrl, potId);
        Map<String, String> pot = fields(get(base, token));
        String board = pot.get("board");
        String wakes = get(base + "/wakes?from=0&to=" + (System.currentTimeMillis() + 60_000) + "&limit=100000", token);
        List<BoardReport.Wake> out = new ArrayList<>();
        List<String> resets = new ArrayList<>();
        Matcher m = OBJECT.matcher(wakes);
        while (m.find()) {
            Map<String, String> w = fields(m.group());
            out.add(wake(w));
            resets.add(w.get("reset"));
        }
        return new Stored(board == null ? BoardReport.Origin.SIMULATED : BoardReport.Origin.BOARD, board, out, resets);
    }

    /** The pot's address in the mothership's API. */
    static String potUrl(String baseUrl, String potId) {
        return baseUrl.replaceAll("/+$", "") + "/api/pots/" + URLEncoder.encode(potId, StandardCharsets.UTF_8);
    }

    /** A stored wake; a phase it did not report is -1, as in a log's wake that did not publish. */
    static BoardReport.Wake wake(Map<String, String> w) {
        long boot = number(w, "boot_ms");
        long join = number(w, "wifi_ms");
        long address = number(w, "address_ms");
        return new BoardReport.Wake(number(w, "awake_ms"), boot, "true".equals(w.get("boot_modelled")), number(w, "read_ms"),
                join < 0 ? -1 : join + Math.max(0, address), number(w, "mqtt_ms"), number(w, "publish_ms"),
                (int) Math.max(0, number(w, "readings")), number(w, "listen_ms"), (int) Math.max(0, number(w, "round_trips")));
    }

    private static long number(Map<String, String> w, String field) {
        String v = w.get(field);
        return v == null || !v.matches("-?[0-9]+") ? -1 : Long.parseLong(v);
    }

    /** The top-level fields of one flat JSON object: strings unquoted, null left out. */
    static Map<String, String> fields(String json) {
        Map<String, String> out = new HashMap<>();
        Matcher f = FIELD.matcher(json);
        while (f.find()) {
            String v = f.group(2);
            if (!v.equals("null")) {
                out.put(f.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v);
            }
        }
        return out;
    }

    static String get(String url, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + url);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot reach " + url + " (" + e.getMessage() + "). Fix: pass the mothership's address as"
                    + " its dashboard shows it, e.g. --mothership http://raspberrypi.local:8080");
        }
        if (r.statusCode() == 401) {
            throw new IOException(url + " needs a login. Fix: pass the API token printed at the mothership's first start"
                    + " (--token TOKEN or SMARTPOT_TOKEN=TOKEN)");
        }
        if (r.statusCode() == 404) {
            throw new IOException(url + ": no such pot (" + r.body() + "). Fix: use a pot id from GET /api/pots");
        }
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
