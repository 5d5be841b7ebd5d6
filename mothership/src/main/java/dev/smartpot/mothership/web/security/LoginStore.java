package dev.smartpot.mothership.web.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.nio.file.FileSystems;
import java.util.Properties;

/**
 * The dashboard's one account ({@code admin}) and the API token, kept in the data folder as hashes only.
 * Made at first start; the secrets are returned once so the caller can print them, and never again.
 * Lost them? Delete the file (or start with {@code --reset-login}) and a new pair is made.
 */
public final class LoginStore {

    public static final String FILE_NAME = "web-login.properties";
    /** The new secrets, for the person to read once: owner-only, never printed (a service's output is its journal). */
    public static final String SECRETS_FILE = "first-login.txt";
    public static final String ADMIN = "admin";

    private final Path file;
    private final String user;
    private final String passwordHash;
    private final String tokenHash;

    /** The secrets of a login made just now; {@code secretsFile} holds them for the person to read. */
    public record Created(String user, String password, String apiToken, Path file, Path secretsFile) {
    }

    private LoginStore(Path file, String user, String passwordHash, String tokenHash) {
        this.file = file;
        this.user = user;
        this.passwordHash = passwordHash;
        this.tokenHash = tokenHash;
    }

    /** Reads the login from {@code dataDir}; {@link #create} when there is none. */
    public static LoginStore load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String user = p.getProperty("user");
        String password = p.getProperty("password");
        String token = p.getProperty("token");
        if (user == null || password == null || token == null) {
            throw new IOException(file + " lacks user, password or token. Fix: delete it (or start with --reset-login) to make a new login");
        }
        return new LoginStore(file, user, password, token);
    }

    public static boolean exists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE_NAME));
    }

    /** Makes a new random password and token for {@code admin}, replacing any old file atomically. */
    public static Created create(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        String password = PasswordHash.randomSecret(12);
        String token = PasswordHash.randomSecret(24);
        Properties p = new Properties();
        p.setProperty("user", ADMIN);
        p.setProperty("password", PasswordHash.hash(password));
        p.setProperty("token", PasswordHash.tokenHash(token));
        Path file = dataDir.resolve(FILE_NAME);
        Path temp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Hashes only, but still nobody else's business: owner read/write from the first byte.
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "smartpot mothership dashboard login: hashes only. Delete this file to make a new login.");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path secrets = dataDir.resolve(SECRETS_FILE);
        writeOwnerOnly(secrets, "# smartpot mothership dashboard login, made " + java.time.Instant.now() + ". Note these"
                + " somewhere safe, then delete this file; only hashes are kept (" + FILE_NAME + ").\n"
                + "user " + ADMIN + "\npassword " + password + "\napi_token " + token + "\n");
        return new Created(ADMIN, password, token, file, secrets);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public boolean checkPassword(String user, String password) {
        // Always hash, even for a wrong name, so timing does not tell which names exist.
        boolean passwordOk = PasswordHash.matches(password == null ? "" : password, passwordHash);
        return passwordOk && this.user.equals(user);
    }

    public boolean checkToken(String token) {
        return token != null && MessageDigest.isEqual(
                PasswordHash.tokenHash(token).getBytes(StandardCharsets.UTF_8), tokenHash.getBytes(StandardCharsets.UTF_8));
    }

    public Path file() {
        return file;
    }
}
