package dev.smartpot.mothership.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.broker.Outbound;
import dev.smartpot.mothership.plant.SleepStatus;
import dev.smartpot.mothership.store.CommandLog;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.protocol.ReplyFields;
import dev.smartpot.protocol.WireTopics;

/**
 * Sends command texts to one pot ({@code from_mothership/{id}}, QoS 1) and matches the pot's replies on
 * {@code to_mothership/{id}/reply} to them: per pot, the oldest waiting command whose text the reply
 * echoes (pots echo at most 64 characters, trimmed), else the oldest waiting one. A command with no reply
 * within the timeout completes as {@code no-reply}; to a pot asleep on purpose, the wait lasts until its announced wake
 * (the broker keeps the command for it). Every command is logged with what came of it.
 */
public final class CommandDesk {

    private static final int ECHO_MAX = ReplyFields.ECHO_MAX;

    private final StoreWriter writer;
    private final Outbound outbound;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final Consumer<CommandView> changed;
    private final Map<String, Deque<Waiting>> waiting = new HashMap<>();

    private static final class Waiting {
        final CommandView sent;
        final CompletableFuture<CommandView> result = new CompletableFuture<>();

        Waiting(CommandView sent) {
            this.sent = sent;
        }
    }

    /** @param changed told about every command as it is sent and as it completes */
    public CommandDesk(StoreWriter writer, Outbound outbound, Clock clock, ScheduledExecutorService timer,
                       Duration timeout, Consumer<CommandView> changed) {
        this.writer = writer;
        this.outbound = outbound;
        this.clock = clock;
        this.timer = timer;
        this.timeout = timeout;
        this.changed = changed;
    }

    public CompletableFuture<CommandView> send(String potId, String text, String by) {
        return send(potId, text, by, null);
    }

    /**
     * @param asleep the pot's sleep when it is asleep on purpose, else null: the broker keeps the command for the
     *               pot's next wake, so the reply is awaited until that wake and its grace (plus the usual timeout),
     *               and the log says so meanwhile
     */
    public CompletableFuture<CommandView> send(String potId, String text, String by, SleepStatus.Sleep asleep) {
        String command = text.trim();
        Instant now = clock.instant();
        String waits = asleep == null ? null : "waits for the pot's next wake at " + SleepStatus.clock(asleep.wakeAt());
        long waitMs = asleep == null ? timeout.toMillis()
                : Math.max(timeout.toMillis(), asleep.deadline().toEpochMilli() - now.toEpochMilli() + timeout.toMillis());
        String noReply = asleep == null
                ? "no reply from the pot within " + timeout.toSeconds() + " s; is it online and subscribed to its command topic?"
                : "no reply from the pot by its announced wake at " + SleepStatus.clock(asleep.wakeAt()) + " (and "
                + (asleep.graceMs() / 60_000) + " min of grace); did it wake, and does it keep a persistent session?";
        CommandView draft = new CommandView(0, potId, command, by, now, "pending", null, waits, null);
        return writer.submit(c -> CommandLog.insert(c, draft)).thenCompose(id -> {
            CommandView sent = new CommandView(id, potId, command, by, draft.sentAt(), "pending", null, waits, null);
            Waiting w = new Waiting(sent);
            synchronized (this) {
                waiting.computeIfAbsent(potId, k -> new ArrayDeque<>()).addLast(w);
            }
            changed.accept(sent);
            outbound.publish(WireTopics.commands(potId), command, false).whenComplete((ok, failure) -> {
                if (failure != null) {
                    finish(potId, w, "error", null, "not sent: " + rootMessage(failure)
                            + "; check that the broker is reachable (GET /health)");
                }
            });
            timer.schedule(() -> finish(potId, w, "no-reply", null, noReply), waitMs, TimeUnit.MILLISECONDS);
            return w.result;
        });
    }

    /** A reply arrived (and was stored with its batch): completes the command it answers, if any. */
    public void reply(Inbound.Reply r) {
        Waiting match = null;
        synchronized (this) {
            Deque<Waiting> queue = waiting.get(r.potId());
            if (queue == null || queue.isEmpty()) {
                return;
            }
            String echoed = r.command() == null ? null : normalize(r.command());
            for (Iterator<Waiting> it = queue.iterator(); it.hasNext() && echoed != null; ) {
                Waiting w = it.next();
                if (answers(echoed, w.sent.command())) {
                    match = w;
                    break;
                }
            }
            if (match == null) {
                match = queue.peekFirst();
            }
        }
        finish(r.potId(), match, r.ok() ? "ok" : "error", r.json(), r.ok() ? null : r.error());
    }

    private void finish(String potId, Waiting w, String status, String reply, String error) {
        synchronized (this) {
            Deque<Waiting> queue = waiting.get(potId);
            if (queue == null || !queue.remove(w)) {
                return;
            }
            if (queue.isEmpty()) {
                waiting.remove(potId);
            }
        }
        CommandView s = w.sent;
        CommandView done = new CommandView(s.id(), s.potId(), s.command(), s.by(), s.sentAt(), status, reply, error,
                reply == null ? null : clock.instant());
        writer.submit(c -> CommandLog.finish(c, done)).whenComplete((v, e) -> {
            w.result.complete(done);
            changed.accept(done);
        });
    }

    /** Logs a command an interlock held back; it was never sent. */
    public CompletableFuture<CommandView> refused(String potId, String text, String by, String reason) {
        CommandView draft = new CommandView(0, potId, text.trim(), by, clock.instant(), "refused", null, reason, null);
        return writer.submit(c -> CommandLog.insert(c, draft)).thenApply(id -> {
            CommandView v = new CommandView(id, potId, draft.command(), by, draft.sentAt(), "refused", null, reason, null);
            changed.accept(v);
            return v;
        });
    }

    /** Whether a reply's echo names this command (a long command's echo is cut, maybe with "..."). */
    static boolean answers(String echoed, String command) {
        String sent = normalize(command);
        if (sent.equals(echoed)) {
            return true;
        }
        String cut = echoed.endsWith("...") ? echoed.substring(0, echoed.length() - 3) : echoed;
        return sent.length() > ECHO_MAX - 4 && cut.length() >= ECHO_MAX - 4 && sent.startsWith(cut.trim());
    }

    private static String normalize(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
