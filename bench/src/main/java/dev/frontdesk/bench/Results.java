package dev.frontdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Every sample of every metric, kept in {@code bench/results.json} so that running one scenario again
 * replaces only its own figures. Sample {@code i} of each metric of a group comes from run {@code i},
 * which is how ratios pair figures measured in the same run.
 */
final class Results {
    final Map<String, List<Double>> samples = new TreeMap<>();
    final Map<String, Map<String, String>> meta = new TreeMap<>();
    private final Path file;

    private Results(Path file) {
        this.file = file;
    }

    static Results load(Path file) throws IOException {
        Results r = new Results(file);
        if (Files.exists(file)) {
            JsonNode root = Http.JSON.readTree(Files.readString(file));
            root.path("samples").properties().forEach(e -> {
                List<Double> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.isNull() ? Double.NaN : v.asDouble()));
                r.samples.put(e.getKey(), values);
            });
            root.path("meta").properties().forEach(e -> {
                Map<String, String> m = new TreeMap<>();
                e.getValue().properties().forEach(f -> m.put(f.getKey(), f.getValue().asString()));
                r.meta.put(e.getKey(), m);
            });
        }
        return r;
    }

    void clearGroup(String prefix) {
        samples.keySet().removeIf(k -> k.startsWith(prefix + "."));
        meta.remove(prefix);
    }

    void add(String metric, double value) {
        samples.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
    }

    List<Double> get(String metric) {
        return samples.getOrDefault(metric, List.of());
    }

    Stats stats(String metric) {
        return Stats.of(get(metric));
    }

    /** Per-run ratio a[i] / b[i] over the runs both have. */
    Stats ratio(String a, String b) {
        List<Double> x = get(a);
        List<Double> y = get(b);
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            r.add(x.get(i) / y.get(i));
        }
        return Stats.of(r);
    }

    void meta(String group, String key, String value) {
        meta.computeIfAbsent(group, g -> new TreeMap<>()).put(key, value);
    }

    String meta(String group, String key) {
        return meta.getOrDefault(group, Map.of()).getOrDefault(key, "");
    }

    void save() throws IOException {
        Map<String, Object> root = new TreeMap<>();
        Map<String, Object> s = new TreeMap<>();
        samples.forEach((k, v) -> s.put(k, v.stream().map(d -> d.isNaN() ? null : d).toList()));
        root.put("samples", s);
        root.put("meta", meta);
        Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
