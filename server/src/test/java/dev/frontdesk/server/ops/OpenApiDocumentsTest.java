package dev.frontdesk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.ContractRecorder;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI documents: served as kept in the repository, valid OpenAPI 3.1 without parser complaints, one
 * per published name, browsable with Swagger UI; and the contract check has teeth (an answer the document does
 * not describe is reported).
 */
@ExtendWith(OpenApiContract.class)
class OpenApiDocumentsTest {
    static TestServer server;
    static final Http http = Http.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> names() {
        return OpenApiService.DOCUMENTS;
    }

    @ParameterizedTest
    @MethodSource("names")
    void documentWhenRequestedThenServedAsKeptInTheRepository(String name) throws Exception {
        HttpResponse<String> response = http.get(server.baseUrl() + "/openapi/" + name + ".json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(resource(name));
        JsonNode document = Json.MAPPER.readTree(response.body());
        assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
    }

    @ParameterizedTest
    @MethodSource("names")
    void documentWhenParsedThenValidWithoutComplaints(String name) throws Exception {
        SwaggerParseResult result = new OpenAPIParser().readContents(resource(name), null, null);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        assertThat(result.getOpenAPI().getSpecVersion().name()).isEqualTo("V31");
    }

    @Test
    void unknownDocumentWhenRequestedThenNotFound() {
        assertThat(http.get(server.baseUrl() + "/openapi/console.json").statusCode()).isEqualTo(404);
        assertThat(http.get(server.baseUrl() + "/openapi/..%2Flogback.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void swaggerUiWhenRequestedThenServedWithItsAssetsUnderAStrictPolicy() {
        HttpResponse<String> page = http.get(server.baseUrl() + "/openapi/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ui/swagger-ui-bundle.js", "ui/init.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
        for (String asset : List.of("ui/swagger-ui-bundle.js", "ui/swagger-ui-standalone-preset.js", "ui/swagger-ui.css",
                "ui/init.js")) {
            HttpResponse<String> response = http.get(server.baseUrl() + "/openapi/" + asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotEmpty();
        }
        assertThat(http.get(server.baseUrl() + "/openapi/init.js").statusCode()).isEqualTo(404);
    }

    @Test
    void exchangeWhenTheAnswerIsNotDocumentedThenReported() {
        ContractRecorder.Exchange undocumented = new ContractRecorder.Exchange("POST",
                server.baseUrl() + "/api/v1/login", Map.of("Content-Type", List.of("application/json")),
                "{\"username\":\"a\",\"password\":\"b\"}".getBytes(StandardCharsets.UTF_8), 201,
                Map.of("Content-Type", List.of("application/json")), "{\"sessionId\":\"renamed\"}");
        Optional<String> problem = OpenApiContract.check(undocumented);
        assertThat(problem).hasValueSatisfying(text -> assertThat(text).contains("[native] POST /api/v1/login -> 201"));
    }

    @Test
    void exchangeWhenASuccessAnswersARequestTheDocumentForbidsThenReported() {
        ContractRecorder.Exchange lenient = new ContractRecorder.Exchange("POST", server.baseUrl() + "/api/v1/login",
                Map.of("Content-Type", List.of("application/json")), "{\"username\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                201, Map.of("Content-Type", List.of("application/json")),
                "{\"session\":\"0f6c1c5e-3a55-4f0e-9d7b-2f1e8a4b9c10\",\"expiresAt\":\"2026-01-01T00:00:00Z\","
                        + "\"idleTimeoutSeconds\":60}");
        assertThat(OpenApiContract.check(lenient)).isPresent();
    }

    @Test
    void exchangeWhenARefusalIsDocumentedThenConforms() {
        ContractRecorder.Exchange refused = new ContractRecorder.Exchange("POST", server.baseUrl() + "/api/v1/login",
                Map.of("Content-Type", List.of("application/json")), "{\"username\":\"a\"}".getBytes(StandardCharsets.UTF_8),
                400, Map.of("Content-Type", List.of("application/json")),
                "{\"error\":\"password is required\",\"field\":\"password\"}");
        assertThat(OpenApiContract.check(refused)).isEmpty();
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = OpenApiDocumentsTest.class.getResourceAsStream("/openapi/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
