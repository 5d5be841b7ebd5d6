package dev.smartpot.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Ports on 127.0.0.1: every test picks a free one, never a well-known one (1883 may be someone else's broker). */
public final class Loopback {

    public static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    /**
     * Test ports come from below the kernel's ephemeral range (32768 and up on Linux), so no outgoing connection and no
     * other program's "any free port" can take one between the test picking it and its broker binding it. Each test
     * JVM walks a slice of its own, from a start that differs between runs. A JVM claims its slice with a file lock
     * in the folder {@code testkit.ports} names (the build passes the checkout's {@code target/ports}), starting at the
     * one its failsafe fork number ({@code testkit.fork}) suggests: so the forks of two modules that Maven builds side
     * by side ({@code -T}) never share a slice either. The OS drops the lock when the JVM ends, however it ends.
     */
    private static final int FIRST = 20_000;
    private static final int SLICE = 1_000;
    private static final int SLICES = 12;
    private static int slice = -1;
    private static int next = -1;
    @SuppressWarnings("unused") // held, not read: the claim lasts as long as this JVM
    private static FileLock claim;

    /** A port nobody listens on right now, never handed out before by this JVM. */
    public static synchronized int freePort() {
        if (slice < 0) {
            slice = claimSlice(Math.floorMod(Integer.getInteger("testkit.fork", 1) - 1, SLICES));
            next = (int) (ProcessHandle.current().pid() % SLICE);
        }
        int base = FIRST + slice * SLICE;
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

    /**
     * The first slice from {@code wanted} on that no other JVM holds; {@code wanted} itself when the build names no
     * lock folder (a test started from an IDE) or every slice is held (then the random start keeps clashes rare).
     */
    private static int claimSlice(int wanted) {
        String folder = System.getProperty("testkit.ports");
        if (folder == null || folder.isEmpty()) {
            return wanted;
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            for (int i = 0; i < SLICES; i++) {
                int s = (wanted + i) % SLICES;
                FileChannel file = FileChannel.open(dir.resolve("slice-" + s + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = file.tryLock();
                if (lock != null) {
                    claim = lock;
                    return s;
                }
                file.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot claim a port slice in " + folder + " (testkit.ports): " + e.getMessage()
                    + "; make the folder writable or leave the property unset", e);
        }
        return wanted;
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
