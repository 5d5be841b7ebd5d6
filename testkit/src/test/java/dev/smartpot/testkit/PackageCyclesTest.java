package dev.smartpot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No package of the project's main code depends, through its imports, on a package that depends back on it: layers
 * read from the bottom up (a composition root at the top, seams and values at the bottom). A cycle is reported with
 * the files that make each of its edges, so the fix is one move away.
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").normalize();
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?((?:[a-z]\\w*\\.)+)[A-Z]", Pattern.MULTILINE);

    /** package -> packages it imports from, and for each edge the files that make it */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

    @Test
    void noModuleHasAPackageCycle() throws IOException {
        List<Path> sourceRoots = new ArrayList<>();
        try (Stream<Path> found = Files.find(ROOT, 4, (p, a) -> a.isDirectory() && p.endsWith(Path.of("src", "main", "java"))
                && !p.toString().contains("/target/"))) {
            found.forEach(sourceRoots::add);
        }
        assertTrue(sourceRoots.size() >= 8, "found the modules' sources under " + ROOT.toAbsolutePath() + ": " + sourceRoots);
        for (Path sources : sourceRoots) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(this::read);
            }
        }
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected()) {
            if (component.size() > 1) {
                StringBuilder why = new StringBuilder(String.join(" <-> ", component));
                for (String from : component) {
                    for (String to : component) {
                        Set<String> files = edges.getOrDefault(from, Map.of()).get(to);
                        if (files != null) {
                            why.append("\n    ").append(from).append(" -> ").append(to).append(": ").append(files);
                        }
                    }
                }
                cycles.add(why.toString());
            }
        }
        assertEquals(List.of(), cycles, "package cycles; move the type each edge needs down, or invert it with an interface");
    }

    private void read(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find() || !pkg.group(1).startsWith("dev.smartpot")) {
            return;
        }
        String from = pkg.group(1);
        edges.computeIfAbsent(from, k -> new TreeMap<>());
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String to = imports.group(1).substring(0, imports.group(1).length() - 1);
            if (to.startsWith("dev.smartpot") && !to.equals(from)) {
                edges.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(file.getFileName().toString());
            }
        }
    }

    /** Tarjan's strongly connected components of the package graph. */
    private List<Set<String>> stronglyConnected() {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private void visit(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
            List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }
}
