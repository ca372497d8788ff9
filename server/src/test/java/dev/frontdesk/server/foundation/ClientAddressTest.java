package dev.frontdesk.server.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.TestServer;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from configured trusted proxies. */
class ClientAddressTest {

    @Test
    void forwardedForFromUntrustedPeerThenIgnored() {
        try (TestServer server = TestServer.start()) {
            server.admin().createAgent("direct", "direct-password-1");
            loginWithForwardedFor(server, "direct", "203.0.113.9");
            assertThat(server.admin().sessions("default", "direct").get(0).get("clientIp").asString())
                    .isEqualTo("127.0.0.1");
        }
    }

    @Test
    void forwardedForFromTrustedProxyThenClientAddressIsUsed() {
        try (TestServer server = TestServer.start(Clock.systemUTC(), List.of("127.0.0.0/8"))) {
            server.admin().createAgent("proxied", "proxied-password-1");
            loginWithForwardedFor(server, "proxied", "198.51.100.1, 203.0.113.9");
            assertThat(server.admin().sessions("default", "proxied").get(0).get("clientIp").asString())
                    .isEqualTo("203.0.113.9");
        }
    }

    private static void loginWithForwardedFor(TestServer server, String user, String forwarded) {
        var response = Http.plain().post(server.baseUrl() + "/api/v1/login", "application/json",
                "{\"username\":\"" + user + "\",\"password\":\"" + user + "-password-1\"}", "X-Forwarded-For", forwarded);
        assertThat(response.statusCode()).isEqualTo(201);
    }
}
