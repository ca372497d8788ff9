package dev.frontdesk.server.genesys;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.OriginPolicy;
import java.util.List;

/** Fuzz targets for SRS configuration arrays and CORS origin matching. */
class SrsParsersFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void configurationBody(FuzzedDataProvider data) {
        try {
            SrsPost.parse(JsonBodies.tree(data.consumeRemainingAsBytes()));
        } catch (BadRequest expected) {
            // refused as a client error
        }
    }

    @FuzzTest(maxDuration = "10m")
    void corsOrigin(FuzzedDataProvider data) {
        String pattern = data.consumeString(80);
        OriginPolicy.matchesAny(data.consumeRemainingAsString(), List.of("https://*.example.com", "http://localhost:3000", pattern));
    }
}
