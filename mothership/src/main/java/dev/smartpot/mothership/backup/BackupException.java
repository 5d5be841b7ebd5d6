package dev.smartpot.mothership.backup;

/** A backup or restore that did not happen; the message names the problem and the fix. Nothing was changed. */
public final class BackupException extends Exception {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
