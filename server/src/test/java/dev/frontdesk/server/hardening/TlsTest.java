package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from a PKCS#12 keystore: a login over TLS, with HSTS on the answer; TLS 1.3 and TLS 1.2 with
 * AEAD suites only, and no client-initiated renegotiation (issue 14, finding 11).
 */
class TlsTest {
    private static final String PASSWORD = "keystore-pass";

    @TempDir
    Path dir;

    private Path keystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = PASSWORD;
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "frontdesk", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        return keystore;
    }

    @Test
    void loginOverTlsThenSessionAndHsts() throws Exception {
        Path keystore = keystore();
        String password = PASSWORD;
        try (TestServer server = TestServer.startTls(keystore, password)) {
            String createAccount = "{\"username\":\"tls-agent\",\"password\":\"secure-password-1\",\"type\":\"agent\"}";
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore, password)).build();
            String base = "https://127.0.0.1:" + server.port();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/api/v1/tenants/default/accounts"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestServer.ADMIN_PASSWORD).getBytes()))
                    .POST(HttpRequest.BodyPublishers.ofString(createAccount)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"tls-agent\",\"password\":\"secure-password-1\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(201);
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    @Test
    void tls12WithCbcSuitesOnlyThenHandshakeRefused() throws Exception {
        Path keystore = keystore();
        try (TestServer server = TestServer.startTls(keystore, PASSWORD)) {
            for (String suite : List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384")) {
                try (SSLSocket socket = socket(keystore, server.port())) {
                    socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                    socket.setEnabledCipherSuites(new String[] {suite});
                    assertThatThrownBy(socket::startHandshake).as(suite).isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void tls11ThenHandshakeRefused() throws Exception {
        Path keystore = keystore();
        try (TestServer server = TestServer.startTls(keystore, PASSWORD);
             SSLSocket socket = socket(keystore, server.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
        }
    }

    @Test
    void tls12WithGcmThenHandshakeSucceedsButClientRenegotiationIsRefused() throws Exception {
        Path keystore = keystore();
        try (TestServer server = TestServer.startTls(keystore, PASSWORD);
             SSLSocket socket = socket(keystore, server.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(socket.getSession().getCipherSuite()).contains("_GCM_");

            StringBuilder answer = new StringBuilder();
            IOException failure = null;
            try {
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    answer.append((char) b);
                }
            } catch (IOException refused) {
                failure = refused;
            }
            assertThat(answer.toString()).doesNotContain("HTTP/1.1 200");
            // refused at once with an alert (a JDK server that allows it leaves the client waiting instead)
            assertThat(failure).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("handshake_failure");
        }
    }

    @Test
    void tls13ThenHandshakeSucceeds() throws Exception {
        Path keystore = keystore();
        try (TestServer server = TestServer.startTls(keystore, PASSWORD);
             SSLSocket socket = socket(keystore, server.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    private static SSLSocket socket(Path keystore, int port) throws Exception {
        SSLSocket socket = (SSLSocket) trusting(keystore, PASSWORD).getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
