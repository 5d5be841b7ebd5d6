package dev.smartpot.mothership.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, as Prometheus's own parser applies it: every
 * line is a HELP, a TYPE, a comment or a sample; a family's TYPE comes once and before its samples; each sample
 * belongs to the family declared last (counter {@code _total}, histogram {@code _bucket/_sum/_count}); label values
 * are escaped; no series twice; a histogram's buckets are cumulative and its +Inf bucket equals its count. Any
 * breach throws with the line. Test code: the client library ships a writer but no reader.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** One parsed sample. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    final Map<String, String> types = new HashMap<>();
    final List<Sample> samples = new ArrayList<>();

    static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a newline");
        }
        Set<String> helped = new java.util.HashSet<>();
        Set<String> series = new java.util.HashSet<>();
        String family = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                if (!helped.add(m.group(1))) {
                    throw bad(n, line, "a second HELP for " + m.group(1));
                }
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (p.types.put(m.group(1), m.group(2)) != null) {
                    throw bad(n, line, "a second TYPE for " + m.group(1));
                }
                family = m.group(1);
            } else if (line.startsWith("#")) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                Sample s = new Sample(m.group(1), labels(n, line, m.group(3)), value(n, line, m.group(4)));
                if (family == null || !belongs(s.name(), family, p.types.get(family))) {
                    throw bad(n, line, "a sample outside its TYPE's family (" + family + ")");
                }
                if (!series.add(s.name() + new TreeMap<>(s.labels()))) {
                    throw bad(n, line, "the same series twice");
                }
                if (p.types.get(family).equals("counter") && !(s.value() >= 0)) {
                    throw bad(n, line, "a negative counter");
                }
                p.samples.add(s);
            } else {
                throw bad(n, line, "not a HELP, TYPE, comment or sample line");
            }
        }
        p.checkHistograms();
        return p;
    }

    /** The value of the one sample with this name and these labels (name, then label pairs); fails if absent. */
    double value(String name, String... labelPairs) {
        Map<String, String> want = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            want.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(want)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + want)).value();
    }

    private static boolean belongs(String sample, String family, String type) {
        return switch (type) {
            // Format 0.0.4: a counter's TYPE names its samples (x_total), unlike OpenMetrics' family name.
            case "counter" -> sample.equals(family);
            case "histogram" -> sample.equals(family + "_bucket") || sample.equals(family + "_sum")
                    || sample.equals(family + "_count");
            case "summary" -> sample.equals(family) || sample.equals(family + "_sum") || sample.equals(family + "_count");
            default -> sample.equals(family);
        };
    }

    private void checkHistograms() {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            List<Sample> buckets = samples.stream().filter(s -> s.name().equals(family + "_bucket")).toList();
            double last = 0;
            for (Sample b : buckets) {
                if (!b.labels().containsKey("le") || b.value() < last) {
                    throw new IllegalArgumentException(family + ": buckets must carry le and be cumulative: " + buckets);
                }
                last = b.value();
            }
            if (buckets.isEmpty() || !buckets.get(buckets.size() - 1).labels().get("le").equals("+Inf")
                    || buckets.get(buckets.size() - 1).value() != value(family + "_count")) {
                throw new IllegalArgumentException(family + ": the last bucket must be le=\"+Inf\" and equal the count");
            }
        });
    }

    private static Map<String, String> labels(int n, String line, String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw bad(n, line, "a malformed label at " + text.substring(at));
            }
            if (labels.put(m.group(1), m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\")) != null) {
                throw bad(n, line, "label " + m.group(1) + " twice");
            }
            at = m.end();
        }
        return labels;
    }

    private static double value(int n, String line, String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                if (!text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                    throw bad(n, line, "value " + text + " is not a float");
                }
                yield Double.parseDouble(text);
            }
        };
    }

    private static IllegalArgumentException bad(int n, String line, String why) {
        return new IllegalArgumentException("line " + n + ": " + why + ": " + line);
    }
}
