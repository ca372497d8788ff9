package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(OpenApiContract.class)
class IServiceRegisterTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode account(String username) {
        JsonNode list = server.admin().ok("GET", "/tenants/default/accounts?username=" + username, null);
        assertThat(list.size()).isEqualTo(1);
        return list.get(0);
    }

    @Test
    void registerWhenIServiceFormFieldsThenContactCreatedWithPropertiesAndLoggedIn() {
        IServiceClient client = new IServiceClient(server);

        var result = client.form("register",
                "inputemailrequired", "erin@example.com",
                "inputpasswordrequired", "a long enough secret",
                "inputpasswordrequired1", "a long enough secret",
                "inputrequiredcontactproperty1firstname", "Erin",
                "inputrequiredcontactproperty2lastname", "Smith",
                "inputcontactproperty7phone", "+1 555 0100");

        assertThat(result.errors()).isEmpty();
        assertThat(result.isLoggedIn()).isTrue();
        assertThat(result.loggedIn().get("contactName").asString()).isEqualTo("Erin Smith");
        assertThat(result.loggedIn().get("logins").get(0).get("name").asString()).isEqualTo("erin@example.com");
        assertThat(result.loggedIn().get("logins").get(0).get("type").asString()).isEqualTo("Email");
        assertThat(client.form("loggedin").isLoggedIn()).isTrue();
        JsonNode account = account("erin@example.com");
        assertThat(account.get("type").asString()).isEqualTo("customer");
        assertThat(account.get("email").asString()).isEqualTo("erin@example.com");
        assertThat(account.get("firstName").asString()).isEqualTo("Erin");
        assertThat(account.get("lastName").asString()).isEqualTo("Smith");
        assertThat(account.get("properties").get("firstname").asString()).isEqualTo("Erin");
        assertThat(account.get("properties").get("phone").asString()).isEqualTo("+1 555 0100");
        assertThat(account.get("id").asString()).isEqualTo(result.contactId());
    }

    @Test
    void registerWhenPlainJsonThenContactCreatedAndCanLogInAgain() {
        var result = new IServiceClient(server).json("register", Map.of("email", "frank@example.com",
                "password", "another long secret", "firstName", "Frank", "lastName", "Miller"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.isLoggedIn()).isTrue();
        assertThat(account("frank@example.com").get("lastName").asString()).isEqualTo("Miller");
        assertThat(new IServiceClient(server).form("login", "emailAddress", "frank@example.com",
                "password", "another long secret").isLoggedIn()).isTrue();
    }

    @Test
    void registerWhenRequiredFieldsMissingThenErrorsAndNoAccount() {
        var result = new IServiceClient(server).form("register",
                "inputemailrequired", "",
                "inputpasswordrequired", "",
                "inputrequiredcontactproperty1firstname", "");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).contains(Messages.EMAIL_REQUIRED, Messages.PASSWORD_REQUIRED,
                "firstname is required.");
        assertThat(result.setCookie()).isEmpty();
    }

    @Test
    void registerWhenConfirmationDiffersThenError() {
        var result = new IServiceClient(server).form("register",
                "inputemailrequired", "gina@example.com",
                "inputpasswordrequired", "a long enough secret",
                "inputpasswordrequired1", "a different secret");

        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).containsExactly(Messages.PASSWORDS_DIFFER);
        assertThat(server.admin().ok("GET", "/tenants/default/accounts?username=gina@example.com", null).size())
                .isZero();
    }

    @Test
    void registerWhenPasswordBreaksThePolicyThenPolicyError() {
        var tooShort = new IServiceClient(server).json("register", Map.of("email", "hank@example.com",
                "password", "short"));

        assertThat(tooShort.isLoggedIn()).isFalse();
        assertThat(tooShort.errors()).singleElement().asString().contains("at least 8");
        assertThat(server.admin().ok("GET", "/tenants/default/accounts?username=hank@example.com", null).size())
                .isZero();
    }

    @Test
    void registerWhenEmailInvalidThenError() {
        var result = new IServiceClient(server).json("register", Map.of("email", "not-an-address",
                "password", "a long enough secret"));

        assertThat(result.errors()).containsExactly(Messages.EMAIL_INVALID);
    }

    @Test
    void registerWhenEmailAlreadyUsedThenError() {
        new IServiceClient(server).json("register", Map.of("email", "ivy@example.com", "password", "ivy's long secret"));

        var again = new IServiceClient(server).json("register", Map.of("email", "IVY@example.com",
                "password", "someone else's secret"));

        assertThat(again.isLoggedIn()).isFalse();
        assertThat(again.errors()).containsExactly(Messages.EMAIL_TAKEN);
    }

    @Test
    void registerWhenAlreadyLoggedInThenPreviousSessionEndsAndNewContactIsLoggedIn() {
        IServiceClient client = new IServiceClient(server);
        String first = client.json("register", Map.of("email", "jay@example.com", "password", "jay's long secret"))
                .contactId();

        var second = client.json("register", Map.of("email", "kim@example.com", "password", "kim's long secret"));

        assertThat(second.contactId()).isNotEqualTo(first);
        assertThat(client.form("loggedin").contactId()).isEqualTo(second.contactId());
        assertThat(server.admin().sessions("default", "jay@example.com").size()).isZero();
    }
}
