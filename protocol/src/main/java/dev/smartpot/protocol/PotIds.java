package dev.smartpot.protocol;

/** What a pot id may look like: it becomes a topic level, a file-safe key and a URL path segment. */
public final class PotIds {

    public static final int MAX_LENGTH = 64;
    public static final String RULE = "expected 1 to 64 letters, digits, '-', '_', '.' or ':'";

    private PotIds() {
    }

    public static boolean valid(String id) {
        if (id == null || id.length() == 0 || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
