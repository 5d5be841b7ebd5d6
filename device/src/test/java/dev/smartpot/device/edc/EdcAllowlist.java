package dev.smartpot.device.edc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK types and members board code may reference, read from allowlist files (format in the header of
 * {@code edc/edc-1.3-allowlist.txt}). Names are dotted ({@code java.util.Map$Entry}); nested types use '$'.
 */
public final class EdcAllowlist {

    /** The EDC 1.3 list (device/src/test/resources/edc/edc-1.3-allowlist.txt). */
    public static final String EDC_RESOURCE = "/edc/edc-1.3-allowlist.txt";

    private final Set<String> types = new HashSet<>();
    /** Member-restricted types: type to the member names allowed on it. */
    private final Map<String, Set<String>> restricted = new HashMap<>();
    /** Denied types (exact) and packages (prefix ending with '.'), to the reason. */
    private final Map<String, String> deniedTypes = new LinkedHashMap<>();
    /** Denied members: "type#name", "type#name(desc)" or "*#name", to the reason. */
    private final Map<String, String> deniedMembers = new HashMap<>();
    private final List<String> sources = new ArrayList<>();

    private EdcAllowlist() {
    }

    /** The EDC 1.3 list alone. */
    public static EdcAllowlist edc13() {
        return new EdcAllowlist().addResource(EDC_RESOURCE);
    }

    /** Adds the entries of a classpath resource (e.g. an extra list for the NET library's types). */
    public EdcAllowlist addResource(String resource) {
        InputStream in = EdcAllowlist.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("allowlist resource " + resource + " not found on the classpath");
        }
        try (InputStream s = in) {
            return add(s, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the entries of an allowlist file. */
    public EdcAllowlist addFile(Path file) {
        try (InputStream s = Files.newInputStream(file)) {
            return add(s, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EdcAllowlist add(InputStream in, String origin) throws IOException {
        sources.add(origin);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("!")) {
                String body = t.substring(1);
                int space = indexOfSpace(body);
                String entry = space < 0 ? body : body.substring(0, space);
                String reason = space < 0 ? "denied by " + origin : body.substring(space).trim();
                if (entry.contains("#")) {
                    deniedMembers.put(entry, reason);
                } else if (entry.endsWith(".*")) {
                    deniedTypes.put(entry.substring(0, entry.length() - 1), reason);
                } else {
                    deniedTypes.put(entry, reason);
                }
                continue;
            }
            if (indexOfSpace(t) >= 0) {
                throw new IllegalArgumentException(origin + ":" + lineNumber + ": an allow entry is one name, got \"" + t + "\"");
            }
            int hash = t.indexOf('#');
            if (hash < 0) {
                types.add(t);
            } else {
                restricted.computeIfAbsent(t.substring(0, hash), k -> new HashSet<>()).add(t.substring(hash + 1));
            }
        }
        return this;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The reason a type is denied, or null. */
    public String typeDenial(String type) {
        String exact = deniedTypes.get(type);
        if (exact != null) {
            return exact;
        }
        if (types.contains(type) || restricted.containsKey(type)) {
            return null; // an explicit allow (e.g. from an extra list) beats a denied package
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> e : deniedTypes.entrySet()) {
            String key = e.getKey();
            if (key.endsWith(".") && type.startsWith(key) && key.length() > bestLength) {
                best = e.getValue();
                bestLength = key.length();
            }
        }
        return best;
    }

    /** True if the type may be referenced at all (wholly, or through some of its members). */
    public boolean typeAllowed(String type) {
        return typeDenial(type) == null && (types.contains(type) || restricted.containsKey(type));
    }

    /** The reason a member is denied, or null. */
    public String memberDenial(String owner, String name, String descriptor) {
        String r = deniedMembers.get(owner + "#" + name + descriptor);
        if (r == null) {
            r = deniedMembers.get(owner + "#" + name);
        }
        if (r == null) {
            r = deniedMembers.get("*#" + name);
        }
        return r;
    }

    /** The members allowed on a member-restricted type, or null when the whole type is allowed. */
    public Set<String> allowedMembers(String owner) {
        return types.contains(owner) ? null : restricted.get(owner);
    }

    /** Where the entries came from, for messages. */
    public List<String> sources() {
        return sources;
    }
}
