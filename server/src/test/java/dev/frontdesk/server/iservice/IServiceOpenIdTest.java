package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** registeropenid + login by OpenID GUID, with ID tokens signed by a key whose JWKS the test serves itself. */
@ExtendWith(OpenApiContract.class)
class IServiceOpenIdTest {
    private static final String ISSUER = "https://accounts.test.example";
    private static final String AUDIENCE = "frontdesk-portal";

    private static TestServer server;
    private static HttpServer jwks;
    private static RSAKey signingKey;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
        byte[] keySet = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keySet);
            }
        });
        jwks.start();
        server = TestServer.start();
        server.admin().patchSettings("default", Map.of("openIdProviders", List.of(Map.of("name", "Google",
                "issuer", ISSUER, "audience", AUDIENCE,
                "jwksUrl", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json"))));
    }

    @AfterAll
    static void stop() {
        server.close();
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("email", subject + "@mail.example").claim("email_verified", true)
                .claim("given_name", "Uma").claim("family_name", "Openid");
    }

    private static String token(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String token(String subject) throws JOSEException {
        return token(signingKey, claims(subject).build());
    }

    private static String token(String subject, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        return token(signingKey, change.apply(claims(subject)).build());
    }

    @Test
    void registerOpenIdWhenNewIdentityThenContactCreatedAndGuidLogsItIn() throws Exception {
        var registered = new IServiceClient(server).json("registeropenid", Map.of("idToken", token("uma-1")));

        assertThat(registered.errors()).isEmpty();
        String guid = registered.body().get("openIdGuid").asString();
        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        IServiceClient browser = new IServiceClient(server);
        var login = browser.form("login", "openIdGuid", guid);
        assertThat(login.isLoggedIn()).isTrue();
        assertThat(login.loggedIn().get("contactName").asString()).isEqualTo("Uma Openid");
        JsonNode logins = login.loggedIn().get("logins");
        assertThat(logins.size()).isEqualTo(2);
        assertThat(logins.get(0).get("name").asString()).isEqualTo("uma-1@mail.example");
        assertThat(logins.get(0).get("type").asString()).isEqualTo("Email");
        assertThat(logins.get(1).get("name").asString()).isEqualTo("uma-1");
        assertThat(logins.get(1).get("type").asString()).isEqualTo("Google");
        assertThat(browser.form("loggedin").contactId()).isEqualTo(login.contactId());
    }

    @Test
    void registerOpenIdWhenSameIdentityAgainThenSameContactAndOnlyTheNewGuidWorks() throws Exception {
        String first = new IServiceClient(server).json("registeropenid", Map.of("id_token", token("vic-2")))
                .body().get("openIdGuid").asString();
        String contact = new IServiceClient(server).form("login", "openIdGuid", first).contactId();

        String second = new IServiceClient(server).json("registeropenid", Map.of("credential", token("vic-2")))
                .body().get("openIdGuid").asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(new IServiceClient(server).form("login", "openIdGuid", first).isLoggedIn()).isFalse();
        assertThat(new IServiceClient(server).form("login", "guid", second).contactId()).isEqualTo(contact);
    }

    @Test
    void registerOpenIdWhenLoggedInThenIdentityLinkedToThatContact() throws Exception {
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", "walt", "password",
                "walt's password 1", "type", "customer", "email", "walt@example.com"));
        IServiceClient browser = new IServiceClient(server);
        String contact = browser.form("login", "username", "walt", "password", "walt's password 1").contactId();

        var linked = browser.json("registeropenid", Map.of("idToken", token("walt-google")));

        assertThat(linked.errors()).isEmpty();
        assertThat(linked.contactId()).isEqualTo(contact);
        assertThat(linked.loggedIn().get("logins").toString()).contains("\"walt-google\"").contains("\"Google\"");
        var byGuid = new IServiceClient(server).form("login", "openIdGuid", linked.body().get("openIdGuid").asString());
        assertThat(byGuid.contactId()).isEqualTo(contact);
    }

    @Test
    void registerOpenIdWhenIdentityBelongsToAnotherContactThenRefused() throws Exception {
        new IServiceClient(server).json("registeropenid", Map.of("idToken", token("xena-3")));
        server.admin().createCustomer("yuri", "yuri's password 1");
        IServiceClient browser = new IServiceClient(server);
        browser.form("login", "username", "yuri", "password", "yuri's password 1");

        var result = browser.json("registeropenid", Map.of("idToken", token("xena-3")));

        assertThat(result.errors()).containsExactly(Messages.OPENID_LINKED_ELSEWHERE);
        assertThat(result.body().has("openIdGuid")).isFalse();
    }

    @Test
    void registerOpenIdWhenTokenExpiredThenRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = token("zed-4", c -> c.issueTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past)));

        var result = new IServiceClient(server).json("registeropenid", Map.of("idToken", expired));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.errors()).singleElement().asString().contains("expired");
        assertThat(result.body().has("openIdGuid")).isFalse();
    }

    @Test
    void registerOpenIdWhenTokenForAnotherAudienceThenRefused() throws Exception {
        String foreign = token("zed-5", c -> c.audience("someone-elses-app"));

        var result = new IServiceClient(server).json("registeropenid", Map.of("idToken", foreign));

        assertThat(result.errors()).singleElement().asString().contains("audience");
        assertThat(result.body().has("openIdGuid")).isFalse();
    }

    @Test
    void registerOpenIdWhenSignedByAnotherKeyThenRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("key-1").generate();
        String forged = token(impostor, claims("zed-6").build());

        var result = new IServiceClient(server).json("registeropenid", Map.of("idToken", forged));

        assertThat(result.errors()).singleElement().asString().contains("signature");
        assertThat(result.body().has("openIdGuid")).isFalse();
    }

    @Test
    void registerOpenIdWhenIssuerUnknownThenRefused() throws Exception {
        String other = token("zed-7", c -> c.issuer("https://elsewhere.example"));

        var result = new IServiceClient(server).json("registeropenid", Map.of("idToken", other));

        assertThat(result.errors()).singleElement().asString().contains("issuer");
    }

    @Test
    void registerOpenIdWhenUnsignedOrHmacTokenThenRefused() throws Exception {
        String unsigned = new PlainJWT(claims("zed-8").build()).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("zed-8").build());
        hmac.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

        var none = new IServiceClient(server).json("registeropenid", Map.of("idToken", unsigned));
        var symmetric = new IServiceClient(server).json("registeropenid", Map.of("idToken", hmac.serialize()));

        assertThat(none.errors()).hasSize(1);
        assertThat(none.body().has("openIdGuid")).isFalse();
        assertThat(symmetric.errors()).hasSize(1);
        assertThat(symmetric.body().has("openIdGuid")).isFalse();
    }

    @Test
    void registerOpenIdWhenNoTokenThenError() {
        var result = new IServiceClient(server).json("registeropenid", Map.of("provider", "Google"));

        assertThat(result.errors()).containsExactly(Messages.OPENID_TOKEN_REQUIRED);
    }

    @Test
    void loginWhenGuidUnknownThenSameAnswerAsWrongPassword() throws IOException {
        var unknownGuid = new IServiceClient(server).form("login", "openIdGuid", "00000000-1111-2222-3333-444444444444");
        var wrongPassword = new IServiceClient(server).form("login", "username", "nobody", "password", "nothing at all");

        assertThat(unknownGuid.isLoggedIn()).isFalse();
        assertThat(unknownGuid.response().body()).isEqualTo(wrongPassword.response().body());
    }
}
