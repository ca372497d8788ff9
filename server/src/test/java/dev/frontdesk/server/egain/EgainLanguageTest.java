package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.V12_LOGIN;
import static dev.frontdesk.server.egain.EgainCalls.V12_NS;
import static dev.frontdesk.server.egain.EgainCalls.V15_LOGOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 3: {@code Accept-Language} — fifteen codes, q-values, 406, translated messages. */
@ExtendWith(OpenApiContract.class)
class EgainLanguageTest {
    private static TestServer server;
    private static EgainCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> badLogin(String acceptLanguage) {
        return calls.v12LoginJson("ghost", "Wrong-password-1", "Accept-Language", acceptLanguage);
    }

    private static String message(HttpResponse<String> response) {
        return dev.frontdesk.server.json.Json.MAPPER.readTree(response.body()).get("message").asString();
    }

    @Test
    void loginWhenFrenchThenFrenchMessageAndContentLanguage() {
        HttpResponse<String> response = badLogin("fr-FR");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Language")).hasValue("fr-FR");
        assertThat(message(response)).isEqualTo(
                "Les identifiants de l'utilisateur n'ont pas pu être authentifiés. Nom d'utilisateur : ghost");
    }

    @Test
    void loginWhenGermanThenGermanMessage() {
        assertThat(message(badLogin("de-DE"))).isEqualTo(
                "Die Anmeldedaten des Benutzers konnten nicht authentifiziert werden. Benutzername: ghost");
    }

    @Test
    void loginWhenJapaneseThenJapaneseMessage() {
        assertThat(message(badLogin("ja-JP"))).isEqualTo("ユーザーの資格情報を認証できませんでした。ユーザー名: ghost");
    }

    @Test
    void loginWhenSpanishInXmlThenSpanishMessageInXml() {
        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml",
                "<Login xmlns=\"" + V12_NS + "\"><userName>x</userName></Login>", "Accept-Language", "es-ES");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS,
                "La contraseña no está presente en el cuerpo de la solicitud."));
    }

    @Test
    void loginWhenCodeInOtherCaseOrWithUnderscoreThenMatched() {
        assertThat(badLogin("FR-ca").headers().firstValue("Content-Language")).hasValue("fr-CA");
        assertThat(badLogin("en-us").headers().firstValue("Content-Language")).hasValue("en-US");
        assertThat(badLogin("pt_BR").headers().firstValue("Content-Language")).hasValue("pt-BR");
    }

    @Test
    void loginWhenSeveralLanguagesThenHighestQualitySupportedWins() {
        assertThat(badLogin("xx-YY;q=1, de-DE;q=0.5, fr-FR;q=0.8").headers().firstValue("Content-Language"))
                .hasValue("fr-FR");
        assertThat(badLogin("de-DE;q=0, it-IT").headers().firstValue("Content-Language")).hasValue("it-IT");
        assertThat(badLogin("zz, ko-KR, sv-SE").headers().firstValue("Content-Language")).hasValue("ko-KR");
        assertThat(badLogin("nl-NL;q=0.3, da-DK;q=0.3").headers().firstValue("Content-Language")).hasValue("nl-NL");
    }

    @Test
    void loginWhenWildcardThenTenantDefault() {
        assertThat(badLogin("xx-YY, *;q=0.1").headers().firstValue("Content-Language")).hasValue("en-US");
    }

    @Test
    void loginWhenNoSupportedLanguageThen406InTenantDefault() {
        HttpResponse<String> unknown = badLogin("xx-YY");
        HttpResponse<String> bareFrench = badLogin("fr");
        HttpResponse<String> excluded = badLogin("en-US;q=0");

        assertThat(unknown.statusCode()).isEqualTo(406);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Invalid value of Accept-Language header.\"}");
        assertThat(unknown.headers().firstValue("Content-Language")).hasValue("en-US");
        assertThat(bareFrench.statusCode()).isEqualTo(406);
        assertThat(excluded.statusCode()).isEqualTo(406);
    }

    /** Found by fuzzing (EgainParsersFuzzTest#acceptLanguage): an element that is only ";" was a 500. */
    @Test
    void loginWhenAcceptLanguageHasBareSemicolonElementsThen406NotA500() {
        assertThat(badLogin("xx,;,,x").statusCode()).isEqualTo(406);
        assertThat(badLogin(";").statusCode()).isEqualTo(406);
        assertThat(badLogin("fr-FR,;").statusCode()).isEqualTo(401);
    }

    @Test
    void loginWhenNoHeaderThenTenantDefaultLanguage() {
        server.admin().patchSettings("default", Map.of("defaultLanguage", "sv-SE"));
        try {
            HttpResponse<String> response = calls.v12LoginJson("ghost", "Wrong-password-1");
            HttpResponse<String> unsupported = badLogin("xx-YY");

            assertThat(response.headers().firstValue("Content-Language")).hasValue("sv-SE");
            assertThat(message(response)).isEqualTo(
                    "Användarens inloggningsuppgifter kunde inte autentiseras. Användarnamn: ghost");
            assertThat(message(unsupported)).isEqualTo("Ogiltigt värde för rubriken Accept-Language.");
        } finally {
            server.admin().patchSettings("default", Map.of("defaultLanguage", "en-US"));
        }
    }

    @Test
    void logoutWhenChineseThenChineseMessage() {
        HttpResponse<String> response = calls.send("POST", V15_LOGOUT, "Accept-Language", "zh-CN",
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(message(response)).isEqualTo("无法验证用户身份。会话 ID 无效。");
    }

    @Test
    void everyOneOfTheFifteenCodesIsAccepted() {
        for (String code : new String[] {"en-US", "es-ES", "fr-FR", "it-IT", "de-DE", "nl-NL", "pt-BR", "pt-PT",
                "da-DK", "ru-RU", "fr-CA", "zh-CN", "ja-JP", "ko-KR", "sv-SE"}) {
            HttpResponse<String> response = badLogin(code);

            assertThat(response.statusCode()).as(code).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Language")).as(code).hasValue(code);
            assertThat(message(response)).as(code).endsWith("ghost");
        }
    }
}
