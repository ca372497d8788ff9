package dev.frontdesk.server.egain;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontdesk.server.http.BadRequest;

/**
 * Fuzz targets for the eGain login bodies (XML, JSON, multipart) and Accept-Language. An input may only
 * be refused with the dialect's own client errors ({@link EgainError}, {@link BadRequest}).
 */
class EgainParsersFuzzTest {
    private static final String[] TYPES = {"application/xml", "application/json", "multipart/form-data", "text/xml"};

    @FuzzTest(maxDuration = "10m")
    void loginBody(FuzzedDataProvider data) {
        String type = data.pickValue(TYPES);
        String boundary = data.consumeString(40);
        EgainApi api = data.consumeBoolean() ? EgainApi.V12 : EgainApi.V15;
        try {
            LoginBodies.read(data.consumeRemainingAsBytes(), type, boundary, api);
        } catch (EgainError | BadRequest expected) {
            // refused as a client error
        }
    }

    @FuzzTest(maxDuration = "10m")
    void acceptLanguage(FuzzedDataProvider data) {
        EgainLanguage.negotiate(data.consumeRemainingAsString(), EgainLanguage.fallback("en-US"));
    }
}
