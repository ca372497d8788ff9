package dev.frontdesk.server.ops;

import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The OpenAPI documents kept in {@code openapi/} ({@code GET /openapi/{name}.json}) and a Swagger UI to
 * browse them ({@code GET /openapi/}) from the swagger-ui WebJar. Everything is read once at start-up from
 * a fixed list of names, so no request path ever reaches the class loader; a missing document fails the
 * start, not the first request. The documents describe public contracts only and need no credentials.
 */
public final class OpenApiService implements HttpService {
    public static final List<String> DOCUMENTS = List.of("native", "oauth", "admin", "gateway", "egain", "iservice", "srs");
    private static final List<String> UI_FILES = List.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "favicon-32x32.png");
    /** Swagger UI sets inline styles; everything else comes from this server. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    public OpenApiService() {
        for (String name : DOCUMENTS) {
            assets.put(name + ".json", new Asset("application/json", read("openapi/" + name + ".json")));
        }
        assets.put("", new Asset("text/html; charset=utf-8", read("openapi/ui/index.html")));
        assets.put("ui/init.js", new Asset("text/javascript; charset=utf-8", read("openapi/ui/init.js")));
        String webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        for (String file : UI_FILES) {
            assets.put("ui/" + file, new Asset(contentType(file), read(webjar + file)));
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", (req, res) -> {
            res.status(301).header(HeaderNames.LOCATION, "/openapi/").send();
        }).get("/openapi/", (req, res) -> send(res, assets.get("")))
                .get("/openapi/{file}", this::file)
                .get("/openapi/ui/{file}", (req, res) -> file(res, "ui/" + req.path().pathParameters().get("file")));
    }

    private void file(ServerRequest req, ServerResponse res) {
        file(res, req.path().pathParameters().get("file"));
    }

    private void file(ServerResponse res, String name) {
        Asset asset = name.isEmpty() ? null : assets.get(name);
        if (asset == null) {
            Responses.error(res, 404, "not_found", null);
            return;
        }
        send(res, asset);
    }

    private static void send(ServerResponse res, Asset asset) {
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        if (asset.contentType().startsWith("text/html")) {
            res.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        }
        res.send(asset.bytes());
    }

    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = OpenApiService.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing from the class path: " + resource);
        }
        return in;
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return "image/png";
    }
}
