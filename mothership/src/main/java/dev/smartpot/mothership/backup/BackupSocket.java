package dev.smartpot.mothership.backup;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Backups by hand ({@code scripts/mothership backup --data DIR FILE}) of a running SQLite mothership. The mothership
 * holds its file for itself, so the command asks it, on a Unix socket in its data folder that only its user may
 * open (as for the file itself); the running mothership writes the backup. One line each way: the backup file's
 * absolute path in; {@code ok} and what was made, or {@code error} and why, out (tab-separated).
 */
public final class BackupSocket implements AutoCloseable {

    /** The socket's name in the data folder. */
    public static final String FILE = "backup.sock";
    /** Bytes of a request line read at most: a longer one is no file name. */
    private static final int MAX_LINE = 4_096;

    private final Path path;
    private final ServerSocketChannel server;
    private final StoreAddress store;
    private final Thread acceptor;

    private BackupSocket(Path path, ServerSocketChannel server, StoreAddress store) {
        this.path = path;
        this.server = server;
        this.store = store;
        this.acceptor = new Thread(this::serve, "backup-socket");
        acceptor.setDaemon(true);
    }

    /**
     * Listens in {@code dataDir} for the store at {@code store}. A socket file found there is a killed mothership's: the
     * store's own lock let this one start, so no other mothership listens on it.
     */
    public static BackupSocket open(Path dataDir, StoreAddress store) throws IOException {
        Path path = dataDir.resolve(FILE);
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        BackupSocket socket = new BackupSocket(path, server, store);
        socket.acceptor.start();
        return socket;
    }

    /**
     * Asks the mothership running on {@code dataDir} for a backup into {@code out}.
     *
     * @return what it made; null when no mothership listens there (none runs: the file may be opened directly)
     * @throws BackupException when it tried and failed, or when this user may not ask it
     */
    public static Backups.Made ask(Path dataDir, Path out) throws BackupException {
        Path path = dataDir.resolve(FILE);
        if (!Files.exists(path)) {
            return null;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            Writer request = Channels.newWriter(channel, StandardCharsets.UTF_8);
            request.write(out.toAbsolutePath() + "\n");
            request.flush();
            String answer = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                throw new BackupException("the mothership running on " + dataDir + " stopped before it answered. Fix: start it"
                        + " again and repeat the backup");
            }
            return parse(answer);
        } catch (ConnectException stale) {
            return null;
        } catch (AccessDeniedException | java.net.SocketException denied) {
            throw new BackupException("cannot ask the mothership running on " + dataDir + " for a backup (" + denied.getMessage()
                    + "). Fix: run the backup as the mothership's user, e.g. sudo -u smartpot scripts/mothership backup ...", denied);
        } catch (IOException e) {
            throw new BackupException("cannot ask the mothership running on " + dataDir + " for a backup: " + e.getMessage(), e);
        }
    }

    private static Backups.Made parse(String answer) throws BackupException {
        String[] part = answer.split("\t", -1);
        if (part.length == 6 && part[0].equals("ok")) {
            return new Backups.Made(Path.of(part[1]), Long.parseLong(part[2]), Integer.parseInt(part[3]), Long.parseLong(part[4]),
                    Long.parseLong(part[5]));
        }
        throw new BackupException(part.length == 2 && part[0].equals("error") ? part[1] : "the mothership answered \"" + answer + "\"");
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel channel = server.accept()) {
                String request = readLine(Channels.newInputStream(channel));
                Writer answer = Channels.newWriter(channel, StandardCharsets.UTF_8);
                answer.write(answer(request) + "\n");
                answer.flush();
            } catch (IOException e) {
                if (server.isOpen()) {
                    System.err.println("mothership: a backup request on " + path + " failed: " + e.getMessage());
                }
            }
        }
    }

    /** The request's line, or null if it ends first or runs past {@link #MAX_LINE}. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() == MAX_LINE) {
                return null;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private String answer(String line) {
        Path out;
        try {
            out = line == null ? null : Path.of(line);
        } catch (InvalidPathException e) {
            out = null;
        }
        if (out == null || !out.isAbsolute()) {
            return "error\tthe request was not one absolute file name. Fix: use scripts/mothership backup --data DIR FILE";
        }
        try {
            Backups.Made made = Backups.backup(store, out);
            System.out.println("mothership: backup by hand written to " + made.file());
            return "ok\t" + made.file() + "\t" + made.bytes() + "\t" + made.schemaVersion() + "\t" + made.pots() + "\t" + made.readings();
        } catch (BackupException e) {
            return "error\t" + e.getMessage().replace('\t', ' ').replace('\n', ' ');
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left behind, it is taken for a killed mothership's at the next start.
        }
    }
}
