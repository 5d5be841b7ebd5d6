package dev.smartpot.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between a pot and its broker, to break the link without touching either: {@link #cut()}
 * resets every connection and refuses new ones; {@link #blackhole()} keeps connections open but forwards
 * nothing (a half-open link); {@link #restore()} forwards again.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { OPEN, CUT, BLACKHOLE }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile Mode mode = Mode.OPEN;

    /** A proxy on a free loopback port in front of {@code upstreamPort}. */
    public TcpProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getByName(Loopback.HOST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String uri() {
        return "tcp://" + Loopback.HOST + ":" + server.getLocalPort();
    }

    public void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    public void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    /** Forwards again; connections black-holed meanwhile stay broken (their bytes are gone). */
    public void restore() {
        if (mode == Mode.BLACKHOLE) {
            closeAll();
        }
        mode = Mode.OPEN;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (mode != Mode.OPEN) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(Loopback.HOST, upstreamPort);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // A refused upstream or a closed server: the client sees a closed connection.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (mode == Mode.OPEN) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // Either side went away.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void closeAll() {
        synchronized (sockets) {
            for (Socket s : sockets) {
                closeQuietly(s);
            }
            sockets.clear();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        closeAll();
    }
}
