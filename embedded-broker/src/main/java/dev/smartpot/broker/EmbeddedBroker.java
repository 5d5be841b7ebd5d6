package dev.smartpot.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * Moquette 0.17 on loopback, for a simulator that needs no broker installed. Its defaults are overridden
 * where they would surprise a user: it binds 127.0.0.1 (not every interface), keeps nothing on disk, and
 * sends no telemetry (on by default, it reports to an outside host). A client that subscribes right after its
 * CONNACK goes through the host module's {@code MoquetteConnectBarrier}: Moquette can otherwise drop it (a race of its own).
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    /** Ports of the embedded brokers running in this JVM, so a transport can tell it talks to Moquette. */
    private static final Set<Integer> RUNNING = ConcurrentHashMap.newKeySet();

    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts on {@code preferredPort}, or on a free port when that one is taken (a Mosquitto may already
     * run on 1883). {@code preferredPort} 0 always picks a free port.
     */
    public static EmbeddedBroker start(int preferredPort) throws IOException {
        int port = preferredPort != 0 && isFree(preferredPort) ? preferredPort : freePort();
        Properties props = new Properties();
        props.setProperty("host", HOST);
        props.setProperty("port", Integer.toString(port));
        props.setProperty("telemetry_enabled", "false");
        props.setProperty("persistence_enabled", "false");
        props.setProperty("allow_anonymous", "true");
        // mosquitto_sub/mosquitto_pub 2.0 send an empty client id and let the broker pick one (MQTT 3.1.1
        // allows it with a clean session); Moquette refuses that unless told, so the banner's commands failed.
        props.setProperty("allow_zero_byte_client_id", "true");
        props.setProperty("netty.so_reuseaddr", "true");
        Server server = new Server();
        server.startServer(new MemoryConfig(props));
        RUNNING.add(port);
        return new EmbeddedBroker(server, port);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://" + HOST + ":" + port;
    }

    /** Takes about 2 s: Netty's quiet period. */
    @Override
    public void close() {
        RUNNING.remove(port);
        server.stopServer();
    }

    /**
     * True when an embedded broker of this JVM listens on {@code port} of {@link #HOST}: a client there must step
     * around Moquette's CONNACK race (the host module's {@code MoquetteConnectBarrier}).
     */
    public static boolean runsOn(int port) {
        return RUNNING.contains(port);
    }

    /**
     * Probes the way Moquette binds (address reuse on): a port whose last connections still wait in TIME_WAIT
     * (a re-run within a minute) is free to it, and only a listener takes it.
     */
    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        }
    }
}
