package dev.frontdesk.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, point 2: a standard OAuth 2.0 client library (Nimbus OAuth 2.0 SDK) unchanged against
 * Frontdesk: discovery (RFC 8414), the client-credentials grant at {@code /oauth2/token} and the v19
 * path with {@code client_secret_basic} (form-encoded per RFC 6749 §2.3.1) and {@code client_secret_post},
 * revocation (RFC 7009) and introspection (RFC 7662), with client ids and secrets that form-encoding
 * changes ({@code -._~}, space, non-ASCII, {@code +}, {@code %}).
 */
class OAuthConformanceTest {
    private static final String SECRET = "s3cret -._~ äöü 秘密 +%/";
    private static final String V19 = "/ws/v19/clientapplications/authentication/oauth2";
    private static final AtomicInteger IDS = new AtomicInteger();

    private static TestServer server;
    private static AuthorizationServerMetadata metadata;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        metadata = AuthorizationServerMetadata.resolve(new Issuer(server.baseUrl()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A new client whose id has every character form-encoding may touch in an id. */
    private static String client() {
        String id = "fd-app.v1_~" + IDS.incrementAndGet();
        server.admin().createClient("default", id, SECRET);
        return id;
    }

    private static ClientAuthentication basic(String id) {
        return new ClientSecretBasic(new ClientID(id), new Secret(SECRET));
    }

    private static AccessToken grant(URI endpoint, ClientAuthentication auth) throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(endpoint, auth, new ClientCredentialsGrant())
                .toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("grant refused: " + response.toErrorResponse().getErrorObject());
        }
        return ((AccessTokenResponse) response).getTokens().getAccessToken();
    }

