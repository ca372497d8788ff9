package dev.frontdesk.client.ece;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {
    @Test
    void parseWhenPlatformXmlThenMessage() {
        ErrorBody error = ErrorBody.parse("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <error xmlns="http://bindings.egain.com/ws/model/v12/gen/platform">
                   <message>User credentials could not be authenticated. Username : kbagent567</message>
                </error>""");

        assertThat(error).isEqualTo(new ErrorBody(null,
                "User credentials could not be authenticated. Username : kbagent567"));
    }

    @Test
    void parseWhenInteractionXmlWithPrefixThenCodeAndDeveloperMessage() {
        ErrorBody error = ErrorBody.parse("<ns2:error xmlns:ns2=\"urn:x\"><ns2:code>401-101</ns2:code>"
                + "<ns2:developerMessage>Invalid or expired &apos;X-egain-session&apos; header.</ns2:developerMessage>"
                + "</ns2:error>");

        assertThat(error).isEqualTo(new ErrorBody("401-101", "Invalid or expired 'X-egain-session' header."));
    }

    @Test
    void parseWhenJsonMessageThenMessage() {
        assertThat(ErrorBody.parse("{\"message\":\"Invalid session ID.\"}"))
                .isEqualTo(new ErrorBody(null, "Invalid session ID."));
    }

    @Test
    void parseWhenOAuthErrorThenCodeAndDescription() {
        assertThat(ErrorBody.parse("{\"error\":\"invalid_client\",\"error_description\":\"bad client\"}"))
                .isEqualTo(new ErrorBody("invalid_client", "bad client"));
    }

    @Test
    void parseWhenEmptyOrGarbageThenNothing() {
        assertThat(ErrorBody.parse("")).isEqualTo(new ErrorBody(null, null));
        assertThat(ErrorBody.parse(null)).isEqualTo(new ErrorBody(null, null));
        assertThat(ErrorBody.parse("{not json")).isEqualTo(new ErrorBody(null, null));
        assertThat(ErrorBody.parse("Service Unavailable")).isEqualTo(new ErrorBody(null, null));
    }
}
