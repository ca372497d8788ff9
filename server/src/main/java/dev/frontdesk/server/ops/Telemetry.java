package dev.frontdesk.server.ops;

import dev.frontdesk.core.audit.AuditEvent;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.audit.AuditLog;
import dev.frontdesk.core.audit.AuditQuery;
import dev.frontdesk.core.credential.PasswordHasher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prometheus metrics. Login outcomes are counted from the audit trail (every login path already
 * writes one event), and hashing is timed by wrapping the hasher, so the core stays free of metrics.
 */
public final class Telemetry {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer hashTimer = Timer.builder("frontdesk.password.hash")
            .description("Time to hash or verify one password")
            .publishPercentileHistogram()
            .register(registry);

    /** Fixed buckets keep the histogram small: one row per bucket and series, whatever the traffic. */
    private static final Duration[] REQUEST_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A standing warning about the deployment (e.g. storage that does not persist), shown by {@code /health}. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public String scrape() {
        return registry.scrape();
    }

    /** One HTTP request: {@code frontdesk_http_requests_seconds}; the tags must come from bounded sets. */
    public void recordRequest(String route, String method, int status, String dialect, long nanos) {
        Timer.builder("frontdesk.http.requests").description("HTTP requests by route template, method, status and dialect")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status)).tag("dialect", dialect)
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public AuditLog counting(AuditLog delegate) {
        Counter underAttack = Counter.builder("frontdesk.accounts.under.attack")
                .description("Principals that reached the hourly failure cap (unproven clients now wait)")
                .register(registry);
        return new AuditLog() {
            @Override
            public void record(AuditEvent event) {
                delegate.record(event);
                String outcome = switch (event.type()) {
                    case LOGIN_SUCCEEDED -> "success";
                    case LOGIN_FAILED -> "failure";
                    case LOGIN_THROTTLED -> "throttled";
                    case LOGIN_REFUSED_AT_CAP -> "refused";
                    default -> null;
                };
                if (event.type() == AuditType.ACCOUNT_UNDER_ATTACK) {
                    underAttack.increment();
                }
                if (outcome != null) {
                    Counter.builder("frontdesk.logins").description("Login attempts by outcome and channel")
                            .tag("outcome", outcome).tag("channel", event.channel() == null ? "" : event.channel())
                            .register(registry).increment();
                }
            }

            @Override
            public List<AuditEvent> query(AuditQuery query) {
                return delegate.query(query);
            }
        };
    }

    public PasswordHasher timing(PasswordHasher delegate) {
        return new PasswordHasher() {
            @Override
            public String hash(CharSequence password) {
                return hashTimer.record(() -> delegate.hash(password));
            }

            @Override
            public boolean matches(CharSequence password, String encodedHash) {
                return Boolean.TRUE.equals(hashTimer.record(() -> delegate.matches(password, encodedHash)));
            }

            @Override
            public String unmatchableHash() {
                return delegate.unmatchableHash();
            }

            @Override
            public boolean needsRehash(String encodedHash) {
                return delegate.needsRehash(encodedHash);
            }

            @Override
            public boolean recognizes(String encodedHash) {
                return delegate.recognizes(encodedHash);
            }
        };
    }
}
