package dev.smartpot.bench.mothership;

import dev.smartpot.testkit.Mosquitto;

/**
 * A real Mosquitto on a free loopback port for the mothership benchmarks (the test kit's launcher): no
 * persistence (the broker's disk is not what is measured), a queue deep enough to hold a whole run for a
 * subscriber that lags, a wide in-flight window (the mothership acknowledges only after its commit).
 */
final class BenchBroker implements AutoCloseable {

    final int port;
    private final Mosquitto mosquitto;

    private BenchBroker(Mosquitto mosquitto) {
        this.mosquitto = mosquitto;
        this.port = mosquitto.port();
    }

    static BenchBroker start() {
        return new BenchBroker(Mosquitto.configure()
                .persistence(false)
                .quietLog()
                .line("max_connections -1")
                .line("max_queued_messages 2000000")
                .line("max_inflight_messages " + Integer.getInteger("bench.inflight", 1000))
                .line("set_tcp_nodelay true")
                .start());
    }

    String url() {
        return mosquitto.uri();
    }

    @Override
    public void close() {
        mosquitto.close();
    }
}
