package dev.smartpot.mothership.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.smartpot.mothership.web.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The dashboard's backups, under /api/ and so behind the login off loopback (the admin's): what the nightly
 * backup keeps, the latest file for download, and a backup made now.
 */
public final class BackupRoutes {

    private final NightlyBackups nightly;

    /** @param nightly null when the mothership runs without --backup-dir */
    public BackupRoutes(NightlyBackups nightly) {
        this.nightly = nightly;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/backups", this::describe);
        routes.get("/api/backups/latest", this::download);
        routes.post("/api/backups", this::makeNow);
    }

    private void describe(Context ctx) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", nightly != null);
        if (nightly != null) {
            body.put("dir", nightly.plan().dir().toAbsolutePath().toString());
            body.put("keep", nightly.plan().keep());
            body.put("at", nightly.plan().at().toString());
            Optional<Path> latest = nightly.latest();
            body.put("latest", latest.isEmpty() ? null : about(latest.get()));
        }
        ctx.json(body);
    }

    private void download(Context ctx) throws IOException {
        Optional<Path> latest = nightly == null ? Optional.empty() : nightly.latest();
        if (latest.isEmpty()) {
            ctx.status(404).json(new ApiError(nightly == null ? "nightly backups are off" : "no backup yet",
                    nightly == null ? "start the mothership with --backup-dir DIR (and --backup-keep N)"
                            : "wait for the nightly backup, or POST /api/backups (the dashboard's Back up now)"));
            return;
        }
        Path file = latest.get();
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        // No Content-Length of our own: a browser asks for gzip, and Javalin may compress the answer.
        // Opened now: a backup pruned while it downloads stays readable through this handle.
        ctx.contentType("application/vnd.sqlite3").result(Files.newInputStream(file));
    }

    private void makeNow(Context ctx) throws IOException {
        if (nightly == null) {
            ctx.status(409).json(new ApiError("backups are off", "start the mothership with --backup-dir DIR"));
            return;
        }
        try {
            Backups.Made made = nightly.now();
            ctx.status(201).json(about(made.file()));
        } catch (BackupException e) {
            ctx.status(500).json(new ApiError(e.getMessage(), "see the error; the mothership's log has the same"));
        }
    }

    private static Map<String, Object> about(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", file.getFileName().toString());
        m.put("bytes", Files.size(file));
        m.put("made_at", Files.getLastModifiedTime(file).toInstant().toString());
        return m;
    }
}