    private static TokenIntrospectionSuccessResponse introspect(ClientAuthentication auth,
                                                                com.nimbusds.oauth2.sdk.token.Token token)
            throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(), auth, token).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }

    @Test
    void discoveryWhenResolvedByIssuerThenEndpointsOfThisServer() {
        assertThat(metadata.getIssuer().getValue()).isEqualTo(server.baseUrl());
        assertThat(metadata.getTokenEndpointURI()).hasToString(server.baseUrl() + "/oauth2/token");
        assertThat(metadata.getRevocationEndpointURI()).hasToString(server.baseUrl() + "/oauth2/revoke");
        assertThat(metadata.getIntrospectionEndpointURI()).hasToString(server.baseUrl() + "/oauth2/introspect");
        assertThat(metadata.getGrantTypes()).extracting(Object::toString).containsExactly("client_credentials");
        assertThat(metadata.getTokenEndpointAuthMethods()).extracting(Object::toString)
                .contains("client_secret_basic", "client_secret_post");
    }

    @Test
    void discoveryWhenAnotherHostThenThatHostIsTheIssuer() {
        HttpResponse<String> response = Http.plain().get(server.baseUrl() + "/.well-known/oauth-authorization-server",
                "X-Unused", "x");
        JsonNode body = Json.MAPPER.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("issuer").asString()).isEqualTo(server.baseUrl());
    }

    @Test
    void grantWhenSecretBasicFormEncodedThenTokenAtBothPathsAndIntrospectionSaysActive() throws Exception {
        String id = client();

        AccessToken oauth2 = grant(metadata.getTokenEndpointURI(), basic(id));
        AccessToken v19 = grant(URI.create(server.baseUrl() + "/system" + V19 + "/token"), basic(id));
        TokenIntrospectionSuccessResponse about = introspect(basic(id), oauth2);

        assertThat(v19.getValue()).isNotEqualTo(oauth2.getValue());
        assertThat(about.isActive()).isTrue();
        assertThat(about.getClientID().getValue()).isEqualTo(id);
        assertThat(about.getTokenType().getValue()).isEqualTo("Bearer");
        assertThat(about.getExpirationTime()).isInTheFuture();
        assertThat(about.getIssueTime()).isNotNull();
        assertThat(about.getSubject().getValue()).isEqualTo(id);
    }

    @Test
    void grantWhenSecretPostThenToken() throws Exception {
        String id = client();

        AccessToken token = grant(metadata.getTokenEndpointURI(), new ClientSecretPost(new ClientID(id),
                new Secret(SECRET)));

        assertThat(token.getValue()).isNotBlank();
    }

    @Test
    void grantWhenRawBasicAsOlderClientsSendItThenStillAccepted() {
        String id = client();

        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/oauth2/token",
                "application/x-www-form-urlencoded", "grant_type=client_credentials",
                "Authorization", Http.basic(id, SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void grantWhenWrongSecretThen401InvalidClientAndOneFailureCounted() throws Exception {
        String id = client();

        TokenResponse response = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(id), new Secret("wrong secret +%41")), new ClientCredentialsGrant())
                .toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
        JsonNode events = server.admin().ok("GET", "/tenants/default/events?type=client.auth-failed&username="
                + id, null);
        assertThat(events.isArray() ? events.size() : events.get("events").size()).isEqualTo(1);
    }

    @Test
    void revokeWhenRfc7009ThenTokenDeadAndUnknownTokensAlso200() throws Exception {
        String id = client();
        AccessToken token = grant(metadata.getTokenEndpointURI(), basic(id));

        HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), basic(id), token)
                .toHTTPRequest().send();
        HTTPResponse unknown = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), basic(id),
                new BearerAccessToken("no-such-token")).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(unknown.getStatusCode()).isEqualTo(200);
        assertThat(introspect(basic(id), token).isActive()).isFalse();
    }

    @Test
    void revokeWhenV19PathWithClientBasicAndTokenFormThenTokenDead() throws Exception {
        String id = client();
        AccessToken token = grant(URI.create(server.baseUrl() + V19 + "/token"), basic(id));

        HTTPResponse revoked = new TokenRevocationRequest(URI.create(server.baseUrl() + "/system" + V19 + "/revoke"),
                basic(id), token).toHTTPRequest().send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspect(basic(id), token).isActive()).isFalse();
    }

    @Test
    void revokeWhenAnotherClientsTokenThen200ButTokenStaysLive() throws Exception {
        String owner = client();
        String other = client();
        AccessToken token = grant(metadata.getTokenEndpointURI(), basic(owner));

        HTTPResponse response = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), basic(other), token)
                .toHTTPRequest().send();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(introspect(basic(owner), token).isActive()).isTrue();
    }

    @Test
    void revokeWhenBearerFormAsBeforeThen204() throws Exception {
        AccessToken token = grant(metadata.getTokenEndpointURI(), basic(client()));

        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/oauth2/revoke",
                "application/x-www-form-urlencoded", "", "Authorization", "Bearer " + token.getValue());

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void revokeWhenClientAuthenticationFailsThen401() {
        String id = client();

        HttpResponse<String> response = Http.plain().post(server.baseUrl() + "/oauth2/revoke",
                "application/x-www-form-urlencoded", "token=abc&token_type_hint=access_token",
                "Authorization", Http.basic(id, "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(response.body()).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void introspectWhenTokenIsALiveSessionOfAnyDialectThenActiveWithUsername() throws Exception {
        String id = client();
        server.admin().createAgent("introspected-agent", "Quill-harbor-7");
        HttpResponse<String> login = Http.plain().post(server.baseUrl() + "/ws/v12/authentication/user/login",
                "application/json", "{\"userName\":\"introspected-agent\",\"password\":\"Quill-harbor-7\"}");
        String session = login.headers().firstValue("X-egain-session").orElseThrow();
        AccessToken bearer = grant(metadata.getTokenEndpointURI(), basic(id));

        TokenIntrospectionSuccessResponse byClient = introspect(basic(id), new TypelessAccessToken(session));
        TokenIntrospectionResponse byBearer = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), (BearerAccessToken) bearer, new TypelessAccessToken(session))
                .toHTTPRequest().send());

        assertThat(byClient.isActive()).isTrue();
        assertThat(byClient.getUsername()).isEqualTo("introspected-agent");
        assertThat(byClient.getExpirationTime()).isInTheFuture();
        assertThat(byClient.getStringParameter("channel")).isEqualTo("egain-v12");
        assertThat(byBearer.toSuccessResponse().isActive()).isTrue();
        assertThat(byBearer.toSuccessResponse().getUsername()).isEqualTo("introspected-agent");
    }

    @Test
    void introspectWhenUnknownTokenThenInactiveAndWithoutCallerAuthentication401() throws Exception {
        String id = client();

        TokenIntrospectionSuccessResponse unknown = introspect(basic(id), new TypelessAccessToken("nothing-like-it"));
        HttpResponse<String> anonymous = Http.plain().post(server.baseUrl() + "/oauth2/introspect",
                "application/x-www-form-urlencoded", "token=whatever");

        assertThat(unknown.isActive()).isFalse();
        assertThat(unknown.toJSONObject()).isEqualTo(Map.of("active", false));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
