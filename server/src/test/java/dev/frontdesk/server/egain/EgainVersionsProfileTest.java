package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, points 1 to 3: the eGain authoring single-page app's calls, as it sends them: login and
 * logout at v20 (and every version from v11 to v21, with and without {@code /system}), CORS on every
 * eGain path, and the user profile with the home department.
 */
class EgainVersionsProfileTest {
    private static final String ALLOWED = "http://authoring.example.com:5173";
    private static final String FOREIGN = "http://evil.example.net";
    private static final String[] SPA = {"Accept", "application/json", "Accept-Language", "en-us"};

    private static TestServer server;
    private static EgainCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
        server.admin().patchSettings("default", Map.of("corsAllowedOrigins", List.of(ALLOWED)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> login(String path, String user) {
        return calls.post(path, "application/json", EgainCalls.json(user, PASSWORD), SPA);
    }

    private static String v20Session(String user) {
        HttpResponse<String> response = login("/system/ws/v20/authentication/user/login?forceLogin=yes", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return response.headers().firstValue("X-egain-session").orElseThrow();
    }

    private static HttpResponse<String> profile(String path, String session) {
        return session == null ? calls.send("GET", path, SPA)
                : calls.send("GET", path, "Accept", "application/json", "Accept-Language", "en-us",
                "X-egain-session", session);
    }

    @Test
    void v20LoginAndLogoutWhenSentAsTheAuthoringAppSendsThemThen204AndTheSessionEnds() {
        String agent = calls.agent();

        String session = v20Session(agent);
        HttpResponse<String> logout = calls.send("DELETE", "/system/ws/v20/authentication/user/logout",
                "X-egain-session", session, "Accept", "application/json");
        HttpResponse<String> again = calls.send("DELETE", "/system/ws/v20/authentication/user/logout",
                "X-egain-session", session, "Accept", "application/json");

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("X-egain-session")).hasValue(session);
        assertThat(again.statusCode()).isEqualTo(401);
    }

    @Test
    void userLoginWhenAnyVersionFrom11To21WithOrWithoutSystemThen204ElseOutsideThe404() {
        String agent = calls.agent();
        for (int version = 11; version <= 21; version++) {
            for (String root : new String[] {"", "/system"}) {
                HttpResponse<String> response = login(root + "/ws/v" + version + "/authentication/user/login"
                        + "?forceLogin=yes", agent);
                assertThat(response.statusCode()).as("v%d %s", version, root).isEqualTo(204);
            }
        }
        assertThat(login("/ws/v10/authentication/user/login", agent).statusCode()).isEqualTo(404);
        assertThat(login("/ws/v22/authentication/user/login", agent).statusCode()).isEqualTo(404);
        assertThat(login("/ws/v012/authentication/user/login", agent).statusCode()).isEqualTo(404);
    }

    @Test
    void customerLoginWhenVersion15To21Then204AndLogoutAtAnotherVersionEndsIt() {
        String customer = calls.customer();
        HttpResponse<String> v14 = login("/ws/v14/context/authentication/user/login", customer);
        HttpResponse<String> v21 = login("/system/ws/v21/context/authentication/user/login", customer);
        String session = v21.headers().firstValue("X-egain-session").orElseThrow();

        HttpResponse<String> logout = calls.post("/ws/v17/context/authentication/user/logout", "application/json", "",
                "X-egain-session", session, "Accept", "application/json");

        assertThat(v14.statusCode()).isEqualTo(404);
        assertThat(v21.statusCode()).isEqualTo(204);
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("{\"spAuthenticationEnabled\":false}");
    }

    @Test
    void sessionWhenOpenedAtV20ThenV12LogoutEndsIt() {
        String session = v20Session(calls.agent());

        HttpResponse<String> logout = calls.send("DELETE", "/ws/v12/authentication/user/logout",
                "X-egain-session", session);

        assertThat(logout.statusCode()).isEqualTo(204);
    }

    @Test
    void loginWhenXmlBodyInTheV20NamespaceThen204() {
        String agent = calls.agent();

        HttpResponse<String> response = calls.post("/ws/v20/authentication/user/login", "application/xml",
                EgainCalls.xml("login", "http://bindings.egain.com/ws/model/v20/gen/platform", agent, PASSWORD));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    @Test
    void profileWhenOwnLoginIdThenUserShapeWithTheTenantDefaultDepartment() {
        String agent = calls.agent();
        String session = v20Session(agent);

        HttpResponse<String> response = profile("/system/ws/v20/administration/user/login/" + agent
                + "?$attribute=all", session);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode user = Json.MAPPER.readTree(response.body()).get("user").get(0);
        assertThat(user.get("id").asString()).isNotBlank();
        assertThat(user.get("loginId").asString()).isEqualTo(agent);
        assertThat(user.get("userName").asString()).isEqualTo(agent);
        assertThat(user.has("firstName")).isTrue();
        assertThat(user.has("lastName")).isTrue();
        assertThat(user.has("emailAddress")).isTrue();
        assertThat(user.get("department").get("id").asString()).isEqualTo("999");
        assertThat(user.get("department").get("name").asString()).isEqualTo("Service");
    }

    @Test
    void profileWhenAccountHasDepartmentPropertiesThenTheyWinAndXmlFollowsAccept() {
        String agent = EgainCalls.uniqueName("author");
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", agent, "password", PASSWORD,
                "type", "agent", "firstName", "Ada", "lastName", "Lovelace", "email", "ada@example.com",
                "properties", Map.of("departmentId", "1002", "departmentName", "Billing & Claims")));
        String session = v20Session(agent);

        HttpResponse<String> json = profile("/ws/v12/administration/user/login/" + agent + "?$attribute=all", session);
        HttpResponse<String> xml = calls.send("GET", "/ws/v21/administration/user/login/" + agent,
                "Accept", "application/xml", "X-egain-session", session);

        JsonNode user = Json.MAPPER.readTree(json.body()).get("user").get(0);
        assertThat(user.get("firstName").asString()).isEqualTo("Ada");
        assertThat(user.get("emailAddress").asString()).isEqualTo("ada@example.com");
        assertThat(user.get("department").get("id").asString()).isEqualTo("1002");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(xml.body()).contains("<users xmlns=\"http://bindings.egain.com/ws/model/v12/gen/platform\">")
                .contains("<loginId>" + agent + "</loginId>")
                .contains("<department id=\"1002\">").contains("<name>Billing &amp; Claims</name>");
    }

    @Test
    void profileWhenTenantDefaultDepartmentChangedThenAccountsWithoutPropertyFollow() {
        try (TestServer own = TestServer.start()) {
            EgainCalls ownCalls = new EgainCalls(own);
            own.admin().patchSettings("default", Map.of("defaultDepartmentId", "42", "defaultDepartmentName", "Sales"));
            String agent = ownCalls.agent();
            String session = ownCalls.v12Session(agent);

            HttpResponse<String> response = ownCalls.send("GET", "/ws/v20/administration/user/login/" + agent,
                    "Accept", "application/json", "X-egain-session", session);

            JsonNode department = Json.MAPPER.readTree(response.body()).get("user").get(0).get("department");
            assertThat(department.get("id").asString()).isEqualTo("42");
            assertThat(department.get("name").asString()).isEqualTo("Sales");
        }
    }

    @Test
    void profileWhenAttributeListThenOnlyThoseAndTheIds() {
        String agent = calls.agent();
        String session = v20Session(agent);

        HttpResponse<String> response = profile("/ws/v20/administration/user/login/" + agent
                + "?$attribute=department,firstName", session);

        JsonNode user = Json.MAPPER.readTree(response.body()).get("user").get(0);
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "loginId", "firstName", "department");
    }

