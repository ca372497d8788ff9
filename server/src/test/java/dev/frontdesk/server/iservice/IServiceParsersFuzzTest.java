package dev.frontdesk.server.iservice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontdesk.server.http.BadRequest;

/** Fuzz target for iService request bodies (form-encoded or JSON); only a 400-style refusal is allowed. */
class IServiceParsersFuzzTest {
    private static final String[] TYPES = {"application/json", "application/x-www-form-urlencoded", "", "text/plain"};

    @FuzzTest(maxDuration = "10m")
    void wireRequest(FuzzedDataProvider data) {
        String type = data.pickValue(TYPES);
        try {
            WireRequest.parse(type, data.consumeRemainingAsBytes());
        } catch (BadRequest expected) {
            // refused as a client error
        }
    }
}
