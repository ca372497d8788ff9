package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Inactivity logout: agents 90 minutes by default, per-agent override, customers the tenant's idle timeout. */
@ExtendWith(OpenApiContract.class)
class IServiceIdleTimeoutTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The idle timeout of the user's session: its shown expiry counts one touch interval past it (never early). */
    private Duration idleOf(String username) {
        JsonNode session = server.admin().sessions("default", username).get(0);
        Duration shown = Duration.between(Instant.parse(session.get("lastSeenAt").asString()),
                Instant.parse(session.get("expiresAt").asString()));
        Duration touch = Duration.ofSeconds(5);
        return shown.minus(shown.dividedBy(11).compareTo(touch) < 0 ? shown.dividedBy(11) : touch);
    }

    private IServiceClient loggedIn(String username, String password) {
        IServiceClient client = new IServiceClient(server);
        assertThat(client.form("login", "username", username, "password", password).isLoggedIn()).isTrue();
        return client;
    }

    @Test
    void agentSessionWhenNothingConfiguredThenIdleTimeoutIsNinetyMinutes() {
        server.admin().createAgent("alice", "agent password 1");
        loggedIn("alice", "agent password 1");

        assertThat(idleOf("alice")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void customerSessionWhenNothingConfiguredThenTenantIdleTimeoutApplies() {
        server.admin().createCustomer("carol", "customer password 1");
        loggedIn("carol", "customer password 1");

        assertThat(idleOf("carol")).isEqualTo(Duration.ofSeconds(1800));
    }

    @Test
    void agentSessionWhenAgentHasOwnIdleTimeoutThenItLogsOutAfterIt() throws InterruptedException {
        String id = server.admin().createAgent("bob", "agent password 2");
        server.admin().ok("PATCH", "/tenants/default/accounts/" + id, Map.of("idleTimeoutSeconds", 1));
        IServiceClient client = loggedIn("bob", "agent password 2");

        Thread.sleep(2100);

        assertThat(client.form("loggedin").isLoggedIn()).isFalse();
    }

    @Test
    void agentSessionWhenTenantAgentIdleTimeoutShortThenAgentsLogOutButCustomersStay() throws InterruptedException {
        server.admin().patchSettings("default", Map.of("agentIdleTimeoutSeconds", 1));
        server.admin().createAgent("alice", "agent password 1");
        server.admin().createCustomer("carol", "customer password 1");
        IServiceClient agent = loggedIn("alice", "agent password 1");
        IServiceClient customer = loggedIn("carol", "customer password 1");

        Thread.sleep(2100);

        assertThat(agent.form("loggedin").isLoggedIn()).isFalse();
        assertThat(customer.form("loggedin").isLoggedIn()).isTrue();
    }

    @Test
    void customerSessionWhenTenantIdleTimeoutShortThenCustomerLogsOut() throws InterruptedException {
        server.admin().patchSettings("default", Map.of("idleTimeoutSeconds", 1));
        server.admin().createCustomer("carol", "customer password 1");
        IServiceClient customer = loggedIn("carol", "customer password 1");

        Thread.sleep(2100);

        assertThat(customer.form("loggedin").isLoggedIn()).isFalse();
    }

    @Test
    void loggedInWhenCalledWithinTheIdleTimeoutThenItCountsAsActivity() throws InterruptedException {
        String id = server.admin().createAgent("bob", "agent password 2");
        server.admin().ok("PATCH", "/tenants/default/accounts/" + id, Map.of("idleTimeoutSeconds", 3));
        IServiceClient client = loggedIn("bob", "agent password 2");

        for (int i = 0; i < 4; i++) {
            Thread.sleep(1000);
            assertThat(client.form("loggedin").isLoggedIn()).isTrue();
        }
        // 4 s after login, past the 3 s timeout measured from login: alive only because each call was activity.
        assertThat(client.form("loggedin").isLoggedIn()).isTrue();
    }
}
