package dev.smartpot.mothership.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One database, SQLite or PostgreSQL: a single writer connection (owned by the {@link StoreWriter}
 * thread) and a few reader connections for queries. SQLite in WAL mode lets the readers run while the
 * writer writes. The schema is migrated when it opens.
 */
public final class Database implements AutoCloseable {

    /** A query or update on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final int READERS = 3;
    /** A reader connection's SQLite page cache, in KB. */
    private static final int READER_CACHE_KB = 4_000;

    private final String url;
    private final Properties login;
    private final Dialect dialect;
    private Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final String description;

    private Database(String url, Properties login) throws SQLException {
        this.url = url;
        this.login = login;
        this.dialect = Dialect.of(url);
        this.description = dialect == Dialect.SQLITE ? "SQLite " + sqliteFile(url) : "PostgreSQL " + withoutSecrets(url);
        this.writer = open();
        try {
            if (dialect == Dialect.SQLITE) {
                writer = PageSizeConversion.ifNeeded(writer, Path.of(sqliteFile(url)), this::open);
            }
            Migrations.apply(writer, dialect);
            // What a SIGKILL left in the inbox joins readings before anything reads the store at start.
            InboxMove.moveNow(writer, dialect, "at start");
            for (int i = 0; i < READERS; i++) {
                readers.add(reader());
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** SQLite in one file; its folder is made if missing. */
    public static Database sqlite(Path file) throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot make the folder for " + file + ": " + e.getMessage()
                    + "; choose a --data folder this user may write");
        }
        return new Database(sqliteUrl(file), new Properties());
    }

    /**
     * SQLite's unix-excl VFS: the mothership holds its file for itself (another process gets "database is locked"
     * until it stops) and keeps the log's index in its own memory, not in a mapped -shm file. That file's pages were
     * written out after each commit, a quarter of what 20 pots cost the SD card a day. Connections in this process,
     * the store's and a backup's, share the lock and the index.
     */
    private static String sqliteUrl(Path file) {
        return "jdbc:sqlite:file:" + file.toAbsolutePath() + "?vfs=unix-excl";
    }

    /** Any supported JDBC url; user and password may be null (then the url's own, if any). */
    public static Database open(String jdbcUrl, String user, String password) throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        return new Database(jdbcUrl, login);
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, login);
        dialect.configure(c);
        return c;
    }

    /**
     * A reader: a smaller SQLite page cache than the writer's (which inserts all over the indexes): the dashboard's
     * queries read a pot's few pages, and every connection's cache is memory outside the Java heap.
     */
    private Connection reader() throws SQLException {
        Connection c = open();
        if (dialect == Dialect.SQLITE) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("PRAGMA cache_size=-" + READER_CACHE_KB);
            }
        }
        return c;
    }

    /** A connection of its own, outside the writer and the readers (e.g. to hold a session lock). */
    Connection newConnection() throws SQLException {
        return open();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** "SQLite /var/lib/mothership/mothership.db" or "PostgreSQL jdbc:postgresql://host:5432/db". */
    public String describe() {
        return description;
    }

    /** The writer connection: only the store writer's thread may use it. */
    Connection writer() {
        return writer;
    }

    /**
     * After a failed write, a fresh writer connection: a driver may be left believing in a transaction
     * the database already rolled back (SQLite after SQLITE_FULL), and a PostgreSQL link may be dead.
     */
    void reopenWriter() throws SQLException {
        quietClose(writer);
        writer = open();
    }

    /** Runs a query on a reader connection (waits up to 10 s for one to be free). */
    public <T> T read(Work<T> work) {
        Connection c;
        try {
            c = readers.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        if (c == null) {
            throw new StoreException("every database connection stayed busy for 10 s; is a query stuck?", null);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(StoreErrors.describe(e, description), e);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : readers) {
            quietClose(c);
        }
        readers.clear();
        quietClose(writer);
    }

    private static void quietClose(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // Closing anyway.
        }
    }

    /** The file of a {@code jdbc:sqlite:PATH} or {@code jdbc:sqlite:file:PATH?PARAMETERS} url. */
    static String sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        int parameters = file.indexOf('?');
        return parameters < 0 ? file : file.substring(0, parameters);
    }

    /** The url as it may be shown: no password parameter. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
