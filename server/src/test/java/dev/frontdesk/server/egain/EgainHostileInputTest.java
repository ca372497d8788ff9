package dev.frontdesk.server.egain;

import static dev.frontdesk.server.egain.EgainCalls.PASSWORD;
import static dev.frontdesk.server.egain.EgainCalls.V12_LOGIN;
import static dev.frontdesk.server.egain.EgainCalls.V12_NS;
import static dev.frontdesk.server.egain.EgainCalls.V15_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.frontdesk.server.testing.TestServer;
import dev.frontdesk.server.testing.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, "bad input": every hostile body gets a clean eGain 400/413/415 and nothing more. */
class EgainHostileInputTest {
    private static final String DOCTYPE_MESSAGE =
            "Document type declarations (DOCTYPE) are not allowed in the request body.";

    private static TestServer server;
    private static EgainCalls calls;

    private HttpServer evil;
    private final AtomicInteger evilHits = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        calls = new EgainCalls(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An HTTP server an external entity would fetch from; it counts every request it gets. */
    @BeforeEach
    void startEvilServer() throws IOException {
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", exchange -> {
            evilHits.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"LEAKED-FROM-HTTP\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        evil.start();
    }

    @AfterEach
    void stopEvilServer() {
        evil.stop(0);
    }

    private String evilUrl() {
        return "http://127.0.0.1:" + evil.getAddress().getPort() + "/evil.dtd";
    }

    @Test
    void xxeWhenExternalFileEntityThen400WithoutTheFileContent(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER-4711");
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Login [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Login xmlns=\"" + V12_NS + "\"><userName>&xxe;</userName><password>x-password</password></Login>";

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS, DOCTYPE_MESSAGE));
        assertThat(response.body()).doesNotContain("TOP-SECRET-MARKER");
    }

    @Test
    void xxeWhenExternalHttpDtdOrParameterEntityThen400AndNothingIsFetched() {
        String externalSubset = "<?xml version=\"1.0\"?>\n<!DOCTYPE Login SYSTEM \"" + evilUrl() + "\">\n"
                + "<Login><userName>&leak;</userName><password>x-password</password></Login>";
        String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE Login [<!ENTITY % p SYSTEM \"" + evilUrl()
                + "\"> %p;]>\n<Login><userName>&leak;</userName><password>x-password</password></Login>";

        HttpResponse<String> first = calls.post(V12_LOGIN, "application/xml", externalSubset);
        HttpResponse<String> second = calls.post(V15_LOGIN, "application/xml", parameterEntity);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(first.body()).contains(DOCTYPE_MESSAGE).doesNotContain("LEAKED");
        assertThat(second.body()).contains(DOCTYPE_MESSAGE).doesNotContain("LEAKED");
        assertThat(evilHits).hasValue(0);
    }

    @Test
    void parserWhenHandedADoctypeAnywayResolvesNothingAndExpandsNothing() throws Exception {
        // Defence in depth: even past the DOCTYPE check, the locked-down parser fetches and expands nothing.
        String external = "<?xml version=\"1.0\"?><!DOCTYPE Login SYSTEM \"" + evilUrl() + "\">"
                + "<Login><userName>&leak;</userName></Login>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";

        String externalText = drain(external);
        String laughsText = drain(laughs);

        assertThat(evilHits).hasValue(0);
        assertThat(externalText).doesNotContain("LEAKED");
        assertThat(laughsText).doesNotContain("lol");
    }

    /** Every character the parser reports, until the end or its first error. */
    private static String drain(String xml) throws Exception {
        StringBuilder text = new StringBuilder();
        javax.xml.stream.XMLStreamReader reader = XmlLoginReader.factory()
                .createXMLStreamReader(new java.io.StringReader(xml));
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (javax.xml.stream.XMLStreamException expected) {
            // undeclared entity: the parser stops without expanding or fetching
        }
        return text.toString();
    }

    @Test
    void billionLaughsWhenSentThen400WithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Login [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = "<?xml version=\"1.0\"?>\n" + dtd + "\n<Login xmlns=\"" + V12_NS
                + "\"><userName>&lol9;</userName><password>x-password</password></Login>";

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml", body, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"" + DOCTYPE_MESSAGE + "\"}");
    }

