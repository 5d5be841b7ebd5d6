package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * A command sent to a pot and what came back.
 *
 * @param status  "pending", "ok", "error" (the pot said ok:false), "refused" (a mothership interlock
 *                held it back; {@code error} says which and when it is next allowed), "no-reply"
 * @param reply   the pot's JSON reply as received, null until one came
 * @param error   the pot's or the interlock's reason, null when ok; while "pending" to a pot asleep on purpose,
 *                when it is expected ("waits for the pot's next wake at 14:15 UTC")
 */
public record CommandView(long id, String potId, String command, String by, Instant sentAt, String status,
                          String reply, String error, Instant repliedAt) {
}
