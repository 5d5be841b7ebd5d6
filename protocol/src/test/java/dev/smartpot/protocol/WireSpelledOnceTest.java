package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The wire has one definition: outside protocol/, no main code (Java, the dashboard's JavaScript and HTML) spells a
 * topic, a JSON field name of a pot's message, or a protocol limit in a string literal; it uses this module's constants.
 * A source scan, so a copy that drifts from the contract fails here, not on a board.
 */
class WireSpelledOnceTest {

    private static final Path ROOT = Path.of("..");
    /** A string literal, '...' or "..." (JavaScript too); comments are dropped before. */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    private static final Pattern HTML_ATTRIBUTE_LIMIT = Pattern.compile("max(?:length)?=\"(\\d+)\"");

    /** Every topic, topic level and field name the protocol's classes define (their public String constants). */
    private static TreeSet<String> fieldNames() throws IllegalAccessException {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> c : List.of(ReadingFields.class, ReplyFields.class, AboutFields.class, StatusFields.class,
                WakePhases.class, ResultFields.class, ConnectPhases.class)) {
            for (Field f : c.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    String v = (String) f.get(null);
                    // Field names only (values such as "always-on" are words a person reads too).
                    if (v.matches("[a-z][a-z_A-Z]*_[a-z_A-Z]+")) {
                        names.add(v);
                    }
                }
            }
        }
        return names;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String s = ROOT.relativize(p).toString().replace('\\', '/');
                        return s.contains("/src/main/") && !s.startsWith("protocol/") && !s.contains("/target/")
                                && !s.contains("/node_modules/") && (s.endsWith(".java") || s.endsWith(".js") || s.endsWith(".html"));
                    })
                    .forEach(out::add);
        }
        return out;
    }

    /** The code without comments (line comments, block comments, Javadoc), line numbers kept. */
    static String code(String text) {
        StringBuilder out = new StringBuilder();
        boolean block = false;
        for (String line : text.split("\n", -1)) {
            String l = line;
            if (block) {
                int end = l.indexOf("*/");
                if (end < 0) {
                    out.append('\n');
                    continue;
                }
                l = l.substring(end + 2);
                block = false;
            }
            int start = l.indexOf("/*");
            if (start >= 0 && !insideLiteral(l, start)) {
                int end = l.indexOf("*/", start + 2);
                block = end < 0;
                l = l.substring(0, start) + (end < 0 ? "" : l.substring(end + 2));
            }
            int comment = l.indexOf("//");
            if (comment >= 0 && !insideLiteral(l, comment)) {
                l = l.substring(0, comment);
            }
            out.append(l).append('\n');
        }
        return out.toString();
    }

    private static boolean insideLiteral(String line, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            if (line.charAt(i) == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    @Test
    void noMainCodeOutsideTheProtocolSpellsATopicAFieldOrALimit() throws Exception {
        TreeSet<String> fields = fieldNames();
        assertTrue(fields.contains(ReadingFields.UPTIME_MS) && fields.contains(WakePhases.WIFI_MS), fields.toString());
        String[] topics = {WireTopics.UP, WireTopics.DOWN, WireTopics.ALERTS, WireTopics.HOME_ASSISTANT_STATUS};
        String[] levels = {"/" + WireTopics.STATUS_LEVEL, "/" + WireTopics.REPLY_LEVEL, "/" + WireTopics.ABOUT_LEVEL,
            "/" + WireTopics.CONNECT_LEVEL};
        String[] limits = {Integer.toString(CommandParser.MAX_WATER_ML), Integer.toString(CommandParser.MAX_BYTES)};
        List<Path> sources = mainSources();
        assertTrue(sources.size() > 100, "the scan sees the modules' sources from protocol/: " + sources.size());
        List<String> found = new ArrayList<>();
        for (Path p : sources) {
            String name = ROOT.relativize(p).toString().replace('\\', '/');
            String[] lines = code(Files.readString(p, StandardCharsets.UTF_8)).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = LITERAL.matcher(lines[i]);
                while (m.find()) {
                    String literal = m.group(1) != null ? m.group(1) : m.group(2);
                    String why = spelled(literal, topics, levels, fields);
                    // Linux's own /proc/PID/status, not a topic.
                    if (why != null && lines[i].contains("\"/proc/\"")) {
                        why = null;
                    }
                    if (why != null) {
                        found.add(name + ":" + (i + 1) + " spells " + why + ": " + lines[i].trim());
                    }
                }
                if (name.endsWith(".js") || name.endsWith(".html")) {
                    Matcher limit = HTML_ATTRIBUTE_LIMIT.matcher(lines[i]);
                    while (limit.find()) {
                        for (String l : limits) {
                            if (limit.group(1).equals(l)) {
                                found.add(name + ":" + (i + 1) + " spells the protocol's limit " + l + ": " + lines[i].trim());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "use protocol/'s WireTopics, *Fields and CommandParser (the dashboard: the API's"
                + " /api/limits) instead");
    }

    /** What a literal spells of the wire, or null. */
    static String spelled(String literal, String[] topics, String[] levels, TreeSet<String> fields) {
        for (String t : topics) {
            if (literal.equals(t) || literal.startsWith(t + "/") || literal.contains(" " + t) && literal.contains("/")) {
                return "the topic " + t;
            }
        }
        for (String l : levels) {
            if (literal.equals(l)) {
                return "the topic level " + l;
            }
        }
        for (String f : fields) {
            if (literal.contains("\\\"" + f + "\\\":") || literal.contains("\"" + f + "\":")) {
                return "the field " + f;
            }
        }
        return null;
    }

    @Test
    void theScanSeesASpelledTopicFieldAndLimit() {
        TreeSet<String> fields = new TreeSet<>(List.of("uptime_ms"));
        String[] topics = {WireTopics.UP};
        String[] levels = {"/status"};
        assertTrue(spelled("to_mothership/", topics, levels, fields) != null);
        assertTrue(spelled("/status", topics, levels, fields) != null);
        assertTrue(spelled(",\\\"uptime_ms\\\":", topics, levels, fields) != null);
        assertEquals(null, spelled("uptime", topics, levels, fields));
        assertEquals("int x = 1; \n\n", code("int x = 1; // \"to_mothership\"\n"));
        assertEquals("\n\nb\n\n", code("/* \"to_mothership\"\n * x */\nb\n"));
    }
}
