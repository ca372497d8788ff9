package dev.frontdesk.server.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or with {@code --dry-run} would do: per section how many records it creates,
 * updates (same natural key, other content) or finds unchanged; the problems that stopped it (invalid
 * records and conflicts: then nothing is written); and warnings that do not stop it.
 */
public final class ImportReport {
    /** One record's trouble; {@code where} names it by section, position and natural key. */
    public record Problem(String where, String message) {
    }

    /** Counts of one section. */
    public static final class Counts {
        int created;
        int updated;
        int unchanged;

        public int created() {
            return created;
        }

        public int updated() {
            return updated;
        }

        public int unchanged() {
            return unchanged;
        }
    }

    private final Map<String, Counts> sections = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean written;

    ImportReport() {
        for (String name : List.of("tenants", "accounts", "openIdLinks", "clients", "administrators", "adminClients",
                "gatewayRules")) {
            sections.put(name, new Counts());
        }
    }

    Counts section(String name) {
        return sections.get(name);
    }

    void problem(String where, String message) {
        problems.add(new Problem(where, message));
    }

    void warn(String message) {
        warnings.add(message);
    }

    void markWritten() {
        written = true;
    }

    public Counts counts(String section) {
        return sections.get(section);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean written() {
        return written;
    }

    /** Lines for the operator; record keys appear, hashes and secrets never do. */
    public List<String> lines(boolean dryRun) {
        List<String> lines = new ArrayList<>();
        sections.forEach((name, c) -> lines.add(String.format("%-15s %7d created %7d updated %7d unchanged",
                name + ":", c.created, c.updated, c.unchanged)));
        warnings.forEach(w -> lines.add("warning: " + w));
        if (!problems.isEmpty()) {
            lines.add(problems.size() + " problem(s); nothing was written:");
            problems.stream().limit(100).forEach(p -> lines.add("  " + p.where() + ": " + p.message()));
            if (problems.size() > 100) {
                lines.add("  ... and " + (problems.size() - 100) + " more");
            }
        } else if (dryRun) {
            lines.add("dry run: no problems found; nothing was written");
        } else {
            lines.add("imported");
        }
        return lines;
    }
}
