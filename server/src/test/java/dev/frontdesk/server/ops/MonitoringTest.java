package dev.frontdesk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.frontdesk.server.testing.Http;
import dev.frontdesk.server.testing.NativeClient;
import dev.frontdesk.server.testing.TestServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring kit in {@code docs/ops/}: the alert rules pass {@code promtool}, the Grafana dashboard matches
 * the schema written for it, every metric they name is one the server exports (or one announced as coming),
 * and the HTTP histogram is tagged by route template, never by raw path.
 */
class MonitoringTest {
    /** Named by the alerts and the dashboard, exported by work under way elsewhere (audit spool). */
    private static final Set<String> COMING = Set.of("frontdesk_audit_spool_events");
    private static final Pattern METRIC = Pattern.compile("frontdesk_[a-z_]+");

    static TestServer server;
    static final Http http = Http.plain();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.admin().createAgent("mona", "mona-password-1");
        NativeClient api = new NativeClient(server.baseUrl());
        api.loginOk("mona", "mona-password-1");
        api.login("mona", "wrong-password", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void alertRulesWhenCheckedWithPromtoolThenPass() throws Exception {
        OpsFiles.Result result = OpsFiles.run("promtool", "check", "rules", "docs/ops/alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void dashboardWhenValidatedAgainstItsSchemaThenConforms() throws Exception {
        List<Error> errors = dashboardSchema().validate(Files.readString(OpsFiles.file("docs/ops/grafana-dashboard.json")),
                InputFormat.JSON);
        assertThat(errors).isEmpty();
    }

    @Test
    void dashboardSchemaWhenPanelHasNoQueryThenRejectsIt() throws Exception {
        String broken = Files.readString(OpsFiles.file("docs/ops/grafana-dashboard.json"))
                .replaceFirst("\"targets\": \\[", "\"targetz\": [");
        assertThat(dashboardSchema().validate(broken, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void metricsNamedByAlertsAndDashboardWhenScrapedThenExportedOrAnnounced() throws Exception {
        String scrape = http.get(server.baseUrl() + "/metrics").body();
        Set<String> named = new TreeSet<>();
        for (String file : List.of("docs/ops/alerts.yml", "docs/ops/grafana-dashboard.json")) {
            Matcher m = METRIC.matcher(Files.readString(OpsFiles.file(file)));
            while (m.find()) {
                named.add(m.group().replaceAll("_(bucket|count|sum|)$", ""));
            }
        }
        assertThat(named).contains("frontdesk_logins_total", "frontdesk_http_requests_seconds",
                "frontdesk_sessions_active", "frontdesk_accounts_under_attack_total", "frontdesk_audit_spool_events");
        for (String name : named) {
            if (!COMING.contains(name)) {
                assertThat(scrape).as("metric %s named in docs/ops", name).containsPattern("(?m)^" + name + "[_{ ]");
            }
        }
    }

    @Test
    void requestsWhenServedThenTimedByRouteTemplateAndDialect() throws InterruptedException {
        server.admin().ok("GET", "/tenants/default", null);
        http.get(server.baseUrl() + "/no/such/path/for-metrics");
        String scrape = scrapeOnceCounted("route=\"unmatched\"", "route=\"/admin/api/v1/tenants/{t}\"");
        assertThat(scrape).containsPattern("frontdesk_http_requests_seconds_count\\{[^}]*dialect=\"native\"[^}]*"
                + "method=\"POST\"[^}]*route=\"/api/v1/login\"[^}]*status=\"201\"[^}]*} 1");
        assertThat(scrape).containsPattern("frontdesk_http_requests_seconds_bucket\\{[^}]*dialect=\"native\"[^}]*le=\"0.1\"");
        assertThat(scrape).contains("frontdesk_http_requests_seconds_count{dialect=\"admin\",method=\"GET\","
                + "route=\"/admin/api/v1/tenants/{t}\",status=\"200\"}");
        assertThat(scrape).containsPattern("frontdesk_http_requests_seconds_count\\{[^}]*dialect=\"other\"[^}]*"
                + "route=\"unmatched\"[^}]*status=\"404\"");
        assertThat(scrape).doesNotContain("for-metrics").doesNotContain("tenants/default");
    }

    /**
     * A scrape that counts the requests just made: a request is recorded once its answer is sent, so the
     * client may read the answer a moment before the count appears.
     */
    private String scrapeOnceCounted(String... routes) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        String scrape;
        do {
            scrape = http.get(server.baseUrl() + "/metrics").body();
            String current = scrape;
            if (java.util.Arrays.stream(routes).allMatch(current::contains)) {
                return scrape;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return scrape;
    }

    private static Schema dashboardSchema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(OpsFiles.file("docs/ops/grafana-dashboard.schema.json")), InputFormat.JSON);
    }
}