    @Test
    void xmlWhenTruncatedOrNotXmlThen400Malformed() {
        String user = calls.agent();
        String full = EgainCalls.xml("Login", V12_NS, user, PASSWORD);

        HttpResponse<String> truncated = calls.post(V12_LOGIN, "application/xml", full.substring(0, full.length() - 5));
        HttpResponse<String> garbage = calls.post(V12_LOGIN, "application/xml", "userName=kbagent1");
        HttpResponse<String> twoRoots = calls.post(V12_LOGIN, "application/xml", full + "<Login/>");

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).isEqualTo(EgainCalls.xmlError("error", V12_NS,
                "The request body is not well-formed XML."));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(twoRoots.statusCode()).isEqualTo(400);
    }

    @Test
    void xmlWhenNestedTooDeepOrChildInsideUserNameThen400() {
        String deep = "<Login xmlns=\"" + V12_NS + "\">" + "<a>".repeat(200) + "</a>".repeat(200)
                + "<userName>x</userName><password>x-password</password></Login>";
        String mixed = "<Login xmlns=\"" + V12_NS + "\"><userName>a<b>c</b></userName><password>p</password></Login>";

        assertThat(calls.post(V12_LOGIN, "application/xml", deep).statusCode()).isEqualTo(400);
        assertThat(calls.post(V12_LOGIN, "application/xml", mixed).statusCode()).isEqualTo(400);
    }

    @Test
    void xmlWhenUserNameGivenTwiceThen400() {
        String body = "<Login xmlns=\"" + V12_NS + "\"><userName>a</userName><username>b</username>"
                + "<password>x-password</password></Login>";

        HttpResponse<String> response = calls.post(V12_LOGIN, "application/xml", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The field userName is present more than once in the request body.");
    }

    @Test
    void jsonWhenFieldsHaveWrongTypesThen400NamingTheField() {
        HttpResponse<String> numberUser = calls.post(V12_LOGIN, "application/json",
                "{\"userName\": 42, \"password\": \"x-password\"}");
        HttpResponse<String> arrayPassword = calls.post(V12_LOGIN, "application/json",
                "{\"userName\": \"a\", \"password\": [\"x\"]}");
        HttpResponse<String> objectUser = calls.post(V12_LOGIN, "application/json",
                "{\"userName\": {\"n\": 1}, \"password\": \"x-password\"}");
        HttpResponse<String> booleanPassword = calls.post(V12_LOGIN, "application/json",
                "{\"userName\": \"a\", \"password\": true}");

        assertThat(numberUser.statusCode()).isEqualTo(400);
        assertThat(numberUser.body()).isEqualTo("{\"message\":\"The field userName must be a string.\"}");
        assertThat(arrayPassword.statusCode()).isEqualTo(400);
        assertThat(arrayPassword.body()).isEqualTo("{\"message\":\"The field password must be a string.\"}");
        assertThat(objectUser.statusCode()).isEqualTo(400);
        assertThat(booleanPassword.statusCode()).isEqualTo(400);
    }

    @Test
    void jsonWhenNotAnObjectOrMalformedOrDuplicatedThen400() {
        String notValid = "{\"message\":\"The request body is not a valid JSON object.\"}";

        assertThat(calls.post(V12_LOGIN, "application/json", "[\"a\", \"b\"]").body()).isEqualTo(notValid);
        assertThat(calls.post(V12_LOGIN, "application/json", "\"kbagent1\"").body()).isEqualTo(notValid);
        assertThat(calls.post(V12_LOGIN, "application/json", "null").body()).isEqualTo(notValid);
        assertThat(calls.post(V12_LOGIN, "application/json", "{\"userName\": \"a\", \"password\": ").body())
                .isEqualTo(notValid);
        assertThat(calls.post(V12_LOGIN, "application/json", "{\"userName\":\"a\"}{}").statusCode()).isEqualTo(400);
        assertThat(calls.post(V12_LOGIN, "application/json",
                "{\"userName\":\"a\",\"userName\":\"b\",\"password\":\"x-password\"}").body()).isEqualTo(notValid);
        assertThat(calls.post(V12_LOGIN, "application/json", "[".repeat(5000)).body()).isEqualTo(notValid);
    }

    @Test
    void bodyWhenTenMegabytesThen413InEgainShape() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        // As curl does for large bodies: Expect: 100-continue, so the refusal arrives before the upload.
        HttpRequest request = HttpRequest.newBuilder(URI.create(calls.url(V12_LOGIN)))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build();

        HttpResponse<String> response = Http.plain().send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"The request body is larger than 65536 bytes.\"}");
    }

    @Test
    void bodyWhenChunkedPastTheLimitUnderSystemRootThen413InEgainShapeAndLanguage() throws IOException {
        // A chunked body announces no length: the limit is met while reading; the rest is read and discarded.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("POST /system" + V15_LOGIN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/xml\r\nAccept-Language: de-DE\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "10000\r\n").getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(" ".repeat(0x10000).getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes("\r\n1\r\na\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String response;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(bytes.toByteArray());
            socket.getOutputStream().flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(response).contains("Content-Language: de-DE", "Connection: close");
        assertThat(response).contains("\r\n\r\n" + EgainCalls.xmlError("error", EgainCalls.V15_NS,
                "Der Anfragetext ist größer als 65536 Bytes."));
    }

    @Test
    void userNameWhenItContainsNulThen400() {
        HttpResponse<String> json = calls.post(V12_LOGIN, "application/json",
                "{\"userName\": \"kbagent1\\u0000\", \"password\": \"x-password\"}");
        HttpResponse<String> xmlReference = calls.post(V12_LOGIN, "application/xml",
                "<Login><userName>kb&#0;agent</userName><password>x-password</password></Login>");
        HttpResponse<String> rawByte = calls.postBytes(V15_LOGIN, "application/xml",
                "<Login><userName>kb\u0000agent</userName><password>x-password</password></Login>"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).isEqualTo("{\"message\":\"User name is invalid. It must have at most 256 characters "
                + "and no control characters.\"}");
        assertThat(xmlReference.statusCode()).isEqualTo(400);
        assertThat(rawByte.statusCode()).isEqualTo(400);
    }

    @Test
    void userNameWhenTenThousandCharactersThen400() {
        String longName = "k".repeat(10_000);

        HttpResponse<String> json = calls.v12LoginJson(longName, "x-password");
        HttpResponse<String> xml = calls.post(V15_LOGIN, "application/xml",
                EgainCalls.xml("login", EgainCalls.V15_NS, longName, "x-password"));

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("at most 256 characters").doesNotContain(longName);
        assertThat(xml.statusCode()).isEqualTo(400);
    }

    @Test
    void bodyWhenInvalidUtf8Then400() {
        byte[] json = "{\"userName\": \"kb__\", \"password\": \"x-password\"}".getBytes(StandardCharsets.US_ASCII);
        json[15] = (byte) 0xC3;
        json[16] = (byte) 0x28;
        byte[] xml = ("<Login xmlns=\"" + V12_NS + "\"><userName>kb__</userName><password>p</password></Login>")
                .getBytes(StandardCharsets.US_ASCII);
        int at = new String(xml, StandardCharsets.US_ASCII).indexOf("__");
        xml[at] = (byte) 0xFF;

        HttpResponse<String> jsonResponse = calls.postBytes(V12_LOGIN, "application/json", json);
        HttpResponse<String> xmlResponse = calls.postBytes(V12_LOGIN, "application/xml", xml);

        assertThat(jsonResponse.statusCode()).isEqualTo(400);
        assertThat(jsonResponse.body()).isEqualTo("{\"message\":\"The request body is not valid UTF-8.\"}");
        assertThat(xmlResponse.statusCode()).isEqualTo(400);
        assertThat(xmlResponse.body()).contains("<message>The request body is not valid UTF-8.</message>");
    }

    @Test
    void multipartWhenTruncatedOrWithoutBoundaryOrNamelessThen400() {
        String truncated = "--b1\r\nContent-Disposition: form-data; name=\"userName\"\r\n\r\nkb\r\n--b1\r\n"
                + "Content-Disposition: form-data; name=\"password\"\r\n\r\nx-pass";
        String nameless = "--b1\r\nContent-Disposition: form-data\r\n\r\nkb\r\n--b1--\r\n";
        String notFormData = "--b1\r\nContent-Disposition: attachment; name=\"userName\"\r\n\r\nkb\r\n--b1--\r\n";

        HttpResponse<String> first = calls.post(V15_LOGIN, "multipart/form-data; boundary=b1", truncated);
        HttpResponse<String> second = calls.post(V15_LOGIN, "multipart/form-data", nameless.replace("b1", "b2"));
        HttpResponse<String> third = calls.post(V15_LOGIN, "multipart/form-data; boundary=b1", nameless);
        HttpResponse<String> fourth = calls.post(V15_LOGIN, "multipart/form-data; boundary=b1", notFormData);

        String malformed = EgainCalls.xmlError("error", EgainCalls.V15_NS,
                "The multipart/form-data request body is malformed.");
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.body()).isEqualTo(malformed);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(fourth.statusCode()).isEqualTo(400);
    }

    @Test
    void multipartWhenTooManyPartsThen400() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("--b1\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        body.append("--b1--\r\n");

        HttpResponse<String> response = calls.post(V15_LOGIN, "multipart/form-data; boundary=b1", body.toString());

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
