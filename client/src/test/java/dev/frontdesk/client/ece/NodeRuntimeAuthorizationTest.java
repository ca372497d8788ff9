package dev.frontdesk.client.ece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeRuntimeAuthorizationTest {
    private static NodeRuntimeAuthorization.Builder complete() {
        return NodeRuntimeAuthorization.builder()
                .authorizationName("ece-prod")
                .clientId("flow-app")
                .clientSecret("client-s3cret")
                .accessTokenUrl("https://ece.example.com/system/ws/v19/clientapplications/authentication/oauth2/token")
                .refreshTokenUrl("https://ece.example.com/system/ws/v19/clientapplications/authentication/oauth2/token")
                .hostName("https://ece.example.com")
                .userName("agent1")
                .password("agent-pa55word");
    }

    @Test
    void buildWhenCompleteThenAppliesDefaults() {
        NodeRuntimeAuthorization authorization = complete().build();

        assertThat(authorization.contextRoot()).isEmpty();
        assertThat(authorization.forceLogin()).isFalse();
        assertThat(authorization.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(authorization.refreshSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(authorization.wiredOutcomes()).isEmpty();
        assertThat(authorization.isWired(Outcome.TIMEOUT)).isTrue();
        assertThat(authorization.problems()).isEmpty();
    }

    @Test
    void buildWhenRefreshUrlIsMissingThenUsesAccessTokenUrl() {
        NodeRuntimeAuthorization authorization = complete().refreshTokenUrl(null).build();

        assertThat(authorization.refreshTokenUrl()).isEqualTo(authorization.accessTokenUrl());
    }

    @Test
    void buildWhenFieldsAreMissingThenListsEveryProblem() {
        assertThatThrownBy(() -> complete().clientId(" ").password(null).build())
                .isInstanceOfSatisfying(InvalidAuthorizationException.class, e -> assertThat(e.problems())
                        .containsExactly("clientId is required", "password is required"));
    }

    @Test
    void buildWhenUrlIsRelativeOrNotHttpThenRefuses() {
        assertThatThrownBy(() -> complete().hostName("ece.example.com").build())
                .hasMessageContaining("hostName must be an absolute http(s) URL");
        assertThatThrownBy(() -> complete().accessTokenUrl("ftp://ece.example.com/token").build())
                .hasMessageContaining("accessTokenUrl must be an absolute http(s) URL");
        assertThatThrownBy(() -> complete().refreshTokenUrl("http://bad host/token").build())
                .hasMessageContaining("refreshTokenUrl is not a valid URL");
    }

    @Test
    void buildWhenContextRootOrDurationsAreOddThenRefuses() {
        assertThatThrownBy(() -> complete().contextRoot("system").build()).hasMessageContaining("contextRoot");
        assertThatThrownBy(() -> complete().timeout(Duration.ZERO).build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> complete().refreshSkew(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("refreshSkew");
    }

    @Test
    void buildUncheckedWhenIncompleteThenProblemsAreReportedLater() {
        NodeRuntimeAuthorization authorization = complete().userName(null).buildUnchecked();

        assertThat(authorization.problems()).containsExactly("userName is required");
    }

    @Test
    void loginUriWhenContextRootAndForceLoginThenBuildsFullAddress() {
        NodeRuntimeAuthorization authorization = complete().hostName("https://ece.example.com/")
                .contextRoot("/system/").forceLogin(true).build();

        assertThat(authorization.loginUri()).hasToString(
                "https://ece.example.com/system/ws/v12/authentication/user/login?forceLogin=yes");
    }

    @Test
    void isWiredWhenOutcomesAreConfiguredThenOnlyThose() {
        NodeRuntimeAuthorization authorization = complete()
                .wiredOutcomes(Set.of(Outcome.CREATE_SESSION_SUCCESS)).build();

        assertThat(authorization.isWired(Outcome.CREATE_SESSION_SUCCESS)).isTrue();
        assertThat(authorization.isWired(Outcome.ERROR)).isFalse();
    }

    @Test
    void toStringWhenPrintedThenHidesSecretAndPassword() {
        String printed = complete().build().toString();

        assertThat(printed).doesNotContain("client-s3cret", "agent-pa55word").contains("flow-app", "agent1");
    }

    @Test
    void toBuilderWhenRebuiltThenEqual() {
        NodeRuntimeAuthorization authorization = complete().forceLogin(true).build();

        assertThat(authorization.toBuilder().build()).isEqualTo(authorization);
    }

    @Test
    void fromWireNameWhenKnownThenOutcome() {
        assertThat(Outcome.fromWireName("onInvalidChoice")).contains(Outcome.INVALID_CHOICE);
        assertThat(Outcome.fromWireName("onSomethingElse")).isEmpty();
    }
}
