package dev.frontdesk.server.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks the real traffic of a black-box suite against the OpenAPI documents the server publishes
 * ({@code server/src/main/resources/openapi/{name}.json}): put {@code @ExtendWith(OpenApiContract.class)} on the
 * suite. Every exchange that went through {@link Http} while the suite ran is validated, after the suite, by
 * the document its path belongs to (console and other undocumented paths are skipped), with Atlassian's
 * openapi-request-validator.
 *
 * <p>The rule for bad input: a request that breaks its document must have been refused with a 4xx, and that
 * answer must itself be documented (the dialect's error body). So suites may keep their negative cases; what
 * fails is an answer or a success that the document does not describe - a contract change without a
 * document change.
 */
public final class OpenApiContract implements BeforeAllCallback, AfterAllCallback {
    /** Path prefixes and the document that describes them; the first match wins. */
    private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    static {
        // the validator says at INFO, per exchange, that it does not read XML and multipart bodies
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.atlassian.oai"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        DOCUMENTS.put("/api/v1/", "native");
        DOCUMENTS.put("/health/", "native");
        DOCUMENTS.put("/metrics", "native");
        DOCUMENTS.put("/openapi/", "native");
        DOCUMENTS.put("/oauth2/", "oauth");
        DOCUMENTS.put("/admin/api/v1/", "admin");
        DOCUMENTS.put("/auth/verify", "gateway");
        DOCUMENTS.put("/ws/", "egain");
        DOCUMENTS.put("/system/ws/", "egain");
        DOCUMENTS.put("/f/webapp-api-login", "iservice");
        DOCUMENTS.put("/api/v2/", "srs");
        DOCUMENTS.put("/ping", "srs");
        DOCUMENTS.put("/version", "srs");
    }

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        ContractRecorder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<ContractRecorder.Exchange> exchanges = ContractRecorder.stop();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (ContractRecorder.Exchange exchange : exchanges) {
            if (documentFor(URI.create(exchange.uri()).getRawPath()).isPresent()) {
                checked++;
                check(exchange).ifPresent(violations::add);
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " of " + checked + " exchanges of "
                    + context.getDisplayName() + " break the OpenAPI documents:\n" + String.join("\n\n", violations));
        }
    }

    /** The name of the document that describes a path, if any. */
    public static Optional<String> documentFor(String path) {
        return DOCUMENTS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }

    /** What is wrong with an exchange; empty when it conforms or no document covers its path. */
    public static Optional<String> check(ContractRecorder.Exchange exchange) {
        URI uri = URI.create(exchange.uri());
        String path = uri.getRawPath();
        Optional<String> document = documentFor(path);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(document.get(), OpenApiContract::validator);
        Request request = request(exchange, uri);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status())
                .withBody(exchange.responseBody());
        exchange.responseHeaders().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        boolean refused = exchange.status() >= 400 && exchange.status() < 500;
        ValidationReport report = refused
                ? validator.validateResponse(path, request.getMethod(), response.build())
                : validator.validate(request, response.build());
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !absentAsDocumented(m.getKey(), exchange.status()))
                // an empty body carries no media type (the validator asks for one even then)
                .filter(m -> !(exchange.requestBody().length == 0
                        && m.getKey().equals("validation.request.contentType.notAllowed")))
                .toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("[" + document.get() + "] " + exchange.method() + " " + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " -> " + exchange.status() + " "
                + abbreviate(exchange.responseBody()));
        errors.forEach(m -> text.append("\n  ").append(m.getKey()).append(": ").append(m.getMessage()));
        return Optional.of(text.toString());
    }

    /** A 404 for a path, or a 405 for a method, that the document does not have either: both agree. */
    private static boolean absentAsDocumented(String key, int status) {
        return status == 404 && key.equals("validation.request.path.missing")
                || status == 405 && key.equals("validation.request.operation.notAllowed");
    }

    private static Request request(ContractRecorder.Exchange exchange, URI uri) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), uri.getRawPath());
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            query.forEach(request::withQueryParam);
        }
        return request.build();
    }

    /** A validator for one published document, parsed once per test JVM. */
    public static OpenApiInteractionValidator validator(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no OpenAPI document openapi/" + name + ".json on the class path");
            }
            return OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .withStrictOperationPathMatching()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
