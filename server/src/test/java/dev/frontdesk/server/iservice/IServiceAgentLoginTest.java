package dev.frontdesk.server.iservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** agentlogin against a real LDAP server (UnboundID in-memory directory). */
@ExtendWith(OpenApiContract.class)
class IServiceAgentLoginTest {
    private static final String AGENTS = "ou=agents,dc=example,dc=com";

    private static InMemoryDirectoryServer directory;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), 0, null));
        config.addAdditionalBindCredentials("cn=Directory Manager", "manager secret");
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        directory.add("dn: " + AGENTS, "objectClass: top", "objectClass: organizationalUnit", "ou: agents");
        agent("amy", "Amy", "Adams", "directory pw 1");
        agent("ben", "Ben", "Baker", "directory pw 2");
        agent("cal", "Cal", "Clark", "directory pw 3");
        agent("dan", "Dan", "Dunn", "directory pw 4");
        agent("eve", "Eve", "Evans", "directory pw 5");
        agent("fay", "Fay", "Fox", "directory pw 6");
        directory.startListening();
        server = TestServer.start();
    }

    private static void agent(String uid, String givenName, String surname, String password) throws Exception {
        directory.add("dn: uid=" + uid + "," + AGENTS, "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: " + givenName + " " + surname, "givenName: " + givenName, "sn: " + surname,
                "mail: " + uid + "@example.com", "userPassword: " + password);
    }

    @AfterAll
    static void stop() {
        server.close();
        directory.shutDown(true);
    }

    private static String url() {
        return "ldap://127.0.0.1:" + directory.getListenPort();
    }

    private static void ldap(String url, String bindDnPattern, String searchBase, String searchFilter,
                             boolean autoCreate) {
        Map<String, Object> ldap = new LinkedHashMap<>();
        ldap.put("url", url);
        ldap.put("bindDnPattern", bindDnPattern);
        ldap.put("searchBase", searchBase);
        ldap.put("searchFilter", searchFilter);
        ldap.put("bindDn", searchBase == null ? null : "cn=Directory Manager");
        ldap.put("bindPassword", searchBase == null ? null : "manager secret");
        ldap.put("startTls", false);
        ldap.put("autoCreateAgents", autoCreate);
        server.admin().patchSettings("default", Map.of("ldap", ldap));
    }

    private static void byPattern(boolean autoCreate) {
        ldap(url(), "uid={username}," + AGENTS, null, null, autoCreate);
    }

    @Test
    void agentLoginWhenDirectoryAcceptsThenAgentCreatedAndLoggedIn() {
        byPattern(true);
        IServiceClient browser = new IServiceClient(server);

        var result = browser.form("agentlogin", "userName", "amy", "Password", "directory pw 1");

        assertThat(result.errors()).isEmpty();
        assertThat(result.isLoggedIn()).isTrue();
        assertThat(result.loggedIn().get("contactName").asString()).isEqualTo("Amy Adams");
        assertThat(result.setCookie()).isPresent();
        assertThat(browser.form("loggedin").isLoggedIn()).isTrue();
        JsonNode account = server.admin().ok("GET", "/tenants/default/accounts?username=amy", null).get(0);
        assertThat(account.get("type").asString()).isEqualTo("agent");
        assertThat(account.get("email").asString()).isEqualTo("amy@example.com");
        JsonNode session = server.admin().sessions("default", "amy").get(0);
        assertThat(session.get("channel").asString()).isEqualTo("iservice");
        assertThat(Duration.between(Instant.parse(session.get("lastSeenAt").asString()),
                Instant.parse(session.get("expiresAt").asString())))
                .as("idle timeout plus one touch interval (the shown expiry is never early)")
                .isEqualTo(Duration.ofMinutes(90).plusSeconds(5));
    }

    @Test
    void agentLoginWhenWrongPasswordOrUnknownUserThenSameGenericError() {
        byPattern(true);

        var wrongPassword = new IServiceClient(server).form("agentlogin", "userName", "ben", "password", "not it");
        var unknownUser = new IServiceClient(server).form("agentlogin", "userName", "zoe", "password", "not it");

        assertThat(wrongPassword.status()).isEqualTo(200);
        assertThat(wrongPassword.isLoggedIn()).isFalse();
        assertThat(wrongPassword.errors()).containsExactly(Messages.BAD_CREDENTIALS);
        assertThat(wrongPassword.setCookie()).isEmpty();
        assertThat(unknownUser.response().body()).isEqualTo(wrongPassword.response().body());
        assertThat(server.admin().ok("GET", "/tenants/default/accounts?username=ben", null).size()).isZero();
    }

    @Test
    void agentLoginWhenPasswordEmptyThenRefusedWithoutAnonymousBind() {
        byPattern(true);

        var result = new IServiceClient(server).form("agentlogin", "userName", "ben", "password", "");

        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).containsExactly(Messages.BAD_CREDENTIALS);
    }

    @Test
    void agentLoginWhenAutoCreateOffThenOnlyExistingAgentsGetIn() {
        byPattern(false);
        server.admin().createAgent("cal", "local password 3");

        var withAccount = new IServiceClient(server).json("agentlogin", Map.of("username", "cal",
                "password", "directory pw 3"));
        var withoutAccount = new IServiceClient(server).json("agentlogin", Map.of("username", "dan",
                "password", "directory pw 4"));

        assertThat(withAccount.isLoggedIn()).isTrue();
        assertThat(withoutAccount.isLoggedIn()).isFalse();
        assertThat(withoutAccount.errors()).containsExactly(Messages.BAD_CREDENTIALS);
        assertThat(server.admin().ok("GET", "/tenants/default/accounts?username=dan", null).size()).isZero();
    }

    @Test
    void agentLoginWhenSearchBaseAndFilterConfiguredThenUserFoundAndBound() {
        ldap(url(), null, AGENTS, "(&(objectClass=inetOrgPerson)(mail={username}))", true);

        var good = new IServiceClient(server).form("agentlogin", "userName", "eve@example.com",
                "password", "directory pw 5");
        var bad = new IServiceClient(server).form("agentlogin", "userName", "eve@example.com",
                "password", "directory pw 4");
        var wildcard = new IServiceClient(server).form("agentlogin", "userName", "*", "password", "directory pw 5");

        assertThat(good.isLoggedIn()).isTrue();
        assertThat(good.loggedIn().get("contactName").asString()).isEqualTo("Eve Evans");
        assertThat(bad.isLoggedIn()).isFalse();
        assertThat(wildcard.isLoggedIn()).isFalse();
    }

    @Test
    void agentLoginWhenUserNameTriesToAlterTheDnThenRefused() {
        byPattern(true);

        var injected = new IServiceClient(server).form("agentlogin", "userName", "amy," + AGENTS + ",uid=x",
                "password", "directory pw 1");

        assertThat(injected.isLoggedIn()).isFalse();
    }

    @Test
    void agentLoginWhenUserIsACustomerThenRefused() {
        byPattern(true);
        server.admin().createCustomer("fay", "customer password 6");

        var result = new IServiceClient(server).form("agentlogin", "userName", "fay", "password", "directory pw 6");

        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).containsExactly(Messages.BAD_CREDENTIALS);
    }

    @Test
    void agentLoginWhenDirectoryUnreachableThenSaysSo() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        ldap("ldap://127.0.0.1:" + closedPort, "uid={username}," + AGENTS, null, null, true);

        var result = new IServiceClient(server).form("agentlogin", "userName", "amy", "password", "directory pw 1");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.isLoggedIn()).isFalse();
        assertThat(result.errors()).containsExactly(Messages.DIRECTORY_UNAVAILABLE);
    }

    @Test
    void agentLoginWhenDirectoryNotConfiguredThenSaysSo() {
        server.admin().patchSettings("default", new LinkedHashMap<>(java.util.Collections.singletonMap("ldap", null)));

        var result = new IServiceClient(server).form("agentlogin", "userName", "amy", "password", "directory pw 1");

        assertThat(result.errors()).containsExactly(Messages.DIRECTORY_NOT_CONFIGURED);
    }
}
