package dev.smartpot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A bench main run in a JVM of its own (its threads, memory and CPU are its own), read through its RESULT line. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Runs {@code mainClass} with {@code args} on {@code classpath} and returns its RESULT line as key=value pairs. */
    static Map<String, String> result(String classpath, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-cp", classpath, mainClass));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> result = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (result.isEmpty()) {
            throw new IllegalStateException(mainClass + " printed no RESULT line");
        }
        return result;
    }
}
