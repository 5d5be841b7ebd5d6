package dev.smartpot.mothership.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.Mothership;
import dev.smartpot.mothership.api.UnknownPotException;
import dev.smartpot.mothership.web.security.Access;
import dev.smartpot.protocol.CommandParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /api/pots/...}: one pot's view, history, settings and commands, translated to and from HTTP. */
final class PotRoutes {

    private static final Duration DEFAULT_SPAN = Duration.ofHours(1);
    private static final int MAX_COMMAND_LENGTH = CommandParser.MAX_BYTES;
    static final int MAX_CSV_EXPORTS = 2;
    /** The longest page of the pot list (the default): the whole of a default-capped fleet. */
    static final int MAX_POT_PAGE = 10_000;

    private final Mothership mothership;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration commandWait;
    private final Semaphore csvExports = new Semaphore(MAX_CSV_EXPORTS);
    /** How long a command to a sleeping pot is given to be refused or logged before 202 answers. */
    private static final long ASLEEP_WAIT_MS = 2000;

    /** @param commandWait how long a request waits for a pot's reply before it answers 504 */
    PotRoutes(Mothership mothership, ObjectMapper json, Clock clock, Duration commandWait) {
        this.mothership = mothership;
        this.json = json;
        this.clock = clock;
        this.commandWait = commandWait;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/pots", this::pots);
        routes.get("/api/pots/{id}", ctx -> ctx.json(mothership.pot(potId(ctx))
                .orElseThrow(() -> new UnknownPotException(potId(ctx)))));
        routes.get("/api/pots/{id}/readings", ctx -> history(ctx, 10_000, 100_000, mothership::readings));
        routes.get("/api/pots/{id}/readings.csv", this::readingsCsv);
        routes.get("/api/pots/{id}/series", this::series);
        routes.get("/api/pots/{id}/wakes", ctx -> history(ctx, 2_000, 100_000, mothership::wakes));
        routes.get("/api/pots/{id}/connects", ctx -> history(ctx, 2_000, 100_000, mothership::connects));
        // The protocol's limits, so the page's inputs hold what a pot accepts without spelling them.
        routes.get("/api/limits", ctx -> ctx.json(Map.of("max_water_ml", CommandParser.MAX_WATER_ML,
                "max_command_bytes", CommandParser.MAX_BYTES)));
        routes.get("/api/pots/{id}/settings", ctx -> ctx.json(mothership.settings(knownPot(ctx))));
        routes.put("/api/pots/{id}/settings", this::updateSettings);
        routes.get("/api/pots/{id}/commands", ctx -> ctx.json(mothership.commandLog(knownPot(ctx),
                QueryParams.intParam(ctx, "limit", 100, 1, 10_000))));
        routes.get("/api/pots/{id}/waterings", ctx -> ctx.json(mothership.wateringLog(knownPot(ctx),
                QueryParams.intParam(ctx, "limit", 100, 1, 10_000))));
        // The pot's alerts raised in the range, newest first: what its chart marks.
        routes.get("/api/pots/{id}/alerts", ctx -> history(ctx, 1000, 10_000, mothership::potAlerts));
        routes.post("/api/pots/{id}/commands", this::sendCommand);
        routes.post("/api/pots/{id}/water", this::water);
        routes.delete("/api/pots/{id}", ctx -> {
            String id = knownPot(ctx);
            mothership.deletePot(id, Access.user(ctx));
            ctx.json(java.util.Map.of("deleted", id));
        });
    }

    /** One page of the pot list ({@code offset}, {@code limit}); the whole count in {@code X-Total-Count}. */
    private void pots(Context ctx) {
        java.util.List<dev.smartpot.mothership.api.PotView> all = mothership.pots();
        int offset = QueryParams.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = QueryParams.intParam(ctx, "limit", MAX_POT_PAGE, 1, MAX_POT_PAGE);
        ctx.header("X-Total-Count", Integer.toString(all.size()));
        ctx.json(offset >= all.size() ? java.util.List.of() : all.subList(offset, Math.min(all.size(), offset + limit)));
    }

    /** {@code {"ml":100}}: a watering by amount, no command text to get wrong. */
    private void water(Context ctx) {
        String id = knownPot(ctx);
        String fix = "send {\"ml\":100}: 1 to " + CommandParser.MAX_WATER_ML + " ml, the most a pot pours per command";
        int ml;
        try {
            com.fasterxml.jackson.databind.JsonNode body = json.readTree(ctx.body());
            com.fasterxml.jackson.databind.JsonNode amount = body == null ? null : body.get("ml");
            if (amount == null || !amount.canConvertToInt() || !amount.isIntegralNumber()) {
                throw new BadRequest("no whole number \"ml\" in the body", fix);
            }
            ml = amount.intValue();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the body is not JSON", fix);
        }
        if (ml < 1 || ml > CommandParser.MAX_WATER_ML) {
            throw new BadRequest("ml " + ml + " is out of range: a pot pours at most " + CommandParser.MAX_WATER_ML
                    + " ml per command", fix);
        }
        answer(ctx, id, CommandParser.water(ml), mothership.water(id, ml, Access.user(ctx)));
    }

