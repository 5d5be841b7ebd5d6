package dev.smartpot.bench;

import dev.smartpot.testkit.Mosquitto;

/**
 * Mosquitto as the benchmarks run it (the test kit's launcher, tuned): no connection limit, a deep queue per
 * subscriber (the default 1,000 would silently drop readings when a fleet's subscriber lags), TCP_NODELAY (Nagle
 * plus delayed ACKs adds 40 ms steps to latencies), warnings-only log. For the recovery benchmark, persistence
 * saved every second, so a persistent subscriber's session survives a SIGKILL; the others run without it, which
 * keeps the broker's disk out of what is measured.
 */
final class BenchBroker {

    private BenchBroker() {
    }

    static Mosquitto start() {
        return start(false);
    }

    static Mosquitto start(boolean persistent) {
        return Mosquitto.configure()
                .persistence(persistent)
                // Saved every second, not on every change: a subscriber's session is on disk within a second,
                // and the broker is not rewriting its database for each of 1,000 messages a second.
                .saveEverySecond()
                .quietLog()
                .line("max_connections -1")
                .line("max_queued_messages 1000000")
                .line("max_inflight_messages 100")
                .line("set_tcp_nodelay true")
                .start();
    }
}
