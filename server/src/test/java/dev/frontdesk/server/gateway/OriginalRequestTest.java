package dev.frontdesk.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The original path as the upstream routes it: one spelling per path, ambiguous spellings refused. */
class OriginalRequestTest {
    @Test
    void normalizeWhenPlainThenSameStringWithoutQuery() {
        String plain = "/ws/v12/interaction/7";
        assertThat(OriginalRequest.normalize(plain)).containsSame(plain);
        assertThat(OriginalRequest.normalize("/a/b?x=/../admin#f")).contains("/a/b");
        assertThat(OriginalRequest.normalize("/")).contains("/");
        assertThat(OriginalRequest.normalize("/.well-known/x")).contains("/.well-known/x");
    }

    @Test
    void normalizeWhenDotsEmptySegmentsParametersOrEscapesThenResolved() {
        assertThat(OriginalRequest.normalize("/a/./b//c/../d")).contains("/a/b/d");
        assertThat(OriginalRequest.normalize("/f;jsessionid=1/x;y=2")).contains("/f/x");
        assertThat(OriginalRequest.normalize("/%7Euser/caf%C3%A9")).contains("/~user/café");
        assertThat(OriginalRequest.normalize("/a/%2e%2e/b")).contains("/b");
        assertThat(OriginalRequest.normalize("/käse/%41")).contains("/käse/A");
    }

    @Test
    void normalizeWhenAmbiguousThenRefused() {
        for (String raw : new String[] {"", "?x", "relative", "http://host/a", "/a%2Fb", "/a%5cb", "/a%25b",
                "/a%00b", "/a\\b", "/..", "/a/../..", "/a%zz", "/a%4", "/%C3%28", "/a\tb"}) {
            assertThat(OriginalRequest.normalize(raw)).as(raw).isEmpty();
        }
    }
}
