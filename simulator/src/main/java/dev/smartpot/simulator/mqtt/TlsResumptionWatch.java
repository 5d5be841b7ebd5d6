package dev.smartpot.simulator.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The one socket factory a transport dials {@code ssl://} brokers with for as long as it lives, counting its
 * handshakes and how many resumed an earlier session (no certificate exchange, no key agreement from scratch). One
 * factory means one {@code SSLContext}, whose client session cache is what lets a reconnect resume: JSSE resumes a
 * TLS 1.2 session by its id and a TLS 1.3 one by the ticket the broker sent; a resumed session keeps the creation time
 * of the session it resumed, which is how a handshake is told apart here.
 */
final class TlsResumptionWatch extends SSLSocketFactory {

    private final SSLSocketFactory sockets;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();
    private final Set<Long> sessionsSeen = new HashSet<>();

    TlsResumptionWatch(SSLSocketFactory sockets) {
        this.sockets = sockets;
    }

    int handshakes() {
        return handshakes.get();
    }

    int resumed() {
        return resumed.get();
    }

    private Socket watched(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            ssl.addHandshakeCompletedListener(this::completed);
        }
        return socket;
    }

    private void completed(HandshakeCompletedEvent event) {
        handshakes.incrementAndGet();
        boolean seen;
        synchronized (sessionsSeen) {
            seen = !sessionsSeen.add(event.getSession().getCreationTime());
        }
        if (seen) {
            resumed.incrementAndGet();
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return watched(sockets.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return watched(sockets.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return watched(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return watched(sockets.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return watched(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return watched(sockets.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return sockets.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return sockets.getSupportedCipherSuites();
    }
}
