package dev.smartpot.mothership.notify;

import java.util.List;

/**
 * What one delivery says: one alert, a digest of the alerts held through the quiet hours, or a test. Every
 * channel renders it from here, so a mail and a push say the same.
 *
 * @param event    "alert", "digest" or "test"
 * @param notices  the alerts (one for "alert", none for "test")
 * @param link     the dashboard (for a digest or a test)
 */
public record Message(String event, List<Notice> notices, String link) {

    public static Message alert(Notice n) {
        return new Message("alert", List.of(n), n.link());
    }

    public static Message digest(List<Notice> notices, String link) {
        return new Message("digest", List.copyOf(notices), link);
    }

    public static Message test(String link) {
        return new Message("test", List.of(), link);
    }

    /** A short headline: "Basil (Kitchen): DRY", "3 alerts during the quiet hours". */
    public String title() {
        return switch (event) {
            case "alert" -> notices.get(0).potLabel() + ": " + notices.get(0).kind();
            case "digest" -> notices.size() + (notices.size() == 1 ? " alert" : " alerts") + " during the quiet hours";
            default -> "Test from the smart-pot mothership";
        };
    }

    /** The body: what happened and where to look. */
    public String text() {
        StringBuilder b = new StringBuilder();
        switch (event) {
            case "alert" -> b.append(notices.get(0).message());
            case "digest" -> {
                for (Notice n : notices) {
                    b.append("- ").append(n.potLabel()).append(": ").append(n.kind()).append(", ").append(n.message()).append('\n');
                }
                b.setLength(b.length() - 1);
            }
            default -> b.append("This target works: alerts raised by the mothership will arrive here.");
        }
        if (link != null) {
            b.append('\n').append(link);
        }
        return b.toString();
    }

    /** The most pressing kind in it, for a channel's priority or tag. */
    public String kind() {
        return notices.isEmpty() ? "TEST" : notices.get(0).kind();
    }
}
