package dev.frontdesk.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's files, read once from {@code console/} on the class path. Only the names listed here
 * are served, so no request path ever reaches the class loader.
 */
final class StaticAssets {
    static final List<String> NAMES = List.of("index.html", "console.css", "favicon.svg",
            "app.js", "api.js", "dom.js", "charts.js",
            "dashboard.js", "sessions.js", "accounts.js", "clients.js", "settings.js", "events.js", "gateway.js",
            "security.js", "administrators.js");

    record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> byName;

    private StaticAssets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    static StaticAssets load() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("console/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("console asset missing from the class path: " + name);
                }
                assets.put(name, new Asset(contentType(name), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read console asset " + name, e);
            }
        }
        return new StaticAssets(Map.copyOf(assets));
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("no content type for " + name);
    }
}
