package dev.frontdesk.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.OpenApiContract;
import dev.frontdesk.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Unknown user, wrong password, disabled account and empty password look the same from outside. */
@ExtendWith(OpenApiContract.class)
class NoEnumerationTest {
    static TestServer server;
    static Http http = Http.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().createAgent("known", "known-password-1");
        String disabled = server.admin().createAgent("dormant", "dormant-password-1");
        server.admin().ok("PATCH", "/tenants/default/accounts/" + disabled, Map.of("enabled", false));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void failureAnswersAreIdenticalInStatusHeadersAndBody() {
        List<HttpResponse<String>> answers = List.of(login("known", "wrong-password-1"),
                login("nobody-at-all", "wrong-password-1"), login("dormant", "dormant-password-1"),
                login("known", ""));
        HttpResponse<String> first = answers.get(0);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(first.statusCode());
            assertThat(answer.body()).isEqualTo(first.body());
            assertThat(headersWithoutDate(answer)).isEqualTo(headersWithoutDate(first));
        }
    }

    /**
     * Interleaves a few hundred attempts for an unknown and a known user and compares trimmed means:
     * both run one Argon2 verification, so they may differ only by noise (the bound is loose on purpose,
     * to hold on a busy 2-core machine; a skipped hash would show as a several-fold difference).
     */
    @Test
    void unknownUserAndWrongPasswordTakeTheSameTime() {
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            login("warmup", "warmup-password");
        }
        for (int i = 0; i < 300; i++) {
            long t0 = System.nanoTime();
            login("unknown-" + (i % 7), "wrong-password-" + i);
            long t1 = System.nanoTime();
            login("known", "wrong-password-" + i);
            long t2 = System.nanoTime();
            unknown.add(t1 - t0);
            wrong.add(t2 - t1);
        }
        double ratio = trimmedMean(unknown) / trimmedMean(wrong);
        assertThat(ratio).isBetween(0.6, 1.66);
    }

    private static double trimmedMean(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int cut = sorted.size() / 5;
        return sorted.subList(cut, sorted.size() - cut).stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    private static Map<String, List<String>> headersWithoutDate(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    private static HttpResponse<String> login(String user, String password) {
        return http.post(server.baseUrl() + "/api/v1/login", "application/json",
                Json.write(Map.of("username", user, "password", password)));
    }
}
