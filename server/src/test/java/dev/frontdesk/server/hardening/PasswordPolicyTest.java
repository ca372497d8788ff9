package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** The password policy on admin-set passwords, and legacy hash import with upgrade at login. */
@ExtendWith(OpenApiContract.class)
class PasswordPolicyTest {
    static TestServer server;
    static NativeClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().patchSettings("default", Map.of("passwordPolicy", Map.of("rejectUsername", true)));
        api = new NativeClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tooShortThenRefused() {
        assertRefused("shorty", "seven77", "at least 8");
    }

    @Test
    void longerThan1024BytesThenRefused() {
        assertRefused("longy", "é".repeat(513), "1024 bytes");
    }

    @Test
    void commonPasswordThenRefused() {
        assertRefused("commoner", "password1", "too common");
        assertRefused("commoner", "QWERTYUIOP", "too common");
    }

    @Test
    void passwordContainingUsernameThenRefused() {
        assertRefused("mallory", "i-am-Mallory-2026", "user name");
    }

    @Test
    void anyUnicodeIsAcceptedAndNfkcNormalised() {
        server.admin().createAgent("unicoder", "ｆｕｌｌｗｉｄｔｈ-パスワード");
        assertThat(api.login("unicoder", "fullwidth-パスワード", false).statusCode()).isEqualTo(201);
        server.admin().createAgent("spacey", "correct horse battery staple ✓");
        assertThat(api.login("spacey", "correct horse battery staple ✓", false).statusCode()).isEqualTo(201);
    }

    @Test
    void legacyBcryptAccountLogsInAndIsStoredAsArgon2idAfterwards() {
        String bcrypt = "{bcrypt}" + BCrypt.hashpw("legacy-password-1", BCrypt.gensalt(10));
        createWithHash("legacy-bcrypt", bcrypt);
        assertThat(storedHash("legacy-bcrypt")).startsWith("{bcrypt}");

        assertThat(api.login("legacy-bcrypt", "wrong-password-1", false).statusCode()).isEqualTo(401);
        assertThat(api.login("legacy-bcrypt", "legacy-password-1", false).statusCode()).isEqualTo(201);

        assertThat(storedHash("legacy-bcrypt")).startsWith("$argon2id$");
        assertThat(api.login("legacy-bcrypt", "legacy-password-1", false).statusCode()).isEqualTo(201);
    }

    @Test
    void legacyPbkdf2AccountLogsInAndIsUpgraded() throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("pbkdf2-password-1".toCharArray(), salt, 10_000, 256)).getEncoded();
        createWithHash("legacy-pbkdf2", "{pbkdf2-sha256}10000$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash));
        assertThat(api.login("legacy-pbkdf2", "pbkdf2-password-1", false).statusCode()).isEqualTo(201);
        assertThat(storedHash("legacy-pbkdf2")).startsWith("$argon2id$");
    }

    @Test
    void unrecognisedImportedHashThenRefused() {
        HttpResponse<String> response = server.admin().call("POST", "/tenants/default/accounts",
                Map.of("username", "weird", "type", "agent", "passwordHash", "{md5}5f4dcc3b5aa765d61d8327deb882cf99"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("field").asString()).isEqualTo("passwordHash");
    }

    private static void createWithHash(String username, String hash) {
        server.admin().ok("POST", "/tenants/default/accounts",
                Map.of("username", username, "type", "agent", "passwordHash", hash));
    }

    private static String storedHash(String username) {
        return server.server().core().accounts().findByUsername("default", username)
                .map(Account::passwordHash).orElseThrow();
    }

    private static void assertRefused(String username, String password, String messagePart) {
        HttpResponse<String> response = server.admin().call("POST", "/tenants/default/accounts",
                Map.of("username", username, "password", password, "type", "agent"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).get("field").asString()).isEqualTo("password");
        assertThat(response.body()).contains(messagePart);
        assertThat(password.getBytes(StandardCharsets.UTF_8).length).isPositive();
    }
}
