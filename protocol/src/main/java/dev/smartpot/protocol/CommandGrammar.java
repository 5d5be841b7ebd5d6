package dev.smartpot.protocol;

/**
 * The command grammar's words and limits, one of each for pot and mothership: the longest command, the most water one
 * command pours, the interval's range. {@link CommandParser} reads commands by them (and so inherits them).
 */
public abstract class CommandGrammar {

    /** Longer payloads are not read at all: no command needs more, and a board's heap is small. */
    public static final int MAX_BYTES = 256;
    /** The highest count of the widest ADC a pot has (12 bits): the mothership checks {@code calibrate} against it. */
    public static final int MAX_FULL_SCALE = 4095;

    /** The tutorial's word: the mothership got the pot's data. */
    public static final String RECEIVED_WORD = "received";
    public static final String WATER_WORD = "water";

    public static final int RECEIVED = 1;
    public static final int READ = 2;
    public static final int INTERVAL = 3;
    public static final int CALIBRATE = 4;
    public static final int WATER = 5;
    public static final int STATUS = 6;
    public static final int REBOOT = 7;
    public static final int HELP = 8;

    public static final int DRY = 1;
    public static final int WET = 2;

    /** The same range as {@code publish.interval} in the config. */
    public static final long MIN_INTERVAL_MILLIS = 100;
    public static final long MAX_INTERVAL_MILLIS = 3600000;
    public static final int DEFAULT_WATER_ML = 100;
    public static final int MAX_WATER_ML = 2000;

    public static final String USAGE = "received, read, interval <duration>, calibrate dry|wet [counts], water [ml], "
            + "status, reboot, help";

    /** The command that waters {@code ml} millilitres (1 to {@link #MAX_WATER_ML}). */
    public static String water(int ml) {
        return WATER_WORD + " " + ml;
    }

    /** The command's bytes as a pot receives them: anything outside ASCII becomes a byte the pot refuses. */
    static byte[] ascii(String command) {
        byte[] b = new byte[command.length()];
        for (int i = 0; i < b.length; i++) {
            char c = command.charAt(i);
            b[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
        return b;
    }

    CommandGrammar() {
    }
}