    @Test
    void profileWhenAnotherUsersLoginIdWithoutAdminRightThen403AndWithItThen200Or404() {
        String other = calls.agent();
        String plain = calls.agent();
        String admin = EgainCalls.uniqueName("supervisor");
        server.admin().ok("POST", "/tenants/default/accounts", Map.of("username", admin, "password", PASSWORD,
                "type", "agent", "accessRights", List.of("user.view")));
        String plainSession = v20Session(plain);
        String adminSession = v20Session(admin);

        HttpResponse<String> refused = profile("/ws/v20/administration/user/login/" + other, plainSession);
        HttpResponse<String> refusedUnknown = profile("/ws/v20/administration/user/login/nobody-here", plainSession);
        HttpResponse<String> allowed = profile("/ws/v20/administration/user/login/" + other, adminSession);
        HttpResponse<String> unknown = profile("/ws/v20/administration/user/login/nobody-here", adminSession);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refusedUnknown.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(refused.body()).get("message").asString())
                .isEqualTo("You are not allowed to view this user.");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(allowed.body()).get("user").get(0).get("loginId").asString()).isEqualTo(other);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void profileWhenNoOrDeadSessionThen401InTheEgainShape() {
        String agent = calls.agent();
        String session = v20Session(agent);
        calls.send("DELETE", "/ws/v20/authentication/user/logout", "X-egain-session", session);

        HttpResponse<String> none = profile("/ws/v20/administration/user/login/" + agent, null);
        HttpResponse<String> dead = profile("/ws/v20/administration/user/login/" + agent, session);
        HttpResponse<String> xml = calls.send("GET", "/ws/v20/administration/user/login/" + agent);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(none.body()).get("message").asString())
                .isEqualTo("User could not be authenticated. Invalid session ID.");
        assertThat(dead.statusCode()).isEqualTo(401);
        assertThat(xml.statusCode()).isEqualTo(401);
        assertThat(xml.body()).contains("<Error xmlns=\"http://bindings.egain.com/ws/model/v12/gen/platform\">");
    }

    @Test
    void profileWhenVersion11OrWrongMethodThen404Or405() {
        String agent = calls.agent();
        String session = v20Session(agent);

        assertThat(profile("/ws/v11/administration/user/login/" + agent, session).statusCode()).isEqualTo(404);
        HttpResponse<String> post = calls.post("/ws/v20/administration/user/login/" + agent, "application/json", "{}",
                "X-egain-session", session);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, OPTIONS");
    }

    @Test
    void preflightWhenAllowedOriginThen204WithThePathsRealMethodsAndHeaders() {
        Map<String, String> expected = Map.of(
                "/system/ws/v20/authentication/user/login", "POST, OPTIONS",
                "/system/ws/v20/authentication/user/logout", "DELETE, OPTIONS",
                "/ws/v15/context/authentication/user/logout", "POST, OPTIONS",
                "/system/ws/v20/administration/user/login/anyone", "GET, OPTIONS");
        expected.forEach((path, methods) -> {
            HttpResponse<String> response = calls.send("OPTIONS", path, "Origin", ALLOWED,
                    "Access-Control-Request-Method", methods.substring(0, methods.indexOf(',')),
                    "Access-Control-Request-Headers", "content-type,accept-language,x-egain-session");

            assertThat(response.statusCode()).as(path).isEqualTo(204);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue(methods);
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                    .contains("Content-Type", "Accept", "Accept-Language", "X-egain-session", "Authorization");
            assertThat(response.headers().firstValue("Access-Control-Max-Age")).isPresent();
            assertThat(response.headers().allValues("Vary")).contains("Origin");
        });
    }

    @Test
    void preflightWhenOriginNotAllowedThenNoCorsHeaders() {
        HttpResponse<String> response = calls.send("OPTIONS", "/system/ws/v20/authentication/user/login",
                "Origin", FOREIGN, "Access-Control-Request-Method", "POST");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void answersWhenAllowedOriginThenExposeTheSessionHeaderAlsoOnErrors() {
        String agent = calls.agent();

        HttpResponse<String> ok = calls.post("/system/ws/v20/authentication/user/login?forceLogin=yes",
                "application/json", EgainCalls.json(agent, PASSWORD), "Origin", ALLOWED, "Accept", "application/json");
        HttpResponse<String> refused = calls.post("/system/ws/v20/authentication/user/login", "application/json",
                EgainCalls.json(agent, "wrong"), "Origin", ALLOWED);
        HttpResponse<String> foreign = calls.post("/system/ws/v20/authentication/user/login?forceLogin=yes",
                "application/json", EgainCalls.json(agent, PASSWORD), "Origin", FOREIGN);

        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(ok.headers().firstValue("Access-Control-Expose-Headers")).hasValue("X-egain-session");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
