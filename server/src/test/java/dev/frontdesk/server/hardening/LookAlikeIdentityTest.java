package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, finding 10: look-alike identities cannot be created. Fullwidth letters, zero-width and
 * direction-changing characters and mixed scripts are refused (400); a name whose UTS #39 skeleton equals
 * an existing account's is refused like a taken name (409); existing accounts keep working.
 */
class LookAlikeIdentityTest {
    private static final String PASSWORD = "look-alike-password-1";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().createAgent("kate", PASSWORD);
        server.admin().createAgent("paypal", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> create(String username, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "type", "agent"));
        if (email != null) {
            body.put("email", email);
        }
        return server.admin().call("POST", "/tenants/default/accounts", body);
    }

    @Test
    void fullwidthNameThen400() {
        HttpResponse<String> answer = create("\uFF4B\uFF41\uFF54\uFF45", null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("username");
    }

    @Test
    void zeroWidthSpaceInNameThen400() {
        assertThat(create("kate\u200B", null).statusCode()).isEqualTo(400);
    }

    @Test
    void cyrillicLetterInALatinNameThen400() {
        assertThat(create("kat\u0435", null).statusCode()).isEqualTo(400);
    }

    @Test
    void rightToLeftOverrideInNameThen400() {
        assertThat(create("\u202Eetak", null).statusCode()).isEqualTo(400);
    }

    @Test
    void nameWhoseSkeletonEqualsAnExistingOneThen409() {
        assertThat(create("paypaI", null).statusCode()).isEqualTo(409);
        assertThat(create("KATE", null).statusCode()).isEqualTo(409);
    }

    @Test
    void emailWithZeroWidthOrFullwidthCharactersThen400() {
        assertThat(create("mail-check-1", "kate\u200B@example.com").statusCode()).isEqualTo(400);
        assertThat(create("mail-check-2", "\uFF4Bate@example.com").statusCode()).isEqualTo(400);
        assertThat(create("mail-check-3", "kate@example.com").statusCode()).isEqualTo(201);
    }

    @Test
    void plainNamesInOneOtherScriptStillWork() {
        assertThat(create("\u0438\u0432\u0430\u043D", null).statusCode()).isEqualTo(201);
        assertThat(create("j\u00FCrgen.m\u00FCller", null).statusCode()).isEqualTo(201);
    }

    @Test
    void existingAccountThenLogsInAsBefore() {
        assertThat(new NativeClient(server.baseUrl()).loginOk("kate", PASSWORD)).isNotBlank();
    }
}
