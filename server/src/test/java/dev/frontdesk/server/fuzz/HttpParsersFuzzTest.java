package dev.frontdesk.server.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.BasicCredentials;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.Requests;

/**
 * Fuzz targets for the request parsers every dialect shares. In a normal test run each replays its
 * seed corpus (src/test/resources/.../HttpParsersFuzzTestInputs); {@code bench/fuzz} runs them with
 * coverage guidance for a fixed time. The only acceptable failure for any input is a {@link BadRequest}.
 */
class HttpParsersFuzzTest {

    record LoginBody(String username, String password, Boolean force) {
    }

    @FuzzTest(maxDuration = "10m")
    void basicHeader(FuzzedDataProvider data) {
        BasicCredentials.parse(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "10m")
    void formBody(FuzzedDataProvider data) {
        try {
            Requests.form(data.consumeRemainingAsBytes());
        } catch (BadRequest expected) {
            // malformed input is answered with 400
        }
    }

    @FuzzTest(maxDuration = "10m")
    void jsonBody(FuzzedDataProvider data) {
        try {
            JsonBodies.read(data.consumeRemainingAsBytes(), LoginBody.class);
        } catch (BadRequest expected) {
            // malformed input is answered with 400
        }
    }
}
