package dev.smartpot.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1: every test picks a free one, never a well-known one (1883 may be someone else's broker). */
public final class Loopback {

    public static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    /**
     * Test ports come from below the kernel's ephemeral range (32768 and up on Linux), so no outgoing connection and no
     * other program's "any free port" can take one between the test picking it and its broker binding it. Each test
     * JVM (a failsafe fork: {@code testkit.fork}) walks a slice of its own, from a start that differs between runs,
     * so forks running at the same time never hand out the same port.
     */
    private static final int FIRST = 20_000;
    private static final int SLICE = 1_500;
    private static final int SLICES = 8;
    private static int next = -1;

    /** A port nobody listens on right now, never handed out before by this JVM. */
    public static synchronized int freePort() {
        int slice = Math.floorMod(Integer.getInteger("testkit.fork", 1) - 1, SLICES);
        int base = FIRST + slice * SLICE;
        if (next < 0) {
            next = (int) (ProcessHandle.current().pid() % SLICE);
        }
        for (int tries = 0; tries < SLICE; tries++) {
            int port = base + next;
            next = (next + 1) % SLICE;
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port in " + base + ".." + (base + SLICE - 1)
                + ": is another test run holding them all?");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on {@code port}. */
    public static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
