package dev.frontdesk.client.ece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTokenProviderTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private FakeEceServer ece;
    private HttpClient http;

    @BeforeEach
    void start() throws IOException {
        ece = FakeEceServer.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        ece.close();
    }

    private ClientTokenProvider provider(NodeRuntimeAuthorization authorization) {
        return new ClientTokenProvider(authorization, http, clock);
    }

    @Test
    void authorizeWhenClientIsRegisteredThenKeepsBearerTokenWithExpiry() {
        ece.expiresIn(3600);
        ClientTokenProvider tokens = provider(ece.authorization().build());

        AccessToken token = tokens.authorize().join();

        assertThat(token.value()).isIn(ece.issuedTokens());
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
        assertThat(token.refreshAt()).isEqualTo(clock.instant().plusSeconds(3600 - 60));
        assertThat(tokens.token().join()).isEqualTo(token);
        assertThat(ece.requestsTo(FakeEceServer.TOKEN_PATH)).isEqualTo(1);
    }

    @Test
    void authorizeWhenClientSecretIsWrongThenReportsInvalidClient() {
        ClientTokenProvider tokens = provider(ece.authorization().clientSecret("wrong").build());

        assertThatThrownBy(() -> tokens.authorize().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(TokenRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("invalid_client");
                });
    }

    @Test
    void tokenWhenItNearsExpiryThenRefreshesThroughRefreshUrl() {
        ece.expiresIn(3600);
        ClientTokenProvider tokens = provider(ece.authorization().refreshSkew(Duration.ofSeconds(60)).build());
        AccessToken first = tokens.token().join();

        clock.advance(Duration.ofSeconds(3539));
        assertThat(tokens.token().join()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        AccessToken second = tokens.token().join();

        assertThat(second).isNotEqualTo(first);
        assertThat(ece.requestsTo(FakeEceServer.TOKEN_PATH)).isEqualTo(1);
        assertThat(ece.requestsTo(FakeEceServer.REFRESH_PATH)).isEqualTo(1);
    }

    @Test
    void tokenWhenLifetimeIsShorterThanSkewThenRefreshesHalfWay() {
        ece.expiresIn(30);
        ClientTokenProvider tokens = provider(ece.authorization().refreshSkew(Duration.ofSeconds(60)).build());

        AccessToken token = tokens.token().join();

        assertThat(token.refreshAt()).isEqualTo(clock.instant().plusSeconds(15));
        assertThat(tokens.token().join()).isEqualTo(token);
    }

    @Test
    void tokenWhenManyCallersAskAtOnceThenOneRequest() {
        ClientTokenProvider tokens = provider(ece.authorization().build());

        List<AccessToken> seen = IntStream.range(0, 50).mapToObj(i -> tokens.token()).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(seen).hasSize(50).containsOnly(seen.getFirst());
        assertThat(ece.tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenWhenLastRequestFailedThenNextCallerTriesAgain() {
        NodeRuntimeAuthorization wrong = ece.authorization().clientSecret("wrong").build();
        ClientTokenProvider tokens = provider(wrong);
        assertThatThrownBy(() -> tokens.token().join()).hasCauseInstanceOf(TokenRequestException.class);

        assertThatThrownBy(() -> tokens.token().join()).hasCauseInstanceOf(TokenRequestException.class);
        assertThat(ece.tokenRequests()).isEqualTo(2);
    }

    @Test
    void refreshAfterRejectionWhenManyCallersWereRejectedThenOneRefresh() {
        ClientTokenProvider tokens = provider(ece.authorization().build());
        AccessToken rejected = tokens.token().join();

        List<AccessToken> renewed = IntStream.range(0, 20).mapToObj(i -> tokens.refreshAfterRejection(rejected))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(renewed).containsOnly(renewed.getFirst()).doesNotContain(rejected);
        assertThat(ece.requestsTo(FakeEceServer.REFRESH_PATH)).isEqualTo(1);
    }

    @Test
    void refreshAfterRejectionWhenTokenWasAlreadyReplacedThenReturnsReplacement() {
        ClientTokenProvider tokens = provider(ece.authorization().build());
        AccessToken old = tokens.token().join();
        AccessToken replacement = tokens.refreshAfterRejection(old).join();

        assertThat(tokens.refreshAfterRejection(old).join()).isEqualTo(replacement);
        assertThat(ece.tokenRequests()).isEqualTo(2);
    }

    @Test
    void accessTokenToStringWhenPrintedThenHidesValue() {
        AccessToken token = provider(ece.authorization().build()).token().join();

        assertThat(token.toString()).doesNotContain(token.value());
    }
}