    /** One of a pot's histories, listed for a time range. */
    private interface History {
        Object list(String potId, Instant from, Instant to, int limit);
    }

    /**
     * Answers a history query: the range ({@code from}, {@code to}, default the last hour), the {@code limit} (default
     * {@code defaultLimit}, at most {@code maxLimit}), then the pot, checked in that order.
     */
    private void history(Context ctx, int defaultLimit, int maxLimit, History history) {
        TimeRange range = range(ctx);
        int limit = QueryParams.intParam(ctx, "limit", defaultLimit, 1, maxLimit);
        ctx.json(history.list(knownPot(ctx), range.from(), range.to(), limit));
    }

    private void readingsCsv(Context ctx) throws Exception {
        String id = knownPot(ctx);
        TimeRange range = range(ctx);
        // Each export holds a web thread and the store for as long as it runs: a few at a time.
        if (!csvExports.tryAcquire()) {
            throw new TooBusy(MAX_CSV_EXPORTS + " CSV exports are already running", "wait for them to finish and try again");
        }
        try {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"pot-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + "-readings.csv\"");
            Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            new ReadingsCsv(mothership).write(id, range, out);
        } catch (IOException clientLeft) {
            // The download was cancelled: nothing to answer, and nothing more to query.
        } finally {
            csvExports.release();
        }
    }

    private void series(Context ctx) {
        TimeRange range = range(ctx);
        int points = QueryParams.intParam(ctx, "points", 600, 10, 5_000);
        ctx.json(SeriesJson.of(mothership.series(knownPot(ctx), range.from(), range.to(), points)));
    }

    private void updateSettings(Context ctx) {
        String id = knownPot(ctx);
        ctx.json(mothership.updateSettings(id, SettingsBody.merge(json, mothership.settings(id), ctx.body())));
    }

    private void sendCommand(Context ctx) {
        String id = knownPot(ctx);
        String command = ctx.body().strip();
        if (command.isEmpty() || command.length() > MAX_COMMAND_LENGTH || command.contains("\n") || command.contains("\r")) {
            throw new BadRequest("the command must be one line of 1 to " + MAX_COMMAND_LENGTH + " characters",
                    "send the command text as the request body, e.g. water 100, read, status, calibrate dry, help");
        }
        answer(ctx, id, command, mothership.sendCommand(id, command, Access.user(ctx)));
    }

    /** Answers with the command's outcome once the pot replied, or 202/504 when it does not in time. */
    private void answer(Context ctx, String id, String command, CompletableFuture<CommandView> sent) {
        // A pot asleep on purpose answers at its next wake: once the command is logged (or refused), 202 says so.
        boolean asleep = mothership.pot(id).map(p -> p.asleepUntil() != null).orElse(false);
        if (asleep) {
            sent = sent.copy().completeOnTimeout(null, Math.min(commandWait.toMillis(), ASLEEP_WAIT_MS), TimeUnit.MILLISECONDS);
        }
        CompletableFuture<?> answered = sent
                .orTimeout(commandWait.toMillis(), TimeUnit.MILLISECONDS)
                .handle((view, failure) -> {
                    if (failure == null && view == null) {
                        CommandView pending = mothership.commandLog(id, 20).stream()
                                .filter(c -> c.status().equals("pending") && c.command().equals(command))
                                .findFirst().orElse(null);
                        ctx.status(202).json(pending != null ? CommandJson.of(pending, json) : new ApiError(
                                "the pot is asleep; the command waits for its next wake", "look at GET /api/commands"));
                    } else if (failure != null) {
                        ctx.status(504).json(new ApiError("no answer from the mothership within " + commandWait.toSeconds()
                                + " s", "look at GET /api/commands for the command's outcome"));
                    } else {
                        ctx.status(CommandJson.httpStatus(view)).json(CommandJson.of(view, json));
                    }
                    return null;
                });
        ctx.future(() -> answered);
    }

    private TimeRange range(Context ctx) {
        return TimeRange.parse(ctx.queryParam("from"), ctx.queryParam("to"), clock.instant(), DEFAULT_SPAN);
    }

    private static String potId(Context ctx) {
        return ctx.pathParam("id");
    }

    /** Fails with 404 before any output for a pot never seen, so a CSV download never starts half-empty. */
    private String knownPot(Context ctx) {
        String id = potId(ctx);
        if (mothership.pot(id).isEmpty()) {
            throw new UnknownPotException(id);
        }
        return id;
    }
}
