package dev.smartpot.mothership.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many passwords may be tried. Every attempt is counted, atomically, before its password is hashed (PBKDF2
 * takes a while, and 60 guesses sent at once used to all be checked before the first failure was counted):
 * five per address, then that address waits a minute; {@value #SERVER_ATTEMPTS} per minute on the whole server,
 * however many addresses they come from; and at most {@value #CONCURRENT_CHECKS} passwords hashed at once.
 */
final class LoginThrottle {

    static final int ADDRESS_ATTEMPTS = 5;
    static final int SERVER_ATTEMPTS = 30;
    static final int CONCURRENT_CHECKS = 2;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Count(int attempts, Instant lockedUntil) {
    }

    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();
    private final Deque<Instant> serverAttempts = new ArrayDeque<>();
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS);

    /**
     * Counts an attempt and reserves a check; call {@link #end} once the password was checked.
     *
     * @throws AccessGuard.Refused 429 when this address or the server has used its attempts, or too many checks run
     */
    void begin(String address, Instant now) {
        Instant[] locked = new Instant[1];
        byAddress.compute(address, (k, c) -> {
            if (c != null && c.lockedUntil() != null && now.isBefore(c.lockedUntil())) {
                locked[0] = c.lockedUntil();
                return c;
            }
            int attempts = (c == null || c.lockedUntil() != null ? 0 : c.attempts()) + 1;
            return new Count(attempts, attempts >= ADDRESS_ATTEMPTS ? now.plus(WINDOW) : null);
        });
        if (locked[0] != null) {
            throw new AccessGuard.Refused(429, "too many wrong passwords from " + address, "wait until " + locked[0] + " and try again");
        }
        synchronized (serverAttempts) {
            while (!serverAttempts.isEmpty() && !serverAttempts.peekFirst().isAfter(now.minus(WINDOW))) {
                serverAttempts.removeFirst();
            }
            if (serverAttempts.size() >= SERVER_ATTEMPTS) {
                throw new AccessGuard.Refused(429, "more than " + SERVER_ATTEMPTS + " login attempts on this server in the last minute",
                        "wait until " + serverAttempts.peekFirst().plus(WINDOW) + " and try again; scripts can use the API token instead");
            }
            serverAttempts.addLast(now);
        }
        if (!checks.tryAcquire()) {
            throw new AccessGuard.Refused(429, CONCURRENT_CHECKS + " logins are being checked right now", "try again in a second");
        }
    }

    /** The check is done; a right password clears its address's count. */
    void end(String address, boolean succeeded) {
        checks.release();
        if (succeeded) {
            byAddress.remove(address);
        }
    }
}
