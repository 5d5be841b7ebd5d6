package dev.smartpot.testkit;

import java.io.File;

/**
 * A program a test runs (mosquitto, mosquitto_sub, openssl, gcc): found on the PATH or where Debian puts it, or a
 * failure that says which Debian package to install. {@code scripts/test} installs them all on a fresh machine.
 */
public enum RequiredTool {

    MOSQUITTO("mosquitto", "mosquitto"),
    MOSQUITTO_SUB("mosquitto_sub", "mosquitto-clients"),
    MOSQUITTO_PUB("mosquitto_pub", "mosquitto-clients"),
    MOSQUITTO_PASSWD("mosquitto_passwd", "mosquitto"),
    OPENSSL("openssl", "openssl"),
    GCC("gcc", "gcc"),
    OBJDUMP("objdump", "binutils");

    private static final String[] SYSTEM_DIRS = {"/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/bin"};

    private final String command;
    private final String debianPackage;

    RequiredTool(String command, String debianPackage) {
        this.command = command;
        this.debianPackage = debianPackage;
    }

    /** The absolute path of the program; fails the test with the install command when it is missing. */
    public String path() {
        String found = find();
        if (found == null) {
            throw new IllegalStateException(missingMessage());
        }
        return found;
    }

    /** The program's name, as a user types it (and as its options file under XDG_CONFIG_HOME is named). */
    public String command() {
        return command;
    }

    /** Whether it is installed (for a test that checks the message a user gets without it). */
    public boolean installed() {
        return find() != null;
    }

    public String missingMessage() {
        return command + " is not installed, and this test runs it. Fix: sudo apt-get install " + debianPackage
                + " (or run scripts/test once: it installs everything the tests need)";
    }

    private String find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, command);
                if (candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        for (String dir : SYSTEM_DIRS) {
            File candidate = new File(dir, command);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
