package dev.frontdesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditEvent;
import dev.frontdesk.core.audit.AuditLog;
import dev.frontdesk.core.audit.AuditQuery;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.support.TestClock;
import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.core.throttle.FailureThrottle;
import dev.frontdesk.core.throttle.InMemoryThrottleCounters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthenticationTest {
    private static final ThrottleSettings SETTINGS = ThrottleSettings.defaults();

    final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    final List<AuditEvent> trail = new CopyOnWriteArrayList<>();
    final Authentication authentication = new Authentication(
            new FailureThrottle(new InMemoryThrottleCounters(), clock),
            new Audit(new AuditLog() {
                @Override
                public void record(AuditEvent event) {
                    trail.add(event);
                }

                @Override
                public List<AuditEvent> query(AuditQuery query) {
                    return trail;
                }
            }, clock, IdGenerator.randomUuids()), Secrets.strong());
    final AtomicInteger verifications = new AtomicInteger();

    private Attempt attempt(CredentialKind kind, String principal, String ip) {
        return new Attempt("acme", kind, principal, new RequestContext("test", ip, "", null));
    }

    private Supplier<Verification<String>> rejecting() {
        return () -> {
            verifications.incrementAndGet();
            return Verification.rejected("wrong");
        };
    }

    private Supplier<Verification<String>> accepting(String who) {
        return () -> {
            verifications.incrementAndGet();
            return Verification.verified(who);
        };
    }

    @ParameterizedTest
    @EnumSource(CredentialKind.class)
    void everyKindWhenWrongFreeFailuresExhaustedThenThrottledBeforeAnyVerification(CredentialKind kind) {
        for (int i = 0; i < SETTINGS.freeFailures(); i++) {
            assertThat(authentication.authenticate(attempt(kind, "alice", "10.0.0.1"), SETTINGS, rejecting()))
                    .isInstanceOf(AuthOutcome.Refused.class);
        }
        verifications.set(0);

        AuthOutcome<String> next = authentication.authenticate(attempt(kind, "alice", "10.0.0.1"), SETTINGS,
                accepting("alice"));

        assertThat(next).isEqualTo(new AuthOutcome.Throttled<String>(Duration.ofSeconds(SETTINGS.firstDelaySeconds())));
        assertThat(verifications).as("no hash, bind or upstream call while throttled").hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(CredentialKind.class)
    void everyKindWhenThrottledFromOneAddressThenRightSecretFromAnotherAddressWorks(CredentialKind kind) {
        for (int i = 0; i < SETTINGS.freeFailures(); i++) {
            authentication.authenticate(attempt(kind, "alice", "10.0.0.1"), SETTINGS, rejecting());
        }

        assertThat(authentication.authenticate(attempt(kind, "alice", "10.0.0.2"), SETTINGS, accepting("alice")))
                .isEqualTo(new AuthOutcome.Accepted<>("alice"));
    }

    @ParameterizedTest
    @EnumSource(CredentialKind.class)
    void everyOutcomeIsAuditedWithTheKindsTypes(CredentialKind kind) {
        authentication.authenticate(attempt(kind, "bob", "10.0.0.3"), SETTINGS, rejecting());
        assertThat(trail).last().extracting(AuditEvent::type).isEqualTo(kind.failureAudit());
        assertThat(trail).last().extracting(AuditEvent::username).isEqualTo("bob");

        for (int i = 1; i < SETTINGS.freeFailures(); i++) {
            authentication.authenticate(attempt(kind, "bob", "10.0.0.3"), SETTINGS, rejecting());
        }
        authentication.authenticate(attempt(kind, "bob", "10.0.0.3"), SETTINGS, rejecting());
        assertThat(trail).last().extracting(AuditEvent::type).isEqualTo(AuditType.LOGIN_THROTTLED);
    }

    @Test
    void undecidedVerdictWhenBackendDownThenNeitherCountedNorThrottled() {
        for (int i = 0; i < SETTINGS.freeFailures() * 3; i++) {
            assertThat(authentication.authenticate(attempt(CredentialKind.DIRECTORY, "carol", "10.0.0.4"), SETTINGS,
                    () -> Verification.<String>undecided("directory down")))
                    .isInstanceOf(AuthOutcome.Unavailable.class);
        }

        assertThat(authentication.authenticate(attempt(CredentialKind.DIRECTORY, "carol", "10.0.0.4"), SETTINGS,
                accepting("carol"))).isEqualTo(new AuthOutcome.Accepted<>("carol"));
    }

    @Test
    void passwordDirectoryAndUpstreamGuessesAtOneLoginCountTogether() {
        CredentialKind[] kinds = {CredentialKind.PASSWORD, CredentialKind.DIRECTORY, CredentialKind.UPSTREAM};
        for (int i = 0; i < SETTINGS.freeFailures(); i++) {
            authentication.authenticate(attempt(kinds[i % 3], "dave", "10.0.0.5"), SETTINGS, rejecting());
        }

        assertThat(authentication.authenticate(attempt(CredentialKind.PASSWORD, "dave", "10.0.0.5"), SETTINGS,
                accepting("dave"))).isInstanceOf(AuthOutcome.Throttled.class);
    }

    @Test
    void clientSecretFailuresDoNotThrottleALoginOfTheSameName() {
        for (int i = 0; i < SETTINGS.freeFailures(); i++) {
            authentication.authenticate(attempt(CredentialKind.CLIENT_SECRET, "erin", "10.0.0.6"), SETTINGS, rejecting());
        }

        assertThat(authentication.authenticate(attempt(CredentialKind.PASSWORD, "erin", "10.0.0.6"), SETTINGS,
                accepting("erin"))).isEqualTo(new AuthOutcome.Accepted<>("erin"));
    }

    @Test
    void successClearsTheAddressCounter() {
        for (int i = 0; i < SETTINGS.freeFailures() - 1; i++) {
            authentication.authenticate(attempt(CredentialKind.PASSWORD, "frank", "10.0.0.7"), SETTINGS, rejecting());
        }
        authentication.authenticate(attempt(CredentialKind.PASSWORD, "frank", "10.0.0.7"), SETTINGS, accepting("frank"));
        for (int i = 0; i < SETTINGS.freeFailures() - 1; i++) {
            authentication.authenticate(attempt(CredentialKind.PASSWORD, "frank", "10.0.0.7"), SETTINGS, rejecting());
        }

        assertThat(authentication.authenticate(attempt(CredentialKind.PASSWORD, "frank", "10.0.0.7"), SETTINGS,
                accepting("frank"))).isEqualTo(new AuthOutcome.Accepted<>("frank"));
    }

    @Test
    void personWhenAcceptedThenDeviceTokenIssuedAndClientSecretNot() {
        RequestContext browser = new RequestContext("test", "10.0.0.8", "", null);
        authentication.authenticate(new Attempt("acme", CredentialKind.PASSWORD, "gail", browser), SETTINGS,
                accepting("gail"));
        assertThat(browser.device().issued()).isPresent();

        RequestContext service = new RequestContext("test", "10.0.0.8", "", null);
        authentication.authenticate(new Attempt("acme", CredentialKind.CLIENT_SECRET, "app", service), SETTINGS,
                accepting("app"));
        assertThat(service.device().issued()).isEmpty();
    }

    @Test
    void principalReachingTheHourlyCapIsAuditedAsUnderAttackOnce() {
        for (int i = 0; i < SETTINGS.maxFailuresPerAccountPerHour() + 5; i++) {
            authentication.authenticate(attempt(CredentialKind.PASSWORD, "hugo", "198.51.100." + i), SETTINGS,
                    rejecting());
        }
        assertThat(trail).filteredOn(e -> e.type() == AuditType.ACCOUNT_UNDER_ATTACK).hasSize(1);
    }

    @Test
    void simultaneousWrongGuessesGetExactlyFreeFailuresVerifications() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(40)) {
            List<java.util.concurrent.Future<AuthOutcome<String>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> authentication.authenticate(attempt(CredentialKind.PASSWORD, "iris",
                        "10.0.0.9"), SETTINGS, rejecting())));
            }
            for (var result : results) {
                result.get();
            }
        }
        assertThat(verifications).hasValue(SETTINGS.freeFailures());
    }

    @Test
    void simultaneousRightAttemptsOfOneSubjectAllSucceed() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
            List<java.util.concurrent.Future<AuthOutcome<String>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> authentication.authenticate(attempt(CredentialKind.PASSWORD, "jack",
                        "10.0.0.10"), SETTINGS, accepting("jack"))));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(new AuthOutcome.Accepted<>("jack"));
            }
        }
    }
}
